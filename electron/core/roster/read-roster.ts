import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import type { Readable } from 'node:stream'
import { AppError, ValidationError } from '../errors'
import { loadSharedStrings, openXlsx, xlsxRowBatches, type RosterRow, type XlsxBook } from './xlsx-reader'

/**
 * Streaming reads of a roster file, row by row: .xlsx through our streaming reader (see
 * xlsx-reader.ts for why not exceljs' WorkbookReader), .csv in UTF-8 or GBK. Rows come as plain
 * values: text, numbers (Excel serials for dates, since styles are not read), booleans, or null;
 * `cells[0]` is column A. Blank rows may be left out; `rowNumber` is what Excel shows.
 */
export type { RosterRow }
export type RosterSheet = {
  name: string; index: number; hidden: boolean; date1904: boolean
  rows: AsyncIterable<RosterRow>
  /** The same rows in batches, for whole-file passes (cheaper per row than `rows`); iterate one of the two. */
  batches: AsyncIterable<RosterRow[]>
}
export type RosterFileKind = 'xlsx' | 'csv'

export function rosterFileKind(filePath: string): RosterFileKind {
  const ext = extname(filePath).toLowerCase()
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx'
  if (ext === '.csv' || ext === '.txt') return 'csv'
  throw new ValidationError('file', 'import.unsupportedType')
}

type ExcelJSModule = typeof import('exceljs')
let excel: Promise<ExcelJSModule> | undefined
/** exceljs (used to write files) costs ~275 ms to load: only when a file is first written. */
export function loadExcelJS(): Promise<ExcelJSModule> {
  excel ??= import('exceljs').then((m) => ((m as { default?: ExcelJSModule }).default ?? m))
  return excel
}

export function unreadable(filePath: string, cause: unknown): AppError {
  if (cause instanceof AppError) return cause
  const err = new ValidationError('file', 'import.unreadable', { file: basename(filePath) })
  ;(err as { cause?: unknown }).cause = cause
  return err
}

/** The worksheets of a file in workbook order; each sheet's rows are read only when iterated. */
export async function* readRosterSheets(filePath: string): AsyncGenerator<RosterSheet> {
  if (rosterFileKind(filePath) === 'csv') {
    yield { name: 'CSV', index: 0, hidden: false, date1904: false, rows: readCsvRows(filePath), batches: readCsvRowBatches(filePath) }
    return
  }
  let book: XlsxBook
  try {
    book = await openXlsx(filePath)
  } catch (err) {
    throw unreadable(filePath, err)
  }
  let shared: Promise<string[]> | undefined
  for (const sheet of book.sheets) {
    const batches = async function* () {
      try {
        shared ??= loadSharedStrings(book)
        yield* xlsxRowBatches(book, sheet, await shared)
      } catch (err) {
        throw unreadable(filePath, err)
      }
    }
    yield { name: sheet.name, index: sheet.index, hidden: sheet.hidden, date1904: book.date1904, rows: flatten(batches()), batches: batches() }
  }
}

// ---- CSV -------------------------------------------------------------------------------------------

export type CsvEncoding = 'utf-8' | 'gbk'

/** UTF-8 (with or without BOM) when the start of the file decodes as UTF-8, else GBK (Excel's "CSV" on Chinese Windows). */
export async function detectCsvEncoding(filePath: string): Promise<{ encoding: CsvEncoding; bom: boolean }> {
  const fh = await open(filePath, 'r')
  try {
    const buf = Buffer.alloc(1 << 20)
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0)
    const head = buf.subarray(0, bytesRead)
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: true }
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true })
      return { encoding: 'utf-8', bom: false }
    } catch {
      return { encoding: 'gbk', bom: false }
    }
  } finally {
    await fh.close()
  }
}

async function* flatten<T>(batches: AsyncIterable<T[]>): AsyncGenerator<T> {
  for await (const batch of batches) yield* batch
}

export function readCsvRows(filePath: string): AsyncGenerator<RosterRow> {
  return flatten(readCsvRowBatches(filePath))
}

async function* readCsvRowBatches(filePath: string): AsyncGenerator<RosterRow[]> {
  let detected: { encoding: CsvEncoding; bom: boolean }
  try {
    detected = await detectCsvEncoding(filePath)
  } catch (err) {
    throw unreadable(filePath, err)
  }
  const decoder = new TextDecoder(detected.encoding, { ignoreBOM: false })
  const stream: Readable = createReadStream(filePath, { highWaterMark: 1 << 16 })
  const parser = new CsvParser()
  try {
    for await (const chunk of stream) {
      const rows = parser.push(decoder.decode(chunk as Buffer, { stream: true }))
      if (rows.length) yield rows
    }
    const last = parser.push(decoder.decode(), true)
    if (last.length) yield last
  } catch (err) {
    throw unreadable(filePath, err)
  } finally {
    stream.destroy()
  }
}

/** RFC 4180 CSV (quotes, doubled quotes, line breaks inside quotes); the delimiter is guessed from the first line. */
export class CsvParser {
  private delimiter: string | null = null
  private field = ''
  private row: string[] = []
  private inQuotes = false
  private quoteSeen = false
  private rowNumber = 0
  private pending = ''

  push(text: string, end = false): RosterRow[] {
    const out: RosterRow[] = []
    let s = this.pending + text
    this.pending = ''
    if (this.delimiter === null) {
      const nl = s.indexOf('\n')
      if (nl < 0 && !end) { this.pending = s; return out }
      const first = nl < 0 ? s : s.slice(0, nl)
      const count = (c: string) => first.split(c).length - 1
      this.delimiter = count('\t') > count(',') && count('\t') >= count(';') ? '\t' : count(';') > count(',') ? ';' : ','
    }
    const d = this.delimiter
    let field = this.field
    for (let i = 0; i < s.length; i++) {
      const c = s[i]!
      if (this.inQuotes) {
        if (c === '"') {
          if (i + 1 >= s.length && !end) { this.pending = '"'; s = ''; break }
          if (s[i + 1] === '"') { field += '"'; i++ } else this.inQuotes = false
        } else field += c
        continue
      }
      if (c === '"' && field === '' && !this.quoteSeen) { this.inQuotes = true; this.quoteSeen = true } else if (c === d) {
        this.row.push(field); field = ''; this.quoteSeen = false
      } else if (c === '\n' || c === '\r') {
        if (c === '\r' && i + 1 >= s.length && !end) { this.pending = '\r'; break }
        if (c === '\r' && s[i + 1] === '\n') i++
        this.row.push(field); field = ''; this.quoteSeen = false
        out.push(this.finishRow())
      } else field += c
    }
    this.field = field
    if (end && (this.field !== '' || this.row.length)) {
      this.row.push(this.field); this.field = ''
      out.push(this.finishRow())
    }
    return out
  }

  private finishRow(): RosterRow {
    this.rowNumber++
    const cells = this.row.map((f) => (f === '' ? null : f))
    this.row = []
    return { rowNumber: this.rowNumber, cells }
  }
}
