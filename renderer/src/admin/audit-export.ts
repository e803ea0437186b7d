import type * as ExcelJSNs from 'exceljs'
import { formatChanges, formatLocalDateTime, objectName, type ChangeWords } from './admin-format'
import type { AuditRow } from './admin-types'

type ExcelJSModule = typeof ExcelJSNs

/** Loaded on first export only: exceljs is large and most sessions never export. */
let excel: Promise<ExcelJSModule> | null = null
function loadExcel(): Promise<ExcelJSModule> {
  excel ??= import('exceljs').then((m) => ((m as { default?: ExcelJSModule }).default ?? (m as unknown as ExcelJSModule)))
  return excel
}

export type AuditSheetText = {
  /** Names a record the entry itself does not name (accounts by id). */
  lookup?: (entity: string, id: string) => string | undefined
  /** 「西宁市…工会委员会 操作日志」 */
  title: string
  /** 「导出日期：2026-11-27 筛选：…」 */
  subtitle: string
  headers: string[]
  sheetName: string
  action: (action: string) => string
  entity: (entity: string) => string
  changes: ChangeWords
}

/** The sheet's body: one row per entry, every cell text (times local), changes one per line. */
export function auditSheetRows(rows: AuditRow[], text: Pick<AuditSheetText, 'action' | 'entity' | 'changes' | 'lookup'>): string[][] {
  return rows.map((r) => [
    formatLocalDateTime(r.at),
    r.actorName,
    text.action(r.action),
    text.entity(r.entity),
    objectName(r, text.lookup),
    formatChanges(r.changes, text.changes).join('\n'),
  ])
}

/**
 * A workbook that opens cleanly in WPS and Excel: a title row with the union's name, the export
 * date and filter, Chinese headers, every cell as text (no date or number guessing), wrapped changes.
 */
export async function buildAuditWorkbook(rows: AuditRow[], text: AuditSheetText): Promise<ExcelJSNs.Workbook> {
  const ExcelJS = await loadExcel()
  const wb = new ExcelJS.Workbook()
  wb.creator = 'UnionDesk'
  const ws = wb.addWorksheet(text.sheetName, { views: [{ state: 'frozen', ySplit: 3 }] })
  const widths = [20, 12, 18, 10, 22, 60]
  ws.columns = widths.map((width) => ({ width, style: { numFmt: '@' } }))
  const last = String.fromCharCode(64 + widths.length)
  ws.addRow([text.title])
  ws.mergeCells(`A1:${last}1`)
  ws.getRow(1).font = { bold: true, size: 16 }
  ws.getRow(1).height = 26
  ws.addRow([text.subtitle])
  ws.mergeCells(`A2:${last}2`)
  const header = ws.addRow(text.headers)
  header.font = { bold: true }
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFF2F6' } }
    c.border = { bottom: { style: 'thin' } }
  })
  for (const values of auditSheetRows(rows, text)) {
    const row = ws.addRow(values)
    row.alignment = { vertical: 'top', wrapText: true }
  }
  return wb
}

/** Saves the workbook through the browser (Electron shows its save dialog; the web host downloads). */
export async function downloadWorkbook(wb: ExcelJSNs.Workbook, fileName: string): Promise<void> {
  const buffer = await wb.xlsx.writeBuffer()
  const blob = new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
