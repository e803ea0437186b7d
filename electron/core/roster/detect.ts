import { ValidationError } from '../errors'
import { cellText, serialToIso, type CellValue } from './cell-normalize'
import { FIELD_HEADERS, IMPORT_FIELDS, type ImportField } from './fields'
import { detectHeader, HEADER_SEARCH_ROWS, type DetectedColumn } from './header-detection'
import { readRosterSheets, rosterFileKind, type RosterFileKind, type RosterRow } from './read-roster'
import { countSheetRows } from './row-count'
import type { ColumnMap } from './row-validate'

/** Which sheet, which header row, and which column fills each field: proposed by detection, confirmed by the user. */
export type RosterMapping = {
  sheet: string
  /** The sheet's position, for the cheap row count behind progress bars. */
  sheetIndex?: number
  headerRow: number
  columns: ColumnMap
}

export type RosterDetection = {
  fileName: string
  kind: RosterFileKind
  /** Worksheet names in order (one entry, "CSV", for a .csv file). */
  sheets: string[]
  /** The proposal; null when no sheet has a recognisable header (the UI then asks for one). */
  mapping: RosterMapping | null
  headerRow: number | null
  columns: DetectedColumn[]
  /** Up to 5 rows under the header as text, to show beside the mapping. */
  sampleRows: Array<{ rowNumber: number; cells: string[] }>
  /** Rows under the header, counted cheaply (may include blank and totals rows); null if unknown. */
  totalRowsEstimate: number | null
}

type SheetHead = { name: string; index: number; date1904: boolean; rows: RosterRow[] }

/** Reads only the top of each sheet and proposes a mapping for the first sheet that has a header. */
export async function detectRoster(filePath: string, options: { fileName?: string; sheet?: string } = {}): Promise<RosterDetection> {
  const kind = rosterFileKind(filePath)
  const heads: SheetHead[] = []
  for await (const sheet of readRosterSheets(filePath)) {
    const rows: RosterRow[] = []
    for await (const row of sheet.rows) {
      rows.push(row)
      if (rows.length >= HEADER_SEARCH_ROWS + 5) break
    }
    heads.push({ name: sheet.name, index: sheet.index, date1904: sheet.date1904, rows })
  }
  const candidates = options.sheet ? heads.filter((h) => h.name === options.sheet) : heads
  if (options.sheet && candidates.length === 0) throw new ValidationError('sheet', 'import.sheetNotFound', { sheet: options.sheet })
  let chosen: SheetHead | undefined
  let guess: ReturnType<typeof detectHeader> = null
  for (const h of candidates) {
    guess = detectHeader(h.rows)
    if (guess) { chosen = h; break }
  }
  const fileName = options.fileName ?? filePath.split(/[\\/]/).pop() ?? filePath
  const base = { fileName, kind, sheets: heads.map((h) => h.name) }
  if (!chosen || !guess) {
    return { ...base, mapping: null, headerRow: null, columns: [], sampleRows: [], totalRowsEstimate: null }
  }
  const columns: ColumnMap = {}
  for (const c of guess.columns) if (c.field) columns[c.field] = c.index
  const headerRow = guess.headerRow
  // Date columns often hold Excel serials (41091): show them as the dates they are.
  const dateColumns = new Set([columns.birthDate, columns.joinDate].filter((c): c is number => c !== undefined))
  const sampleText = (c: CellValue, index: number) =>
    typeof c === 'number' && dateColumns.has(index + 1) && c > 0 && c < 2958466 ? serialToIso(c, chosen.date1904) : cellText(c)
  const sampleRows = chosen.rows
    .filter((r) => r.rowNumber > headerRow && r.cells.some((c) => cellText(c) !== ''))
    .slice(0, 5)
    .map((r) => ({ rowNumber: r.rowNumber, cells: r.cells.map(sampleText) }))
  const counted = await countSheetRows(filePath, chosen.index)
  return {
    ...base,
    mapping: { sheet: chosen.name, sheetIndex: chosen.index, headerRow, columns },
    headerRow,
    columns: guess.columns,
    sampleRows,
    totalRowsEstimate: counted === null ? null : Math.max(0, counted - headerRow),
  }
}

/** Checks a mapping the user confirmed: the name is mapped and no column fills two fields. */
export function checkMapping(mapping: RosterMapping): void {
  if (!mapping.columns.name) throw new ValidationError('mapping', 'import.nameNotMapped')
  const seen = new Map<number, ImportField>()
  for (const f of IMPORT_FIELDS) {
    const col = mapping.columns[f]
    if (col === undefined) continue
    if (!Number.isInteger(col) || col < 1) throw new ValidationError('mapping', 'import.columnTwice', { column: String(col) })
    if (seen.has(col)) throw new ValidationError('mapping', 'import.columnTwice', { column: columnLetter(col) })
    seen.set(col, f)
  }
}

/** 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let s = ''
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s
  return s
}

/** The header names the template and export use, in order. */
export const TEMPLATE_HEADERS: ReadonlyArray<[ImportField, string]> = IMPORT_FIELDS.map((f) => [f, FIELD_HEADERS[f]])
