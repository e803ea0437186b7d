import type { CellValue } from './cell-normalize'
import { readZipDirectory, zipEntryString, zipEntryText, type ZipEntry } from './zip-reader'

/**
 * A streaming .xlsx reader for the roster: the sheet XML is read from disk in chunks and turned
 * into rows as it goes, so a 100k-row sheet never sits in memory (shared strings do, as in any
 * reader). Why not exceljs' WorkbookReader: exceljs 4.4 decodes each 16 KB chunk separately, so a
 * Chinese character split across chunks turns into "�" (80 garbled cells in a 100k-row roster,
 * names among them, silently); it also costs ~100 µs/row here against ~10 µs/row for this reader.
 * Only what a roster needs: values (not styles), so dates arrive as Excel serials.
 */
export type RosterRow = { rowNumber: number; cells: CellValue[] }
export type XlsxSheet = { name: string; index: number; hidden: boolean; entry: ZipEntry }
export type XlsxBook = { filePath: string; sheets: XlsxSheet[]; date1904: boolean; sharedStrings: ZipEntry | null }

const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** XML entities and OOXML's _xHHHH_ escapes (Excel writes a line break as _x000D_). */
export function decodeXmlText(s: string): string {
  if (s.includes('&')) {
    s = s.replace(ENTITY, (_, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : NAMED[e]!)
  }
  if (s.includes('_x')) s = s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
  return s
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`(?:^|[\\s<])${name}=(?:"([^"]*)"|'([^']*)')`).exec(tag)
  return m ? decodeXmlText(m[1] ?? m[2] ?? '') : null
}

function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1)
  const parts = base.split('/').slice(0, -1)
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop()
    else if (seg !== '.') parts.push(seg)
  }
  return parts.join('/')
}

async function relationships(filePath: string, entries: Map<string, ZipEntry>, relsPath: string, partPath: string) {
  const e = entries.get(relsPath)
  const out: Array<{ id: string; type: string; target: string }> = []
  if (!e) return out
  for (const m of (await zipEntryString(filePath, e)).matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const target = attr(m[0], 'Target')
    if (target) out.push({ id: attr(m[0], 'Id') ?? '', type: attr(m[0], 'Type') ?? '', target: resolveTarget(partPath, target) })
  }
  return out
}

/** Sheet names in workbook order, the 1904 date flag, and where the shared strings are. */
export async function openXlsx(filePath: string): Promise<XlsxBook> {
  const entries = await readZipDirectory(filePath)
  const root = await relationships(filePath, entries, '_rels/.rels', '')
  const bookPath = root.find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml'
  const bookEntry = entries.get(bookPath)
  if (!bookEntry) throw new Error('no workbook part')
  const book = await zipEntryString(filePath, bookEntry)
  const slash = bookPath.lastIndexOf('/')
  const rels = await relationships(filePath, entries, `${bookPath.slice(0, slash + 1)}_rels/${bookPath.slice(slash + 1)}.rels`, bookPath)
  const sheets: XlsxSheet[] = []
  for (const m of book.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const idMatch = /\s(?:\w+:)?id=(?:"([^"]*)"|'([^']*)')/.exec(m[0])
    const rel = rels.find((r) => r.id === (idMatch?.[1] ?? idMatch?.[2]))
    const entry = rel && entries.get(rel.target)
    if (!entry) continue
    sheets.push({ name: attr(m[0], 'name') ?? `Sheet${sheets.length + 1}`, index: sheets.length, hidden: (attr(m[0], 'state') ?? 'visible') !== 'visible', entry })
  }
  const pr = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(book)?.[0] ?? ''
  const d1904 = attr(pr, 'date1904')
  const ssTarget = rels.find((r) => r.type.endsWith('/sharedStrings'))?.target
  const sharedStrings = (ssTarget && entries.get(ssTarget)) || entries.get('xl/sharedStrings.xml') || null
  return { filePath, sheets, date1904: d1904 === '1' || d1904 === 'true', sharedStrings }
}

const SI = /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g
const T = /<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g
const RPH = /<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g

/** All text runs of an <si> or <is> (phonetic guides left out). */
function runText(inner: string): string {
  // Mostly one plain run, <t>text</t> or <t xml:space="preserve">text</t>: no expressions needed.
  if (inner.startsWith('<t') && inner.endsWith('</t>')) {
    const gt = inner.indexOf('>')
    const c = inner.charCodeAt(2)
    if ((c === 62 || c === 32) && inner.charCodeAt(gt - 1) !== 47 && inner.indexOf('<', gt) === inner.length - 4) {
      return decodeXmlText(inner.slice(gt + 1, -4))
    }
  }
  if (inner.includes('rPh')) inner = inner.replace(RPH, '')
  let s = ''
  T.lastIndex = 0
  for (let m = T.exec(inner); m; m = T.exec(inner)) s += m[1] ?? ''
  return decodeXmlText(s)
}

