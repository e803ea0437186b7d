import { SEARCH_COUNT_CAP, type MemberSearch } from '../../../shared/domain/member'
import type { SqlValue } from '../db/sqlite'
import { nameCharacters } from './name-keys'
import type { IdNumberProtector } from './id-number-protection'

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
const globPrefix = (s: string) => `${s.replace(/[*?[\]]/g, '')}*`

/**
 * The ids the text matches, as a streaming subquery in the index's own order, so a page of the
 * default ("relevance") order stops after the rows it needs. ID numbers are only found whole or by
 * their last 4–6 characters, through blind indexes (they are stored encrypted).
 */
function hitsFor(raw: string, ids: IdNumberProtector): Query | null {
  const { kind, text } = classifySearch(raw)
  switch (kind) {
    case 'none':
      return null
    case 'name':
      return {
        sql: 'SELECT rowid AS id FROM member_name_fts WHERE member_name_fts MATCH ?',
        params: [quote(nameCharacters(text).join(' '))],
      }
    case 'initials':
      return { sql: 'SELECT id FROM members WHERE name_initials GLOB ?', params: [globPrefix(text)] }
    case 'pinyin':
      // Full pinyin first, then initials that are not already full-pinyin hits (no de-dup sort needed).
      return {
        sql: `SELECT id FROM members WHERE name_pinyin GLOB ?
              UNION ALL SELECT id FROM members WHERE name_initials GLOB ? AND name_pinyin NOT GLOB ?`,
        params: [globPrefix(text), globPrefix(text), globPrefix(text)],
      }
    case 'number': {
      const fts = 'SELECT rowid AS id FROM member_number_fts WHERE member_number_fts MATCH ?'
      const upper = text.toUpperCase()
      if (upper.length === 18) {
        return { sql: `${fts} UNION SELECT id FROM members WHERE id_number_hash = ?`, params: [quote(text), ids.hash(upper)] }
      }
      const tail = ids.tailHash(upper)
      if (tail) {
        // ID tails first (a handful of rows), then the fragment hits that are not among them: UNION ALL
        // streams, where UNION would collect every fragment hit to remove duplicates.
        const byTail = `SELECT id FROM members WHERE id_tail${upper.length}_hash = ?`
        return { sql: `${byTail} UNION ALL ${fts} AND rowid NOT IN (${byTail})`, params: [tail, quote(text), tail] }
      }
      return { sql: fts, params: [quote(text)] }
    }
    case 'numberPrefix':
      return { sql: 'SELECT id FROM members WHERE employee_no GLOB ?', params: [globPrefix(text.toUpperCase())] }
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
 * Builds the count and page queries. With text, the hits drive the join (CROSS JOIN fixes the loop
 * order) so a rare name never walks the register, and the count stops at SEARCH_COUNT_CAP + 1.
 * Without text, filters and sort run on the members indexes and the count is exact.
 */
export function buildMemberSearch(q: MemberSearch, memberSelect: string, ids: IdNumberProtector): { count: Query; page: Query; capped: boolean } {
  const where: string[] = []
  const params: SqlValue[] = []
  if (q.departmentId !== null) { where.push('m.department_id = ?'); params.push(q.departmentId) }
  if (q.status !== null) { where.push('m.status = ?'); params.push(q.status) }
  if (q.gender !== null) { where.push('m.gender = ?'); params.push(q.gender) }
  if (q.ethnicity !== null) { where.push('m.ethnicity = ?'); params.push(q.ethnicity) }
  if (q.unqualifiedOnly) where.push("m.quality_issues <> ''")
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : ''
  const dir = q.order === 'desc' ? 'DESC' : 'ASC'

  const hits = hitsFor(q.query, ids)
  const sort = q.sort === 'relevance' && !hits ? 'name' : q.sort
  const orderSql = sort === 'relevance'
    ? ''
    : `ORDER BY ${ORDER[sort].split(', ').map((c) => `${c} ${dir}`).join(', ')}, m.id ${dir}`

  if (!hits) {
    return {
      capped: false,
      count: { sql: `SELECT count(*) AS n FROM members m ${whereSql}`, params },
      page: { sql: `${memberSelect} ${whereSql} ${orderSql} LIMIT ? OFFSET ?`, params: [...params, q.limit, q.offset] },
    }
  }
  const join = `FROM (${hits.sql}) AS hits CROSS JOIN members m ON m.id = hits.id`
  // Without filters the index alone can count; no need to visit each member row.
  const countFrom = where.length ? `${join} ${whereSql}` : `FROM (${hits.sql})`
  return {
    capped: true,
    count: {
      sql: `SELECT count(*) AS n FROM (SELECT 1 ${countFrom} LIMIT ${SEARCH_COUNT_CAP + 1})`,
      params: [...hits.params, ...params],
    },
    page: {
      sql: `${memberSelect.replace('FROM members m', join)} ${whereSql} ${orderSql} LIMIT ? OFFSET ?`,
      params: [...hits.params, ...params, q.limit, q.offset],
    },
  }
}
