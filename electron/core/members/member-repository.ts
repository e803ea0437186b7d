import {
  SEARCH_COUNT_CAP, type HistoryEntry, type Member, type MemberFields, type MemberListRow, type MemberPage, type MemberSearch,
  type QualityIssue,
} from '../../../shared/domain/member'
import type { HistoryKind, MemberStatus } from '../../../shared/domain/member-status'
import type { Database, Queryable, SqlValue } from '../db/sqlite'
import type { NameKeys } from './name-keys'
import { numberGrams } from './number-grams'
import type { IdNumberProtector, SealedIdNumber } from './id-number-protection'
import { maskIdNumber } from '../../../shared/domain/id-number'
import { PREPARED_SLOTS, type PreparedRows } from '../crypto/seal-worker'
import { buildMemberSearch, classifySearch, type IdNumberHits } from './member-search-sql'

/** A member as written: the form's fields plus what core computed. The ID number is only stored sealed. */
export type MemberWrite = MemberFields & {
  status: MemberStatus
  qualityIssues: QualityIssue[]
  keys: NameKeys
  sealedId: SealedIdNumber | null
  now: string
}

/** The stored columns of a member write, in the order columnValues gives their values. */
const COLUMN_NAMES = [
  'card_no', 'name', 'gender', 'birth_date', 'ethnicity',
  'id_number_enc', 'id_number_hash', 'id_tail4_hash', 'id_masked',
  'mobile', 'education', 'political_status', 'native_place', 'department_id', 'post', 'title', 'employee_no', 'join_date',
  'wage_base_fen', 'migrant_worker', 'status', 'quality_issues', 'name_tokens', 'name_pinyin', 'name_initials',
  'employee_no_grams', 'mobile_grams', 'updated_at',
] as const

/** One literal array per member (imports build 100k of them: no per-column closures or spreads). */
function columnValues(w: MemberWrite): SqlValue[] {
  const s = w.sealedId
  return [
    w.cardNo, w.name, w.gender, w.birthDate, w.ethnicity,
    s ? s.enc : null, s ? s.hash : null, s ? s.tail4 : null,
    w.idNumber ? maskIdNumber(w.idNumber) : null,
    w.mobile, w.education, w.politicalStatus, w.nativePlace, w.departmentId, w.post, w.title, w.employeeNo, w.joinDate,
    w.wageBaseFen, w.migrantWorker ? 1 : 0, w.status, w.qualityIssues.join(','), w.keys.tokens, w.keys.pinyin, w.keys.initials,
    numberGrams(w.employeeNo), numberGrams(w.mobile), w.now,
  ]
}

/**
 * A member as one JSON object built by SQLite: node-sqlite3 converts every returned value on the
 * main thread, so one text column per row (or one per page) is several times cheaper than 23.
 */
export const MEMBER_JSON = `json_object(
    'id', m.id, 'cardNo', m.card_no, 'name', m.name, 'gender', m.gender, 'birthDate', m.birth_date,
    'ethnicity', m.ethnicity, 'idNumber', m.id_masked, 'mobile', m.mobile, 'education', m.education,
    'politicalStatus', m.political_status, 'nativePlace', m.native_place, 'departmentId', m.department_id,
    'departmentName', d.name, 'post', m.post, 'title', m.title, 'employeeNo', m.employee_no,
    'joinDate', m.join_date, 'wageBaseFen', m.wage_base_fen,
    'migrantWorker', m.migrant_worker, 'status', m.status, 'qualityIssues', m.quality_issues,
    'createdAt', m.created_at, 'updatedAt', m.updated_at)`

type MemberJson = Omit<Member, 'migrantWorker' | 'qualityIssues'> & { migrantWorker: number; qualityIssues: string }

/** The two values JSON from SQLite cannot carry as-is: a 0/1 flag and a comma list. */
function fromJson(m: MemberJson): Member {
  return {
    ...m, migrantWorker: m.migrantWorker === 1,
    qualityIssues: m.qualityIssues ? (m.qualityIssues.split(',') as QualityIssue[]) : [],
  }
}

/** Selects whole members as JSON rows. */
export const MEMBER_SELECT = `SELECT ${MEMBER_JSON} AS j FROM members m LEFT JOIN departments d ON d.id = m.department_id`

export async function findMember(db: Queryable, id: number): Promise<Member | undefined> {
  const row = await db.get<{ j: string }>(`${MEMBER_SELECT} WHERE m.id = ?`, [id])
  return row && fromJson(JSON.parse(row.j) as MemberJson)
}

/**
 * Who else already holds this value of a unique field (for a conflict message naming them). ID
 * numbers are matched by their blind index, never in clear.
 */
