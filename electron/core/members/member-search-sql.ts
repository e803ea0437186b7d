import { SEARCH_COUNT_CAP, type MemberSearch } from '../../../shared/domain/member'
import type { SqlValue } from '../db/sqlite'
import { nameCharacters, namePairs } from './name-keys'
import { numberMatch } from './number-grams'

type Query = { sql: string; params: SqlValue[] }

export type SearchKind = 'none' | 'name' | 'initials' | 'pinyin' | 'number' | 'numberPrefix'

/**
 * What the typed text is: Chinese characters search the name index; letters without a vowel are
 * pinyin initials (zs), with one they may be full pinyin (zhangsan) or initials; digits (3+) search
 * employee no., mobile and ID number by fragment.
 */
export function classifySearch(raw: string): { kind: SearchKind; text: string } {
  const text = raw.normalize('NFKC').replace(/\s+/g, '').toLowerCase().replace(/ü/g, 'v')
  if (!text) return { kind: 'none', text }
  if (/^[a-z]+$/.test(text)) return { kind: /[aeiouv]/.test(text) ? 'pinyin' : 'initials', text }
  if (/^[0-9a-z-]+$/.test(text)) return { kind: text.length >= 3 ? 'number' : 'numberPrefix', text }
  return { kind: 'name', text }
}

const quote = (s: string) => `"${s.replace(/"/g, '')}"`

/**
 * Names are indexed as their characters and their adjacent pairs (name-keys.ts). One character
 * looks up the character; two or more look up their pairs as a phrase: a 2-character query is a
 * single token whose short posting list is exactly the hits, where a phrase of two single
 * characters intersects two long lists (a common surname's is thousands of entries).
 */
export function nameMatch(text: string): string {
  const chars = nameCharacters(text).map((c) => c.toLowerCase())
  return quote(chars.length < 2 ? chars.join('') : namePairs(chars).join(' '))
}
/**
 * A prefix as the range of text starting with it: `col >= 'zs' AND col < 'zt'`. The typed prefixes
 * are plain ASCII letters, digits and dashes, so in the columns' BINARY order that range is exactly
 * `col GLOB 'zs*'`. Written as a range because SQLite plans an index scan for a GLOB pattern from its
 * bound value, and so recompiles a kept statement each time the pattern is bound afresh.
 */
function prefixRange(column: string, prefix: string): Query {
  const next = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)
  return { sql: `${column} >= ? AND ${column} < ?`, params: [prefix, next] }
}

/**
 * LIMIT and OFFSET go into the text as numbers, never as bound values: SQLite plans a LIMIT from its
 * value, so a statement with a bound LIMIT is recompiled whenever it is bound again, which made a
 * kept search statement as costly as a fresh one.
 */
function limitSql(limit: number, offset: number): string {
  if (!Number.isSafeInteger(limit) || !Number.isSafeInteger(offset) || offset < 0) throw new Error(`bad page: ${limit} ${offset}`)
  return `LIMIT ${limit} OFFSET ${offset}`
}

/**
 * What a number search finds among the sealed ID numbers (member-repository's idNumberHits works it
 * out before the statement is built): a whole number by its blind index, the last 4 characters by
 * theirs, and the last 5 or 6 as the members already checked (found by their last 4, then unsealed
 * and compared). Null when the text cannot be part of an ID number's end.
 */
export type IdNumberHits = { hash: string } | { tail4: string } | { ids: number[] } | null

/**
 * The ids the text matches, as a streaming subquery in the index's own order, so a page of the
 * default ("relevance") order stops after the rows it needs. ID numbers are stored encrypted: they
 * are found whole or by their last 4–6 characters as `idHits` says (see IdNumberHits).
 */
function hitsFor(raw: string, idHits: IdNumberHits): Query | null {
  const { kind, text } = classifySearch(raw)
  switch (kind) {
    case 'none':
      return null
    case 'name':
      return { sql: 'SELECT rowid AS id FROM member_name_fts WHERE member_name_fts MATCH ?', params: [nameMatch(text)] }
    case 'initials': {
      const initials = prefixRange('name_initials', text)
      return { sql: `SELECT id FROM members WHERE ${initials.sql}`, params: initials.params }
    }
    case 'pinyin': {
      // Full pinyin first, then initials that are not already full-pinyin hits (no de-dup sort needed).
      const [pinyin, initials] = [prefixRange('name_pinyin', text), prefixRange('name_initials', text)]
      return {
        sql: `SELECT id FROM members WHERE ${pinyin.sql}
              UNION ALL SELECT id FROM members WHERE ${initials.sql} AND NOT (${pinyin.sql})`,
        params: [...pinyin.params, ...initials.params, ...pinyin.params],
      }
    }
    case 'number': {
      const fts = 'SELECT rowid AS id FROM member_number_fts WHERE member_number_fts MATCH ?'
      if (!idHits) return { sql: fts, params: [numberMatch(text)] }
      if ('hash' in idHits) return { sql: `${fts} UNION SELECT id FROM members WHERE id_number_hash = ?`, params: [numberMatch(text), idHits.hash] }
      // ID tails first (a handful of rows), then the fragment hits that are not among them: UNION ALL
      // streams, where UNION would collect every fragment hit to remove duplicates.
      const [byTail, tailParams] = 'tail4' in idHits
        ? ['SELECT id FROM members WHERE id_tail4_hash = ?', [idHits.tail4]]
        : ['SELECT value AS id FROM json_each(?)', [JSON.stringify(idHits.ids)]]
      return { sql: `${byTail} UNION ALL ${fts} AND rowid NOT IN (${byTail})`, params: [...tailParams, numberMatch(text), ...tailParams] }
    }
    case 'numberPrefix': {
      const employeeNo = prefixRange('employee_no', text.toUpperCase())
      return { sql: `SELECT id FROM members WHERE ${employeeNo.sql}`, params: employeeNo.params }
    }
  }
}

