import type { MemberSearch } from '../../../shared/domain/member'
import type { SqlValue } from '../db/sqlite'
import { nameCharacters } from './name-keys'

type Query = { sql: string; params: SqlValue[] }

export type SearchKind = 'none' | 'name' | 'pinyin' | 'number' | 'numberPrefix'

/**
 * What the typed text is: Chinese characters search the name index, letters search pinyin
 * (initials or full), digits (3+) search employee no., mobile and ID number by fragment.
 */
export function classifySearch(raw: string): { kind: SearchKind; text: string } {
  const text = raw.normalize('NFKC').replace(/\s+/g, '').toLowerCase()
  if (!text) return { kind: 'none', text }
  if (/^[a-zü]+$/.test(text)) return { kind: 'pinyin', text: text.replace(/ü/g, 'v') }
  if (/^[0-9a-z-]+$/.test(text)) return { kind: text.length >= 3 ? 'number' : 'numberPrefix', text }
  return { kind: 'name', text }
}

const quote = (s: string) => `"${s.replace(/"/g, '')}"`
const globPrefix = (s: string) => `${s.replace(/[*?[\]]/g, '')}*`

/** A CTE of the ids the text matches, or null when there is no text. */
function hitsFor(raw: string): Query | null {
  const { kind, text } = classifySearch(raw)
  switch (kind) {
    case 'none':
      return null
    case 'name':
      return {
        sql: 'SELECT rowid AS id FROM member_name_fts WHERE member_name_fts MATCH ?',
        params: [quote(nameCharacters(text).join(' '))],
      }
    case 'pinyin':
      return {
        sql: 'SELECT id FROM members WHERE name_initials GLOB ? UNION SELECT id FROM members WHERE name_pinyin GLOB ?',
        params: [globPrefix(text), globPrefix(text)],
      }
    case 'number':
      return { sql: 'SELECT rowid AS id FROM member_number_fts WHERE member_number_fts MATCH ?', params: [quote(text)] }
    case 'numberPrefix':
      return { sql: 'SELECT id FROM members WHERE employee_no GLOB ?', params: [globPrefix(text.toUpperCase())] }
  }
}

const ORDER: Record<MemberSearch['sort'], string> = {
  name: 'm.name_pinyin',
  employeeNo: 'm.employee_no',
  joinDate: 'm.join_date',
  department: 'd.sort_order, d.name',
  createdAt: 'm.id',
}

/**
 * Builds the count and page queries. With text, the matching ids are materialised first and drive
 * the join (CROSS JOIN fixes the loop order), so a rare name never walks the whole register; without
 * text, filters and sort run on the members indexes.
 */
export function buildMemberSearch(q: MemberSearch, memberSelect: string): { count: Query; page: Query } {
  const where: string[] = []
  const params: SqlValue[] = []
  if (q.departmentId !== null) { where.push('m.department_id = ?'); params.push(q.departmentId) }
  if (q.status !== null) { where.push('m.status = ?'); params.push(q.status) }
  if (q.gender !== null) { where.push('m.gender = ?'); params.push(q.gender) }
  if (q.ethnicity !== null) { where.push('m.ethnicity = ?'); params.push(q.ethnicity) }
  if (q.unqualifiedOnly) where.push("m.quality_issues <> ''")
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : ''
  const dir = q.order === 'desc' ? 'DESC' : 'ASC'
  const orderSql = `ORDER BY ${ORDER[q.sort].split(', ').map((c) => `${c} ${dir}`).join(', ')}, m.id ${dir}`

  const hits = hitsFor(q.query)
  const from = hits
    ? `WITH hits(id) AS MATERIALIZED (${hits.sql})
       ${memberSelect.replace('FROM members m', 'FROM hits CROSS JOIN members m ON m.id = hits.id')}`
    : memberSelect
  const countFrom = hits
    ? `WITH hits(id) AS MATERIALIZED (${hits.sql}) SELECT count(*) AS n FROM hits CROSS JOIN members m ON m.id = hits.id`
    : 'SELECT count(*) AS n FROM members m'
  const hitParams = hits?.params ?? []
  return {
    count: { sql: `${countFrom} ${whereSql}`, params: [...hitParams, ...params] },
    page: {
      sql: `${from} ${whereSql} ${orderSql} LIMIT ? OFFSET ?`,
      params: [...hitParams, ...params, q.limit, q.offset],
    },
  }
}