export async function findHolder(
  db: Queryable, column: 'id_number_hash' | 'employee_no', value: string, exceptId: number | null,
): Promise<{ id: number; name: string } | undefined> {
  return db.get(`SELECT id, name FROM members WHERE ${column} = ? AND id IS NOT ?`, [value, exceptId])
}

/** The sealed ID number and its index, for reveal and for telling whether an edit changed it. */
export async function findSealedIdNumber(db: Queryable, id: number): Promise<{ enc: string | null; hash: string | null } | undefined> {
  return db.get('SELECT id_number_enc AS enc, id_number_hash AS hash FROM members WHERE id = ?', [id])
}

export async function insertMember(db: Queryable, w: MemberWrite): Promise<number> {
  const cols = [...COLUMN_NAMES, 'created_at']
  const values = [...columnValues(w), w.now]
  const r = await db.run(`INSERT INTO members (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`, values)
  return r.lastID
}

export async function updateMember(db: Queryable, id: number, w: MemberWrite): Promise<void> {
  const sets = COLUMN_NAMES.map((c) => `${c} = ?`).join(', ')
  await db.run(`UPDATE members SET ${sets} WHERE id = ?`, [...columnValues(w), id])
}

export async function setMemberStatus(db: Queryable, id: number, status: MemberStatus, now: string): Promise<void> {
  await db.run('UPDATE members SET status = ?, updated_at = ? WHERE id = ?', [status, now, id])
}

/**
 * `INSERT … SELECT` of many rows sent as one JSON parameter (performance.md: node-sqlite3 spends its
 * time converting parameters, ~111k rows/s this way vs 26k/s row by row). Each row arrives as a
 * JSON array; `jsonb_each` hands each one over already in SQLite's binary form, kept once in a
 * materialized CTE, so reading its N slots parses nothing again (on text, SQLite would re-parse the
 * row for every column: half the insert's time at 30 columns; with json_each + jsonb() each row
 * was printed back to text and parsed a second time).
 */
function insertFromJsonSql(table: string, columns: readonly string[]): string {
  const slots = columns.map((_, i) => `r->>${i}`).join(', ')
  return `WITH rows AS MATERIALIZED (SELECT key AS k, value AS r FROM jsonb_each(?))
    INSERT INTO ${table} (${columns.join(', ')}) SELECT ${slots} FROM rows ORDER BY k`
}

const MEMBER_INSERT_COLUMNS = [...COLUMN_NAMES, 'created_at']
const MEMBER_BULK_INSERT = insertFromJsonSql('members', MEMBER_INSERT_COLUMNS)

/**
 * Bulk insert for imports and demo data, one JSON parameter per batch (see insertFromJsonSql).
 * Returns the ids assigned, in input order. Call inside a transaction.
 */
export async function insertMembersBulk(db: Queryable, rows: readonly MemberWrite[], batchSize = 1000): Promise<number[]> {
  const ids: number[] = []
  for (let i = 0; i < rows.length; i += batchSize) {
    const batch = rows.slice(i, i + batchSize)
    const json = JSON.stringify(batch.map((w) => { const v = columnValues(w); v.push(w.now); return v }))
    const r = await db.cachedRun(MEMBER_BULK_INSERT, [json])
    for (let k = batch.length - 1; k >= 0; k--) ids.push(r.lastID - k)
  }
  return ids
}

/** Where each slot of a prepared row (PREPARED_SLOTS, from the seal worker) is stored. */
const PREPARED_COLUMN: Record<(typeof PREPARED_SLOTS)[number], string> = {
  enc: 'id_number_enc', hash: 'id_number_hash', tail4: 'id_tail4_hash',
  tokens: 'name_tokens', pinyin: 'name_pinyin', initials: 'name_initials',
}

/**
 * The rest of an imported member's columns, in the groups importValues gives them. SQLite finds a
 * value in a JSON array by stepping over the ones before it, for every value it reads; in groups of
 * six, reading a row's 27 values takes about a third of the steps it took in one flat array.
 */
const IMPORT_GROUPS = [
  ['card_no', 'name', 'gender', 'birth_date', 'ethnicity', 'id_masked'],
  ['mobile', 'education', 'political_status', 'native_place', 'department_id', 'post'],
  ['title', 'employee_no', 'join_date', 'wage_base_fen', 'migrant_worker', 'status'],
  ['quality_issues', 'employee_no_grams', 'mobile_grams'],
] as const

/** One imported member's columns as IMPORT_GROUPS lists them (literal arrays, as columnValues). */
function importValues(w: MemberWrite): SqlValue[][] {
  return [
    [w.cardNo, w.name, w.gender, w.birthDate, w.ethnicity, w.idNumber ? maskIdNumber(w.idNumber) : null],
    [w.mobile, w.education, w.politicalStatus, w.nativePlace, w.departmentId, w.post],
    [w.title, w.employeeNo, w.joinDate, w.wageBaseFen, w.migrantWorker ? 1 : 0, w.status],
    [w.qualityIssues.join(','), numberGrams(w.employeeNo), numberGrams(w.mobile)],
  ]
}

