import { ValidationError } from '../errors'
import { cellText, serialToIso, type CellValue } from './cell-normalize'
import { FIELD_HEADERS, IMPORT_FIELDS, type ImportField } from './fields'
import { detectHeader, headerFromRow, HEADER_SEARCH_ROWS, type DetectedColumn, type HeaderGuess } from './header-detection'
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

export type SheetRowText = { rowNumber: number; cells: string[] }

export type RosterDetection = {
  fileName: string
  kind: RosterFileKind
  /** Worksheet names in order (one entry, "CSV", for a .csv file). */
  sheets: string[]
  /** The sheet the mapping and the raw rows come from (null only for a workbook without sheets). */
  sheet: string | null
  /** The proposal; null when no sheet has a recognisable header (the UI then asks for one). */
  mapping: RosterMapping | null
  headerRow: number | null
  /** The header row is the one the user chose (detectRoster's `headerRow`), not one found by detection. */
  headerChosen: boolean
  columns: DetectedColumn[]
  /** Up to 5 rows under the header as text, to show beside the mapping. */
  sampleRows: SheetRowText[]
  /** The first non-blank rows of the sheet as text, for choosing the header row by hand. */
  rawRows: SheetRowText[]
  /** Rows under the header, counted cheaply (may include blank and totals rows); null if unknown. */
  totalRowsEstimate: number | null
}

export type DetectOptions = {
  fileName?: string
  sheet?: string
  /** The header row the user chose (1-based, as Excel shows it): mapped as it is instead of searched for. */
  headerRow?: number
}

type SheetHead = { name: string; index: number; date1904: boolean; rows: RosterRow[] }

/** How many rows from the top the wizard shows to choose the header from. */
export const RAW_ROWS_SHOWN = 10
const SAMPLE_ROWS = 5

const isBlank = (r: RosterRow) => r.cells.every((c) => cellText(c) === '')

/** The top of each sheet: enough rows to search for the header, or to reach a chosen header row and its samples. */
async function readSheetHeads(filePath: string, headerRow: number | undefined): Promise<SheetHead[]> {
  const heads: SheetHead[] = []
  for await (const sheet of readRosterSheets(filePath)) {
    const rows: RosterRow[] = []
    for await (const row of sheet.rows) {
      rows.push(row)
      const searched = rows.length >= HEADER_SEARCH_ROWS + SAMPLE_ROWS
      if (searched && (headerRow === undefined || row.rowNumber >= headerRow + SAMPLE_ROWS)) break
    }
    heads.push({ name: sheet.name, index: sheet.index, date1904: sheet.date1904, rows })
  }
  return heads
}

/**
 * Reads only the top of each sheet and proposes a mapping for the first sheet that has a header,
 * or, when the user chose the header row, maps that row of the chosen (or first) sheet.
 */
export async function detectRoster(filePath: string, options: DetectOptions = {}): Promise<RosterDetection> {
  const kind = rosterFileKind(filePath)
  const heads = await readSheetHeads(filePath, options.headerRow)
  const candidates = options.sheet ? heads.filter((h) => h.name === options.sheet) : heads
  if (options.sheet && candidates.length === 0) throw new ValidationError('sheet', 'import.sheetNotFound', { sheet: options.sheet })
  let chosen: SheetHead | undefined
  let guess: HeaderGuess | null = null
  if (options.headerRow !== undefined) {
    chosen = candidates[0]
    const header = chosen?.rows.find((r) => r.rowNumber === options.headerRow)
    const below = chosen?.rows.filter((r) => r.rowNumber > options.headerRow! && !isBlank(r)).slice(0, SAMPLE_ROWS) ?? []
    guess = header ? headerFromRow(header, below) : null
    if (!guess) throw new ValidationError('headerRow', 'import.headerRowEmpty', { row: options.headerRow })
  } else {
    for (const h of candidates) {
      guess = detectHeader(h.rows)
      if (guess) { chosen = h; break }
    }
  }
  const fileName = options.fileName ?? filePath.split(/[\\/]/).pop() ?? filePath
  const base = { fileName, kind, sheets: heads.map((h) => h.name) }
  if (!chosen || !guess) {
    // Nothing recognisable: show the top of the sheet in question so the user can point at the header.
    const shown = candidates[0]
    return {
      ...base, sheet: shown?.name ?? null, mapping: null, headerRow: null, headerChosen: false, columns: [], sampleRows: [],
      rawRows: shown ? rawRows(shown) : [], totalRowsEstimate: null,
    }
  }
  const columns: ColumnMap = {}
  for (const c of guess.columns) if (c.field) columns[c.field] = c.index
  const headerRow = guess.headerRow
  // Date columns often hold Excel serials (41091): show them as the dates they are.
  const dateColumns = new Set([columns.birthDate, columns.joinDate].filter((c): c is number => c !== undefined))
  const sampleText = (c: CellValue, index: number) =>
    typeof c === 'number' && dateColumns.has(index + 1) && c > 0 && c < 2958466 ? serialToIso(c, chosen.date1904) : cellText(c)
  const sampleRows = chosen.rows
    .filter((r) => r.rowNumber > headerRow && !isBlank(r))
    .slice(0, SAMPLE_ROWS)
    .map((r) => ({ rowNumber: r.rowNumber, cells: r.cells.map(sampleText) }))
  const counted = await countSheetRows(filePath, chosen.index)
  return {
    ...base,
    sheet: chosen.name,
    mapping: { sheet: chosen.name, sheetIndex: chosen.index, headerRow, columns },
    headerRow,
    headerChosen: options.headerRow !== undefined,
    columns: guess.columns,
    sampleRows,
    rawRows: rawRows(chosen),
    totalRowsEstimate: counted === null ? null : Math.max(0, counted - headerRow),
  }
}

/** The first non-blank rows as text, trailing blank cells dropped. */
function rawRows(head: SheetHead): SheetRowText[] {
  return head.rows.filter((r) => !isBlank(r)).slice(0, RAW_ROWS_SHOWN).map((r) => {
    const cells = r.cells.map((c) => cellText(c))
    while (cells.length && cells[cells.length - 1] === '') cells.pop()
    return { rowNumber: r.rowNumber, cells }
  })
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