export async function loadSharedStrings(book: XlsxBook): Promise<string[]> {
  const out: string[] = []
  if (!book.sharedStrings) return out
  let buf = ''
  for await (const text of zipEntryText(book.filePath, book.sharedStrings)) {
    buf += text
    let last = plainStrings(buf, out)
    SI.lastIndex = last
    for (let m = SI.exec(buf); m; m = SI.exec(buf)) { out.push(runText(m[1] ?? '')); last = SI.lastIndex }
    buf = buf.slice(last)
  }
  return out
}

/**
 * Reads the <si> items of unprefixed markup (what Excel, WPS and exceljs write) by string search
 * into `out`, up to the first incomplete or unusual one, and returns where it stopped: the
 * expression above carries on from there (attributes on <si>, prefixes).
 */
function plainStrings(buf: string, out: string[]): number {
  let last = 0
  for (let i = buf.indexOf('<si'); i >= 0; i = buf.indexOf('<si', last)) {
    const c = buf.charCodeAt(i + 3)
    if (c === 47 /* / */ && buf.charCodeAt(i + 4) === 62) { out.push(''); last = i + 5; continue }
    if (c !== 62 /* > */) return i
    const end = buf.indexOf('</si>', i + 4)
    if (end < 0) return i
    out.push(runText(buf.slice(i + 4, end)))
    last = end + 5
  }
  // A prefixed document (<x:si>) has no "<si": all of it is left to the expression.
  return last
}

const ROW_START = /<(?:\w+:)?row\b/g
const ROW_END = /<\/(?:\w+:)?row>/g

function prefixedRowStart(buf: string, from: number): number {
  ROW_START.lastIndex = from
  return ROW_START.exec(buf)?.index ?? -1
}

/** Where the next `<row` starts from `from` (not `<rowBreaks`: the name must end there), else -1. */
function plainRowStart(buf: string, from: number): number {
  let at = buf.indexOf('<row', from)
  while (at >= 0 && /\w/.test(buf[at + 4] ?? ' ')) at = buf.indexOf('<row', at + 4)
  return at
}

const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g
const V = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/
const IS = /<(?:\w+:)?is>([\s\S]*?)<\/(?:\w+:)?is>/

function columnOf(ref: string): number {
  let col = 0
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i)
    if (c < 65 || c > 90) break
    col = col * 26 + (c - 64)
  }
  return col
}

function quotedAfter(attrs: string, key: string): string | null {
  const i = attrs.indexOf(key)
  if (i < 0) return null
  const q = attrs[i + key.length]
  const end = attrs.indexOf(q!, i + key.length + 1)
  return end < 0 ? null : attrs.slice(i + key.length + 1, end)
}

/** A cell's value from its type attribute and the text of its <v>. */
function cellValue(t: string | null, v: string, shared: readonly string[]): CellValue {
  switch (t) {
    case 's': return shared[Number(v)] ?? null
    case 'str': return decodeXmlText(v)
    case 'b': return v === '1' || v === 'true'
    case 'e': return null
    case 'd': { const d = new Date(v.length <= 10 ? `${v}T00:00:00Z` : v); return Number.isNaN(d.getTime()) ? null : d }
    default: { const n = Number(v); return Number.isFinite(n) ? n : null }
  }
}

/** Where `</v></c>` starts when s[at] begins `<v>text</v></c>`, else -1. */
function plainValueEnd(s: string, at: number): number {
  if (s.charCodeAt(at) !== 60 || s.charCodeAt(at + 1) !== 118 || s.charCodeAt(at + 2) !== 62) return -1
  const lt = s.indexOf('<', at + 3)
  return lt >= 0 && s.startsWith('</v></c>', lt) ? lt : -1
}

/**
 * A row's cells from markup without namespace prefixes, as Excel, WPS and exceljs write it: plain
 * string searches, no regular expressions or match objects (they were half of an import's reading
 * at 100k rows). Returns null at anything else, for parseRow's general path.
 */