/**
 * An imported row is `[prepared row, ...IMPORT_GROUPS]`. An import's rows all have the same time,
 * sent once as a parameter for updated_at and created_at. One JSON document per batch: jsonb_each
 * hands SQLite each row parsed once (joining a second document of prepared rows by position cost
 * SQLite 15% more per row). Paths are text ('$[1][4]'): an integer is first printed as a path on
 * every read.
 */
const MEMBER_IMPORT_INSERT = (() => {
  const at = new Map<string, string>(PREPARED_SLOTS.map((slot, j) => [PREPARED_COLUMN[slot], `$[0][${j}]`]))
  IMPORT_GROUPS.forEach((group, g) => group.forEach((c, k) => at.set(c, `$[${g + 1}][${k}]`)))
  const values = MEMBER_INSERT_COLUMNS.map((c) => {
    if (c === 'updated_at' || c === 'created_at') return '?2'
    const path = at.get(c)
    if (!path) throw new Error(`imported rows carry no ${c}`)
    return `value->>'${path}'`
  })
  if (at.size !== MEMBER_INSERT_COLUMNS.length - 2) throw new Error('imported rows carry a column members does not have')
  return `INSERT INTO members (${MEMBER_INSERT_COLUMNS.join(', ')})
    SELECT ${values.join(', ')} FROM jsonb_each(?1) ORDER BY key`
})()

/** Imported members ready for insertImportedMembers, each row as JSON text: made while the file is still being read. */
export type ImportedRows = { rows: string[]; now: string }

/**
 * `writes` carry `sealedId: null` and no name keys (the prepared rows bring those), their
 * department's id, and all the same `now`.
 */
export function importedRows(writes: readonly MemberWrite[]): ImportedRows {
  return { rows: writes.map((w) => JSON.stringify(importValues(w))), now: writes[0]?.now ?? '' }
}

/**
 * Inserts imported rows with their prepared rows (same order), each prepared row put in front of
 * its row's groups as text. Call inside a transaction; returns the ids assigned, in order.
 */
export async function insertImportedMembers(db: Queryable, imported: ImportedRows, prepared: PreparedRows): Promise<number[]> {
  const { rows } = imported
  if (prepared.length !== rows.length) throw new Error(`${prepared.length} prepared rows for ${rows.length} members`)
  if (!rows.length) return []
  // The outer brackets go into the first and last rows, so that join() gives the finished text: a
  // bracket added around its result would be one more copy of ~1 MB when the text is handed to SQLite.
  const last = rows.length - 1
  const json = rows.map((r, i) => `${i ? '' : '['}[${prepared[i]},${r.slice(1)}${i === last ? ']' : ''}`).join(',')
  const r = await db.cachedRun(MEMBER_IMPORT_INSERT, [json, imported.now])
  return Array.from({ length: rows.length }, (_, i) => r.lastID - (rows.length - 1 - i))
}

export type HistoryWrite = Omit<HistoryEntry, 'id' | 'createdAt'> & { memberId: number; now: string }

const HISTORY_COLUMNS = 'member_id, kind, event_date, from_status, to_status, counterpart, note, changed_fields, created_at'
function historyValues(h: HistoryWrite): SqlValue[] {
  return [h.memberId, h.kind, h.eventDate, h.fromStatus, h.toStatus, h.counterpart, h.note,
    h.changedFields ? h.changedFields.join(',') : null, h.now]
}

