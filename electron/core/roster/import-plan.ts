import type { Queryable } from '../db/sqlite'
import type { IdNumberProtector } from '../members/id-number-protection'
import { AppError, ValidationError } from '../errors'
import { cellText, type CellValue } from './cell-normalize'
import { checkMapping, type RosterMapping } from './detect'
import { fieldLabel, type ImportField } from './fields'
import { importErrorWords } from './import-messages'
import { readRosterSheets } from './read-roster'
import { rawCellText, validateRow, type ParsedMember, type Params, type RowIssue } from './row-validate'

/**
 * The streaming pass shared by preview and commit: read → validate → find duplicates in the file
 * and collisions with the register → hand rows over in chunks. Nothing here writes.
 */
export type ConflictMode = 'skip' | 'update'

export type ImportOptions = {
  mapping: RosterMapping
  onConflict: ConflictMode
  /** ID numbers are stored sealed: matched by blind index, written sealed. */
  idNumbers: IdNumberProtector
  /** Shown in messages and written into history notes (「导入：<fileName>」). */
  fileName: string
  signal?: AbortSignal
  onProgress?: (p: ImportProgress) => void
  /** Rows expected (from detection), for the progress bar; counted cheaply when absent. */
  totalRows?: number | null
  /** Rows per chunk: progress, cancellation and yielding happen between chunks. */
  chunkSize?: number
  /** For tests: "today" for ID-number and history dates. */
  now?: Date
}

export type ImportProgress = { rowsDone: number; total: number | null; rowsPerSecond: number; elapsedMs: number }

export type ImportError = {
  /** The row number as Excel shows it. */
  rowNumber: number
  /** The column's header in the file (or the field's name when the column was not in the file). */
  column: string
  /** 1-based column in the file, null when the field's column was not mapped. */
  columnIndex: number | null
  field: ImportField | null
  value: string
  /** With `params`, words the error in any locale (shared/messages `importErrors.*`, `errors.*`). */
  messageKey: string
  /** The issue's values, and `field`: the field's label as a reference (`@fields.idNumber`). */
  params: Params
  /** The reason in Chinese, e.g. 校验位错误，应为 X，请核对后重新导入 */
  reason: string
  /** The whole sentence: 第 12 行 身份证号码：校验位错误，应为 X，请核对后重新导入 */
  message: string
}

/** A row that will not be imported, with its original cells for the error report. */
export type ErrorRow = { rowNumber: number; cells: CellValue[]; errors: ImportError[] }

export type NewRow = { rowNumber: number; member: ParsedMember }
export type Collision = { rowNumber: number; member: ParsedMember; memberId: number }
export type PlanChunk = { newRows: NewRow[]; collisions: Collision[]; rowsDone: number }

export type PlanSummary = {
  /** The file's header row as text, in column order (kept by the error report). */
  headers: string[]
  dataRows: number
  errorRows: ErrorRow[]
  /** Totals, notes and signature lines (合计 / 小计 / 备注 / 制表人 …) and what follows them that is not a member row. */
  ignoredRows: number
  newDepartments: string[]
}

export type ExistingIndex = {
  /** Members by the blind index of their ID number. */
  byIdHash: Map<string, number>
  byEmployeeNo: Map<string, number>
  hasIdNumber: Set<number>
  nameOf: Map<number, string>
  departments: Map<string, number>
}

export class ImportCancelledError extends AppError {
  constructor() {
    super('validation', 'import.cancelled')
  }
}