const ORDER: Record<Exclude<MemberSearch['sort'], 'relevance'>, string> = {
  name: 'm.name_pinyin',
  employeeNo: 'm.employee_no',
  joinDate: 'm.join_date',
  department: 'd.sort_order, d.name',
  createdAt: 'm.id',
}

/**
 * Builds ONE statement returning the page (`rows`, `rowSelect` per member joined into a JSON array
 * text) and the count (`n`): one round trip to SQLite instead of two. `page` alone selects
 * `rowSelect AS j` in list order (the export takes every id from it). With text, the hits drive
 * the join (CROSS JOIN fixes the loop order) so a rare name never walks the register, and the count
 * stops at SEARCH_COUNT_CAP + 1. Without text, filters and sort run on the members indexes and the
 * count is exact.
 */
export function buildMemberSearch(q: MemberSearch, rowSelect: string, idHits: IdNumberHits): { query: Query; page: Query; capped: boolean } {
  const where: string[] = []
  const params: SqlValue[] = []
  if (q.departmentId !== null) { where.push('m.department_id = ?'); params.push(q.departmentId) }
  if (q.status !== null) { where.push('m.status = ?'); params.push(q.status) }
  if (q.gender !== null) { where.push('m.gender = ?'); params.push(q.gender) }
  if (q.ethnicity !== null) { where.push('m.ethnicity = ?'); params.push(q.ethnicity) }
  if (q.unqualifiedOnly) where.push("m.quality_issues <> ''")
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : ''
  const dir = q.order === 'desc' ? 'DESC' : 'ASC'

  const hits = hitsFor(q.query, idHits)
  const sort = q.sort === 'relevance' && !hits ? 'name' : q.sort
  const orderSql = sort === 'relevance'
    ? ''
    : `ORDER BY ${ORDER[sort].split(', ').map((c) => `${c} ${dir}`).join(', ')}, m.id ${dir}`
  const from = hits ? `FROM (${hits.sql}) AS hits CROSS JOIN members m ON m.id = hits.id` : 'FROM members m'
  const page: Query = {
    sql: `SELECT ${rowSelect} AS j ${from} LEFT JOIN departments d ON d.id = m.department_id ${whereSql} ${orderSql} ${limitSql(q.limit, q.offset)}`,
    params: [...(hits?.params ?? []), ...params],
  }
  // Without text the count is exact; with text it stops after the cap, and without filters the
  // index alone counts (no need to visit each member row).
  const count: Query = !hits
    ? { sql: `SELECT count(*) FROM members m ${whereSql}`, params }
    : {
      sql: `SELECT count(*) FROM (SELECT 1 ${where.length ? `${from} ${whereSql}` : `FROM (${hits.sql})`} LIMIT ${SEARCH_COUNT_CAP + 1})`,
      params: [...hits.params, ...(where.length ? params : [])],
    }
  if (hits && sort === 'relevance' && where.length > 0) {
    // Type-ahead with filters: the hits that pass them are taken once, in index order, up to the
    // cap (or the end of the requested page), then counted and the page is read from them, so each
    // hit's member row is read once: a rare filter would otherwise walk every hit twice. Without
    // filters the plain statement below searches the index twice, which costs less than keeping
    // up to a thousand hits aside (0.25 against 0.55 ms for a name with 1,000+ hits at 100k).
    const cap = Math.max(SEARCH_COUNT_CAP + 1, q.offset + q.limit)
    return {
      capped: true,
      page,
      query: {
        sql: `WITH h AS MATERIALIZED (SELECT m.id AS id ${from} ${whereSql} LIMIT ${cap})
          SELECT (SELECT count(*) FROM h) AS n, (SELECT '[' || group_concat(j, ',') || ']' FROM (
            SELECT ${rowSelect} AS j FROM h CROSS JOIN members m ON m.id = h.id LEFT JOIN departments d ON d.id = m.department_id
            ${limitSql(q.limit, q.offset)})) AS rows`,
        params: [...hits.params, ...params],
      },
    }
  }
  return {
    capped: hits !== null,
    page,
    // group_concat keeps the page's order and, unlike json_group_array(json(j)), does not re-parse each row.
    query: {
      sql: `SELECT (${count.sql}) AS n, (SELECT '[' || group_concat(j, ',') || ']' FROM (${page.sql})) AS rows`,
      params: [...count.params, ...page.params],
    },
  }
}