export async function insertHistory(db: Queryable, h: HistoryWrite): Promise<void> {
  await db.run(`INSERT INTO member_history (${HISTORY_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, historyValues(h))
}

const HISTORY_BULK_INSERT = insertFromJsonSql('member_history', HISTORY_COLUMNS.split(', '))

/**
 * The 「入会」 history entry of members just added with ids `fromId`..`toId`, written from their rows
 * in one statement (an import's members all join on their join date, or today without one).
 */
export async function insertJoinHistoryFor(
  db: Queryable, fromId: number, toId: number, entry: { today: string; note: string | null; now: string },
): Promise<void> {
  await db.cachedRun(`INSERT INTO member_history (${HISTORY_COLUMNS})
    SELECT id, 'join', coalesce(join_date, ?), NULL, 'active', NULL, ?, NULL, ? FROM members WHERE id BETWEEN ? AND ? ORDER BY id`,
  [entry.today, entry.note, entry.now, fromId, toId])
}

export async function insertHistoryBulk(db: Queryable, rows: readonly HistoryWrite[], batchSize = 2000): Promise<void> {
  for (let i = 0; i < rows.length; i += batchSize) {
    await db.run(HISTORY_BULK_INSERT, [JSON.stringify(rows.slice(i, i + batchSize).map(historyValues))])
  }
}

type HistoryRow = {
  id: number; kind: HistoryKind; event_date: string; from_status: MemberStatus | null; to_status: MemberStatus | null
  counterpart: string | null; note: string | null; changed_fields: string | null; created_at: string
}

export async function listHistory(db: Queryable, memberId: number): Promise<HistoryEntry[]> {
  const rows = await db.all<HistoryRow>(
    'SELECT * FROM member_history WHERE member_id = ? ORDER BY event_date DESC, id DESC', [memberId])
  return rows.map((r) => ({
    id: r.id, kind: r.kind, eventDate: r.event_date, fromStatus: r.from_status, toStatus: r.to_status,
    counterpart: r.counterpart, note: r.note, changedFields: r.changed_fields ? r.changed_fields.split(',') : null,
    createdAt: r.created_at,
  }))
}

/** A list row as a JSON array: cheaper for SQLite to build than an object; listRowOf names the slots. */
const LIST_ROW_JSON = `json_array(m.id, m.name, m.gender, m.ethnicity, m.id_masked, m.mobile, m.department_id, d.name,
  m.employee_no, m.join_date, m.status, m.quality_issues)`
type ListRowArray = [number, string, Member['gender'], Member['ethnicity'], string | null, string | null, number | null,
  string | null, string | null, string | null, MemberStatus, string]

function listRowOf(a: ListRowArray): MemberListRow {
  return {
    id: a[0], name: a[1], gender: a[2], ethnicity: a[3], idNumber: a[4], mobile: a[5], departmentId: a[6], departmentName: a[7],
    employeeNo: a[8], joinDate: a[9], status: a[10], qualityIssues: a[11] ? (a[11].split(',') as QualityIssue[]) : [],
  }
}

/**
 * One search: a single prepared statement gives the page and the (capped) count. Kept prepared
 * because preparing it costs more than running it (see Database.cachedAll).
 */
export async function searchMembers(db: Database, q: MemberSearch, ids: IdNumberProtector): Promise<MemberPage> {
  const idHits = await idNumberHits(db, q.query, ids)
  const { query, capped } = buildMemberSearch(q, LIST_ROW_JSON, idHits)
  const [row] = await db.cachedAll<{ n: number; rows: string | null }>(query.sql, query.params)
  const rows = (JSON.parse(row?.rows ?? '[]') as ListRowArray[]).map(listRowOf)
  const n = row?.n ?? 0
  const totalCapped = capped && n > SEARCH_COUNT_CAP
  return { total: totalCapped ? SEARCH_COUNT_CAP : n, totalCapped, rows }
}

/**
 * The ID-number part of a number search (IdNumberHits). Only the last 4 characters have a blind
 * index, so that fewer values derived from ID numbers are stored: a 5- or 6-character end is looked
 * up by its last 4 (about ten members a value at 100k) and checked against those members' numbers,
 * unsealed here.
 */
export async function idNumberHits(db: Pick<Queryable, 'cachedAll'>, raw: string, ids: IdNumberProtector): Promise<IdNumberHits> {
  const { kind, text } = classifySearch(raw)
  const upper = text.toUpperCase()
  if (kind !== 'number' || !/^[0-9]*[0-9X]$/.test(upper)) return null
  if (upper.length === 18) return { hash: ids.hash(upper) }
  if (upper.length === 4) return { tail4: ids.tail4Hash(upper) }
  if (upper.length < 4 || upper.length > 6) return null
  // One row of "id enc id enc …" (sealed values have no spaces) rather than a JavaScript object per
  // candidate: 0.06–0.08 against 0.07–0.12 ms p50 for the look-up at 100k.
  const [row] = await db.cachedAll<{ c: string | null }>(
    "SELECT group_concat(id || ' ' || id_number_enc, ' ' ORDER BY id) AS c FROM members WHERE id_tail4_hash = ? AND id_number_enc IS NOT NULL",
    [ids.tail4Hash(upper)])
  const parts = row?.c ? row.c.split(' ') : []
  const numbers = ids.revealMany(parts.filter((_, i) => i % 2 === 1))
  return { ids: numbers.flatMap((n, i) => (n.toUpperCase().endsWith(upper) ? [Number(parts[2 * i])] : [])) }
}

export async function countMembers(db: Queryable): Promise<number> {
  return (await db.get<{ n: number }>('SELECT count(*) AS n FROM members'))?.n ?? 0
}