export const DEFAULT_CHUNK = 1000
const FOOTER = /^[(（]?\s*(合\s*计|总\s*计|小\s*计|共\s*计|累\s*计|备\s*注|注\s*[:：]|说\s*明|制\s*表|填\s*表|填\s*报|审\s*核|负责人|单位负责人|联系人|日\s*期\s*[:：]|以下空白)/

export async function loadExistingIndex(db: Queryable): Promise<ExistingIndex> {
  const rows = await db.all<{ id: number; h: string | null; e: string | null; n: string }>(
    'SELECT id, id_number_hash AS h, employee_no AS e, name AS n FROM members')
  const idx: ExistingIndex = { byIdHash: new Map(), byEmployeeNo: new Map(), hasIdNumber: new Set(), nameOf: new Map(), departments: new Map() }
  for (const r of rows) {
    if (r.h) { idx.byIdHash.set(r.h, r.id); idx.hasIdNumber.add(r.id) }
    if (r.e) idx.byEmployeeNo.set(r.e, r.id)
    idx.nameOf.set(r.id, r.n)
  }
  for (const d of await db.all<{ id: number; name: string }>('SELECT id, name FROM departments')) idx.departments.set(d.name, d.id)
  return idx
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ImportCancelledError()
}

export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** Blank in every mapped column: rows that only carry a 序号 (pre-numbered empty lines) count as blank. */
function isBlankRow(cells: readonly CellValue[], mapped: readonly number[]): boolean {
  for (const col of mapped) {
    const c = cells[col - 1]
    if (c !== null && c !== undefined && (typeof c !== 'string' || cellText(c) !== '')) return false
  }
  return true
}

function isFooterRow(cells: readonly CellValue[], nameColumn: number): boolean {
  const first = cells.find((c) => c !== null && cellText(c) !== '')
  const name = cells[nameColumn - 1] ?? null
  return (typeof first === 'string' && FOOTER.test(cellText(first))) || (typeof name === 'string' && FOOTER.test(cellText(name)))
}

/** Below a totals line, only rows with a name and at least one more field are members (e.g. after a 小计). */
function looksLikeMember(cells: readonly CellValue[], mapped: readonly number[], nameColumn: number): boolean {
  if (cellText(cells[nameColumn - 1] ?? null) === '') return false
  return mapped.some((col) => col !== nameColumn && cellText(cells[col - 1] ?? null) !== '')
}

/**
 * Streams the mapped sheet and calls `onChunk` every `chunkSize` data rows (and once at the end).
 * Awaiting `onChunk` is the back-pressure: a commit starts the chunk's write and returns, so the
 * next chunk is read while SQLite works.
 */
export async function planImport(
  filePath: string,
  existing: ExistingIndex,
  options: ImportOptions,
  onChunk: (chunk: PlanChunk) => Promise<void>,
): Promise<PlanSummary> {
  const { mapping, signal } = options
  checkMapping(mapping)
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK
  const ctx = { date1904: false, today: options.now ?? new Date() }
  const columns = mapping.columns
  const mapped = Object.values(columns).filter((c): c is number => typeof c === 'number')
  const summary: PlanSummary = { headers: [], dataRows: 0, errorRows: [], ignoredRows: 0, newDepartments: [] }
  const newDepartments = new Set<string>()
  const idSeen = new Map<string, number>()
  const employeeNoSeen = new Map<string, number>()
  const targetSeen = new Map<number, number>()
  let chunk: PlanChunk = { newRows: [], collisions: [], rowsDone: 0 }
  let inChunk = 0
  let footer = false

  const headerOf = (field: ImportField): string => {
    const col = columns[field]
    return (col !== undefined && summary.headers[col - 1]) || fieldLabel(field)
  }
  const toError = (rowNumber: number, cells: readonly CellValue[], issue: RowIssue): ImportError => {
    const column = headerOf(issue.field)
    return {
      rowNumber, column, columnIndex: columns[issue.field] ?? null, field: issue.field, value: rawCellText(cells, columns[issue.field]),
      messageKey: issue.messageKey, ...importErrorWords(rowNumber, column, issue.field, issue.messageKey, issue.params),
    }
  }

  let found = false
  for await (const sheet of readRosterSheets(filePath)) {
    if (sheet.name !== mapping.sheet) continue
    found = true
    ctx.date1904 = sheet.date1904
    for await (const batch of sheet.batches) for (const row of batch) {
      if (row.rowNumber < mapping.headerRow) continue
      if (row.rowNumber === mapping.headerRow) {
        summary.headers = row.cells.map((c) => cellText(c))
        continue
      }
      const cells = row.cells
      if (isFooterRow(cells, columns.name!)) { footer = true; summary.ignoredRows++; continue }
      if (isBlankRow(cells, mapped)) continue
      if (footer && !looksLikeMember(cells, mapped, columns.name!)) { summary.ignoredRows++; continue }
      summary.dataRows++
      inChunk++
      const rowNumber = row.rowNumber
      const { member, issues } = validateRow(cells, columns, ctx)
      if (!member) {
        summary.errorRows.push({ rowNumber, cells, errors: issues.map((i) => toError(rowNumber, cells, i)) })
      } else {
        const idHash = member.fields.idNumber && existing.byIdHash.size ? options.idNumbers.hash(member.fields.idNumber) : null
        const issue = placeRow(member, idHash, rowNumber, existing, { idSeen, employeeNoSeen, targetSeen }, chunk)
        if (issue) summary.errorRows.push({ rowNumber, cells, errors: [toError(rowNumber, cells, issue)] })
        else if (member.departmentName && !existing.departments.has(member.departmentName)) newDepartments.add(member.departmentName)
      }
      if (inChunk >= chunkSize) {
        throwIfCancelled(signal)
        chunk.rowsDone = summary.dataRows
        await onChunk(chunk)
        chunk = { newRows: [], collisions: [], rowsDone: 0 }
        inChunk = 0
        await yieldToEventLoop()
        throwIfCancelled(signal)
      }
    }
    break
  }
  if (!found) throw new ValidationError('sheet', 'import.sheetNotFound', { sheet: mapping.sheet })
  throwIfCancelled(signal)
  chunk.rowsDone = summary.dataRows
  await onChunk(chunk)
  summary.newDepartments = [...newDepartments]
  return summary
}

type SeenMaps = { idSeen: Map<string, number>; employeeNoSeen: Map<string, number>; targetSeen: Map<number, number> }

/** Duplicates inside the file, then collisions with the register: returns the issue, or files the row into the chunk. */
function placeRow(
  member: ParsedMember, idHash: string | null, rowNumber: number, existing: ExistingIndex, seen: SeenMaps, chunk: PlanChunk,
): RowIssue | null {
  const f = member.fields
  const firstById = f.idNumber ? seen.idSeen.get(f.idNumber) : undefined
  if (firstById !== undefined) return { field: 'idNumber', messageKey: 'import.duplicateInFile', params: { row: firstById } }
  const firstByNo = f.employeeNo ? seen.employeeNoSeen.get(f.employeeNo) : undefined
  if (firstByNo !== undefined) return { field: 'employeeNo', messageKey: 'import.duplicateInFile', params: { row: firstByNo } }

  const idHolder = idHash ? existing.byIdHash.get(idHash) : undefined
  const noHolder = f.employeeNo ? existing.byEmployeeNo.get(f.employeeNo) : undefined
  if (idHolder !== undefined && noHolder !== undefined && idHolder !== noHolder) {
    return { field: 'employeeNo', messageKey: 'import.idAndEmployeeNoConflict',
      params: { other: existing.nameOf.get(idHolder) ?? '', another: existing.nameOf.get(noHolder) ?? '' } }
  }
  let target = idHolder
  if (target === undefined && noHolder !== undefined) {
    // Same employee no. but a different person's ID number on record: not the same member.
    if (f.idNumber && existing.hasIdNumber.has(noHolder)) {
      return { field: 'employeeNo', messageKey: 'duplicate.employeeNo', params: { other: existing.nameOf.get(noHolder) ?? '' } }
    }
    target = noHolder
  }
  if (target !== undefined) {
    const earlier = seen.targetSeen.get(target)
    if (earlier !== undefined) {
      return { field: 'name', messageKey: 'import.sameMemberTwice', params: { row: earlier, other: existing.nameOf.get(target) ?? '' } }
    }
    seen.targetSeen.set(target, rowNumber)
  }
  if (f.idNumber) seen.idSeen.set(f.idNumber, rowNumber)
  if (f.employeeNo) seen.employeeNoSeen.set(f.employeeNo, rowNumber)
  if (target !== undefined) chunk.collisions.push({ rowNumber, member, memberId: target })
  else chunk.newRows.push({ rowNumber, member })
  return null
}

/** The first `limit` errors, flattened in row order. */
export function firstErrors(rows: readonly ErrorRow[], limit = 100): ImportError[] {
  const out: ImportError[] = []
  for (const r of rows) {
    for (const e of r.errors) {
      if (out.length >= limit) return out
      out.push(e)
    }
  }
  return out
}