function parseCellsPlain(inner: string, shared: readonly string[]): CellValue[] | null {
  const cells: CellValue[] = []
  let next = 1
  for (let i = inner.indexOf('<'); i >= 0;) {
    const after = inner.charCodeAt(i + 2)
    if (inner.charCodeAt(i + 1) !== 99 /* c */ || (after !== 32 && after !== 62 && after !== 47)) return null
    const gt = inner.indexOf('>', i)
    if (gt < 0) return null
    // The r and t attributes: a short tag, read character by character.
    let ref: string | null = null
    let t: string | null = null
    for (let p = i + 3; p < gt; p++) {
      if (inner.charCodeAt(p) !== 61 /* = */ || inner.charCodeAt(p - 2) > 32) continue
      const close = inner.indexOf(inner[p + 1]!, p + 2)
      if (close < 0 || close > gt) return null
      const name = inner.charCodeAt(p - 1)
      if (name === 114 /* r */) ref = inner.slice(p + 2, close)
      else if (name === 116 /* t */) t = inner.slice(p + 2, close)
      p = close
    }
    const col = ref ? columnOf(ref) : next
    next = col + 1
    if (inner.charCodeAt(gt - 1) === 47 /* / */) { i = inner.indexOf('<', gt); continue }
    let value: CellValue
    const vEnd = t === 'inlineStr' ? -1 : plainValueEnd(inner, gt + 1)
    if (vEnd > 0) {
      // The usual body, <v>…</v> and nothing else.
      i = inner.charCodeAt(vEnd + 8) === 60 ? vEnd + 8 : inner.indexOf('<', vEnd + 8)
      if (vEnd === gt + 4) continue
      value = cellValue(t, inner.slice(gt + 4, vEnd), shared)
    } else {
      const end = inner.indexOf('</c>', gt)
      if (end < 0) return null
      i = inner.indexOf('<', end + 4)
      if (t === 'inlineStr') {
        const is = IS.exec(inner.slice(gt + 1, end))
        value = is ? runText(is[1]!) : null
      } else {
        const vs = inner.indexOf('<v>', gt)
        if (vs < 0 || vs > end) continue
        const ve = inner.indexOf('</v>', vs)
        if (ve < 0 || ve > end) return null
        if (ve === vs + 3) continue
        value = cellValue(t, inner.slice(vs + 3, ve), shared)
      }
    }
    while (cells.length < col - 1) cells.push(null)
    cells[col - 1] = value
  }
  return cells
}

function parseRow(openTag: string, inner: string, previous: number, shared: readonly string[]): RosterRow {
  const r = quotedAfter(openTag, ' r=')
  const rowNumber = r ? Number(r) : previous + 1
  const plain = parseCellsPlain(inner, shared)
  if (plain) return { rowNumber, cells: plain }
  const cells: CellValue[] = []
  let next = 1
  CELL.lastIndex = 0
  for (let m = CELL.exec(inner); m; m = CELL.exec(inner)) {
    const attrs = m[1]!
    const ref = quotedAfter(attrs, ' r=')
    const col = ref ? columnOf(ref) : next
    next = col + 1
    const body = m[2]
    if (!body) continue
    const t = quotedAfter(attrs, ' t=')
    let value: CellValue = null
    if (t === 'inlineStr') {
      const is = IS.exec(body)
      value = is ? runText(is[1]!) : null
    } else {
      const v = V.exec(body)?.[1]
      if (v === undefined || v === '') continue
      value = cellValue(t, v, shared)
    }
    while (cells.length < col - 1) cells.push(null)
    cells[col - 1] = value
  }
  return { rowNumber, cells }
}

/** The sheet's rows in order; rows with no cells are left out. Stopping early closes the file. */
export async function* xlsxRows(book: XlsxBook, sheet: XlsxSheet, shared: readonly string[]): AsyncGenerator<RosterRow> {
  for await (const rows of xlsxRowBatches(book, sheet, shared)) yield* rows
}

/**
 * The same rows, as the batches each decoded piece of the file yields (hundreds of rows): an
 * import takes them this way, because every step through an async generator costs a promise and a
 * microtask, which at 100k rows and three layers adds up to seconds.
 */
export async function* xlsxRowBatches(book: XlsxBook, sheet: XlsxSheet, shared: readonly string[]): AsyncGenerator<RosterRow[]> {
  let buf = ''
  let previous = 0
  let plain = false
  for await (const text of zipEntryText(book.filePath, sheet.entry)) {
    buf += text
    let pos = 0
    const rows: RosterRow[] = []
    for (;;) {
      const startAt: number = plain ? plainRowStart(buf, pos) : prefixedRowStart(buf, pos)
      if (startAt < 0) { pos = Math.max(pos, buf.length - 8); break }
      // Markup writes every row alike: once one is seen without a prefix, the rest are found by string search.
      plain = buf.charCodeAt(startAt + 1) === 114 /* r: no prefix */
      const gt = buf.indexOf('>', startAt)
      if (gt < 0) { pos = startAt; break }
      if (buf[gt - 1] === '/') { pos = gt + 1; continue }
      let endAt: number
      let after: number
      if (plain) {
        endAt = buf.indexOf('</row>', gt)
        after = endAt + 6
      } else {
        ROW_END.lastIndex = gt
        const end = ROW_END.exec(buf)
        endAt = end ? end.index : -1
        after = ROW_END.lastIndex
      }
      if (endAt < 0) { pos = startAt; break }
      const row = parseRow(buf.slice(startAt, gt), buf.slice(gt + 1, endAt), previous, shared)
      previous = row.rowNumber
      if (row.cells.length) rows.push(row)
      pos = after
    }
    buf = buf.slice(pos)
    if (rows.length) yield rows
  }
}
