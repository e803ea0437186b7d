import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { mkdir, rename, rm } from 'node:fs/promises'
import { ethnicityName } from '../../../shared/domain/ethnicity'
import { memberSearchSchema, type Member, type MemberSearch, type QualityIssue } from '../../../shared/domain/member'
import { localDate } from '../clock'
import type { Queryable } from '../db/sqlite'
import type { IdNumberProtector } from '../members/id-number-protection'
import { MEMBER_SELECT, idNumberHits } from '../members/member-repository'
import { buildMemberSearch } from '../members/member-search-sql'
import { EDUCATION_WORDS, FIELD_HEADERS, GENDER_WORDS, POLITICAL_WORDS, STATUS_WORDS, type ImportField } from './fields'
import { resolveInside, sanitizeFileName, withExtension } from './file-names'
import { columnName, writeXlsxSheet, type XlsxCell } from './xlsx-writer'

/**
 * The roster as .xlsx (streamed by xlsx-writer.ts, see there why not exceljs: title row with the
 * union's name and date, Chinese headers, ID numbers as text cells, frozen header, column widths)
 * or .csv (UTF-8 with BOM for Excel/WPS).
 * Codes are written as words. The columns are the import's, so an export imports back cleanly.
 * The file is written under a temporary name in the chosen folder and renamed when complete.
 */
export type ExportFormat = 'xlsx' | 'csv'
export type ExportOptions = {
  /** The list's current filter (text, department, status…); sort and order are kept, paging is ignored. */
  filter?: Partial<MemberSearch>
  format: ExportFormat
  /** The folder the user picked: nothing is ever written outside it. */
  folder: string
  /** Sanitised; defaults to 「<union name>会员花名册<date>」. */
  fileName?: string
  unionName: string
  /** Needed to search by ID number and to unseal ID numbers. */
  idNumbers: IdNumberProtector
  /**
   * Full ID numbers (for the federation's roster) instead of the masked form. The caller decides
   * from the user's role, and audits it, as for revealing one member's number.
   */
  revealIdNumbers?: boolean
  now?: Date
  onProgress?: (rowsDone: number, total: number) => void
}
export type ExportResult = { filePath: string; rows: number }

type Column = { header: string; width: number; text?: boolean; value: (m: Member) => string | number | null }
const F = FIELD_HEADERS
const tx = (field: ImportField, width: number, value: (m: Member) => string | null, text = false): Column =>
  ({ header: F[field], width, value, text })

export const EXPORT_COLUMNS: Column[] = [
  { header: '序号', width: 7, value: () => null },
  tx('name', 10, (m) => m.name),
  tx('gender', 6, (m) => (m.gender ? GENDER_WORDS[m.gender] : null)),
  tx('ethnicity', 8, (m) => (m.ethnicity ? ethnicityName(m.ethnicity) : null)),
  tx('idNumber', 21, (m) => m.idNumber, true),
  tx('birthDate', 12, (m) => m.birthDate),
  tx('mobile', 14, (m) => m.mobile, true),
  tx('department', 14, (m) => m.departmentName),
  tx('post', 12, (m) => m.post),
  tx('title', 12, (m) => m.title),
  tx('employeeNo', 10, (m) => m.employeeNo, true),
  tx('education', 11, (m) => (m.education ? EDUCATION_WORDS[m.education] : null)),
  tx('politicalStatus', 12, (m) => (m.politicalStatus ? POLITICAL_WORDS[m.politicalStatus] : null)),
  tx('nativePlace', 12, (m) => m.nativePlace),
  tx('joinDate', 12, (m) => m.joinDate),
  tx('cardNo', 12, (m) => m.cardNo, true),
  { header: F.wageBase, width: 12, value: (m) => (m.wageBaseFen === null ? null : m.wageBaseFen / 100) },
  tx('migrantWorker', 7, (m) => (m.migrantWorker ? '是' : '否')),
  { header: '状态', width: 9, value: (m) => STATUS_WORDS[m.status] },
]

type MemberJson = Omit<Member, 'migrantWorker' | 'qualityIssues'> & { migrantWorker: number | boolean; qualityIssues: string | QualityIssue[] }
/** In place (no copy per member): the two values JSON from SQLite carries differently. */
function fromJson(m: MemberJson): Member {
  m.migrantWorker = m.migrantWorker === 1 || m.migrantWorker === true
  m.qualityIssues = typeof m.qualityIssues === 'string' ? (m.qualityIssues ? (m.qualityIssues.split(',') as QualityIssue[]) : []) : m.qualityIssues
  return m as Member
}

const WAGE_COLUMN = EXPORT_COLUMNS.findIndex((c) => c.header === F.wageBase) + 1

type MemberBatches = { total: number; batches: AsyncIterable<Member[]> }

