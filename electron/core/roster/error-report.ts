import { rename, rm } from 'node:fs/promises'
import { cellText, isoOfDate, parseDateCell, readIdCell, type CellValue } from './cell-normalize'
import type { ErrorRow } from './import-plan'
import { loadExcelJS } from './read-roster'
import type { ColumnMap } from './row-validate'

/**
 * The rows that were not imported, as an .xlsx the secretary fixes and imports again: the file's
 * own header and columns, the rows as they were, and a 错误说明 column at the end (which the
 * import ignores). Cells with a problem are shaded. ID numbers are text cells, and a date the file
 * held as an Excel serial is written as 1985-03-01, so a fixed report imports cleanly.
 */
export type ErrorReport = { headers: string[]; errorRows: ErrorRow[]; columns: ColumnMap; date1904?: boolean }

export const ERROR_COLUMN_HEADER = '错误说明'

function reportValue(v: CellValue, column: number, report: ErrorReport): string | number | boolean | null {
  const c = report.columns
  if (v === null) return null
  if (column === c.idNumber) {
    const id = readIdCell(v)
    return id.kind === 'lostPrecision' ? id.shown : cellText(v)
  }
  if (column === c.birthDate || column === c.joinDate) {
    if (typeof v === 'number' || v instanceof Date) {
      const d = parseDateCell(v, report.date1904)
      return d?.ok ? d.value : cellText(v)
    }
  }
  if (v instanceof Date) return isoOfDate(v)
  return v
}

export async function writeErrorReport(filePath: string, report: ErrorReport): Promise<{ filePath: string; rows: number }> {
  const ExcelJS = await loadExcelJS()
  const tmp = `${filePath}.${process.pid}.tmp`
  const width = Math.max(report.headers.length, ...report.errorRows.map((r) => r.cells.length))
  const headers = Array.from({ length: width }, (_, i) => report.headers[i] ?? '')
  try {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useStyles: true, useSharedStrings: false })
    const ws = wb.addWorksheet('未导入的行', { views: [{ state: 'frozen', ySplit: 1 }] })
    ws.columns = [
      ...headers.map((_, i) => ({ width: i + 1 === report.columns.idNumber ? 21 : 12, style: i + 1 === report.columns.idNumber ? { numFmt: '@' } : {} })),
      { width: 60 },
    ]
    const header = ws.addRow([...headers, ERROR_COLUMN_HEADER])
    header.font = { bold: true }
    header.commit()
    for (const r of report.errorRows) {
      const values = headers.map((_, i) => reportValue(r.cells[i] ?? null, i + 1, report))
      const row = ws.addRow([...values, r.errors.map((e) => e.message).join('；')])
      for (const e of r.errors) {
        if (e.columnIndex) row.getCell(e.columnIndex).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFD7D7' } }
      }
      row.getCell(width + 1).font = { color: { argb: 'FFC00000' } }
      row.commit()
    }
    ws.commit()
    await wb.commit()
    await rename(tmp, filePath)
    return { filePath, rows: report.errorRows.length }
  } catch (err) {
    await rm(tmp, { force: true })
    throw err
  }
}