/** The matching members' ids in the list's order (one query), then the members in batches. */
async function exportMembers(db: Queryable, options: ExportOptions, batch = 2000): Promise<MemberBatches> {
  const filter = options.filter ?? {}
  const q = memberSearchSchema.parse({ ...filter, offset: 0, limit: 1 })
  const { page } = buildMemberSearch({ ...q, limit: -1, offset: 0 }, 'm.id', await idNumberHits(db, q.query, options.idNumbers))
  const row = await db.get<{ ids: string | null }>(`SELECT json_group_array(j) AS ids FROM (${page.sql})`, page.params)
  const ids = JSON.parse(row?.ids ?? '[]') as number[]
  // Kept prepared: a statement made for each batch goes to SQLite's thread twice, and the second
  // trip waits until this thread, busy writing the batch before, takes the first one's result.
  const fetch = async (slice: number[]): Promise<Member[]> => {
    const [r] = await db.cachedAll<{ rows: string | null }>(
      `SELECT '[' || group_concat(j, ',') || ']' AS rows FROM (${MEMBER_SELECT} WHERE m.id IN (SELECT value FROM json_each(?)))`,
      [JSON.stringify(slice)])
    const byId = new Map((JSON.parse(r?.rows ?? '[]') as MemberJson[]).map((m) => [m.id, fromJson(m)]))
    if (options.revealIdNumbers) {
      const sealed = await db.cachedAll<{ id: number; enc: string }>(
        'SELECT id, id_number_enc AS enc FROM members WHERE id_number_enc IS NOT NULL AND id IN (SELECT value FROM json_each(?))',
        [JSON.stringify(slice)])
      const numbers = options.idNumbers.revealMany(sealed.map((s) => s.enc))
      sealed.forEach((s, i) => { const m = byId.get(s.id); if (m) m.idNumber = numbers[i]! })
    }
    return slice.map((id) => byId.get(id)).filter((m): m is Member => m !== undefined)
  }
  // The next batch is fetched (on SQLite's thread) while the current one is written.
  async function* batches(): AsyncGenerator<Member[]> {
    let next = ids.length ? fetch(ids.slice(0, batch)) : null
    for (let i = 0; next; i += batch) {
      const current = await next
      next = i + batch < ids.length ? fetch(ids.slice(i + batch, i + 2 * batch)) : null
      next?.catch(() => undefined)
      yield current
    }
  }
  return { total: ids.length, batches: batches() }
}

export function defaultExportName(unionName: string, now: Date): string {
  return `${unionName}会员花名册${localDate(now).replace(/-/g, '')}`
}

export async function exportRoster(db: Queryable, options: ExportOptions): Promise<ExportResult> {
  const now = options.now ?? new Date()
  const ext = options.format === 'csv' ? '.csv' : '.xlsx'
  const name = withExtension(sanitizeFileName(options.fileName || defaultExportName(options.unionName, now)), ext)
  const filePath = resolveInside(options.folder, name)
  const tmpPath = resolveInside(options.folder, `~${name}.${process.pid}.tmp`)
  const members = await exportMembers(db, options)
  await mkdir(options.folder, { recursive: true })
  try {
    const rows = options.format === 'csv'
      ? await writeCsv(tmpPath, members, options)
      : await writeXlsx(tmpPath, members, options, now)
    await rename(tmpPath, filePath)
    return { filePath, rows }
  } catch (err) {
    await rm(tmpPath, { force: true })
    throw err
  }
}

async function writeXlsx(path: string, members: MemberBatches, options: ExportOptions, now: Date): Promise<number> {
  const title = `${options.unionName}会员花名册（导出日期：${localDate(now)}）`
  async function* rows(): AsyncGenerator<XlsxCell[][]> {
    yield [[{ v: title, s: 'title' }], EXPORT_COLUMNS.map((c) => ({ v: c.header, s: 'header' as const }))]
    let n = 0
    for await (const batch of members.batches) {
      const out: XlsxCell[][] = new Array<XlsxCell[]>(batch.length)
      for (let k = 0; k < batch.length; k++) {
        const m = batch[k]!
        const row: XlsxCell[] = new Array<XlsxCell>(EXPORT_COLUMNS.length)
        row[0] = ++n
        for (let i = 1; i < EXPORT_COLUMNS.length; i++) row[i] = EXPORT_COLUMNS[i]!.value(m)
        out[k] = row
      }
      yield out
      options.onProgress?.(n, members.total)
    }
  }
  const written = await writeXlsxSheet(path, {
    name: '会员花名册',
    columns: EXPORT_COLUMNS.map((c, i) => ({ width: c.width, style: c.text ? 'text' : i === WAGE_COLUMN - 1 ? 'money' : undefined })),
    frozenRows: 2, merges: [`A1:${columnName(EXPORT_COLUMNS.length)}1`],
  }, rows())
  return written - 2
}

/** Excel would turn long digit strings into numbers (an ID loses its last digits) and run "=…" as a formula. */
function csvCell(v: string | number | null, text: boolean): string {
  if (v === null) return ''
  let s = String(v)
  if ((text && /^\d{6,}$/.test(s)) || /^[=+\-@]/.test(s)) s = `\t${s}`
  return /[",\r\n\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

async function writeCsv(path: string, members: MemberBatches, options: ExportOptions): Promise<number> {
  const out = createWriteStream(path)
  let failure: Error | null = null
  out.on('error', (err) => { failure = err })
  const write = async (s: string) => {
    if (failure) throw failure
    // `once` rejects if the stream errors while we wait.
    if (!out.write(s)) await once(out, 'drain')
  }
  let n = 0
  try {
    await write(`\uFEFF${EXPORT_COLUMNS.map((c) => csvCell(c.header, false)).join(',')}\r\n`)
    for await (const batch of members.batches) {
      let chunk = ''
      for (const m of batch) {
        n++
        chunk += `${EXPORT_COLUMNS.map((c, i) => csvCell(i === 0 ? n : c.value(m), Boolean(c.text))).join(',')}\r\n`
      }
      await write(chunk)
      options.onProgress?.(n, members.total)
    }
  } finally {
    if (!out.destroyed) out.end()
    if (!out.closed) await once(out, 'close').catch(() => undefined)
  }
  if (failure) throw failure
  return n
}
