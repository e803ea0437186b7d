import { ethnicityName } from '../../../shared/domain/ethnicity'
import type { Member, MemberFields, QualityIssue } from '../../../shared/domain/member'
import { maskIdNumber } from '../../../shared/domain/id-number'
import type { Queryable } from '../db/sqlite'
import type { IdNumberProtector } from '../members/id-number-protection'
import { withDerivedFields } from '../members/member-quality'
import { MEMBER_SELECT } from '../members/member-repository'
import { EDUCATION_WORDS, fieldLabel, GENDER_WORDS, IMPORT_FIELDS, MEMBER_FIELD_OF, POLITICAL_WORDS, type ImportField } from './fields'
import type { Collision } from './import-plan'

/**
 * What updating an existing member from a file row would change. Only cells with a value change
 * anything: a blank cell never erases what the register holds.
 */
export type FieldDiff = { field: ImportField; label: string; from: string | null; to: string | null }

export type ResolvedCollision = {
  collision: Collision
  before: Member
  /**
   * The member after the update; `idNumber` is left null here (see plainId) and `departmentId` is
   * stale when the department is new (see departmentName).
   */
  after: MemberFields
  departmentName: string | null
  diff: FieldDiff[]
  /** The ID number to write: the file's, or the stored one unsealed (only called when writing). */
  plainId: () => string | null
}

/** MEMBER_SELECT gives each member as one JSON object (`j`) with a 0/1 flag and a comma list. */
type MemberJson = Omit<Member, 'migrantWorker' | 'qualityIssues'> & { migrantWorker: number; qualityIssues: string }
function fromJson(m: MemberJson): Member {
  return { ...m, migrantWorker: m.migrantWorker === 1, qualityIssues: m.qualityIssues ? (m.qualityIssues.split(',') as QualityIssue[]) : [] }
}

/** A value as the secretary reads it: 男, 藏族, 大学本科, 5000.00, 是. */
export function shownValue(field: ImportField, m: MemberFields, departmentName: string | null): string | null {
  switch (field) {
    case 'department': return departmentName
    case 'gender': return m.gender ? GENDER_WORDS[m.gender] : null
    case 'ethnicity': return m.ethnicity ? ethnicityName(m.ethnicity) : null
    case 'education': return m.education ? EDUCATION_WORDS[m.education] : null
    case 'politicalStatus': return m.politicalStatus ? POLITICAL_WORDS[m.politicalStatus] : null
    case 'wageBase': return m.wageBaseFen === null ? null : (m.wageBaseFen / 100).toFixed(2)
    case 'migrantWorker': return m.migrantWorker ? '是' : '否'
    default: return m[MEMBER_FIELD_OF[field]] as string | null
  }
}

function fieldsOf(m: Member): MemberFields {
  return {
    name: m.name, cardNo: m.cardNo, gender: m.gender, birthDate: m.birthDate, ethnicity: m.ethnicity, idNumber: m.idNumber,
    mobile: m.mobile, education: m.education, politicalStatus: m.politicalStatus, nativePlace: m.nativePlace,
    departmentId: m.departmentId, post: m.post, title: m.title, employeeNo: m.employeeNo, joinDate: m.joinDate,
    wageBaseFen: m.wageBaseFen, migrantWorker: m.migrantWorker,
  }
}

export async function loadMembers(q: Queryable, ids: readonly number[]): Promise<Map<number, Member>> {
  const out = new Map<number, Member>()
  if (!ids.length) return out
  const rows = await q.all<{ j: string }>(`${MEMBER_SELECT} WHERE m.id IN (SELECT value FROM json_each(?))`, [JSON.stringify(ids)])
  for (const r of rows) {
    const m = fromJson(JSON.parse(r.j) as MemberJson)
    out.set(m.id, m)
  }
  return out
}

export async function resolveCollisions(
  q: Queryable, collisions: readonly Collision[], departments: ReadonlyMap<string, number>, ids: IdNumberProtector,
): Promise<ResolvedCollision[]> {
  const memberIds = collisions.map((c) => c.memberId)
  const members = await loadMembers(q, memberIds)
  const sealed = new Map((await q.all<{ id: number; h: string | null; enc: string | null }>(
    'SELECT id, id_number_hash AS h, id_number_enc AS enc FROM members WHERE id IN (SELECT value FROM json_each(?))',
    [JSON.stringify(memberIds)])).map((r) => [r.id, r]))
  return collisions.map((collision) => {
    const before = members.get(collision.memberId)!
    const stored = sealed.get(collision.memberId)
    const old = fieldsOf(before)
    // The register shows only the masked ID number; the file's (if any) is compared by blind index.
    const merged: MemberFields = { ...old, idNumber: null }
    const parsed = collision.member
    let departmentName = before.departmentName
    for (const f of parsed.filled) {
      if (f === 'department') {
        departmentName = parsed.departmentName
        merged.departmentId = departments.get(parsed.departmentName!) ?? null
      } else {
        const key = MEMBER_FIELD_OF[f]
        ;(merged as Record<string, unknown>)[key] = parsed.fields[key]
      }
    }
    const after = withDerivedFields(merged)
    const diff: FieldDiff[] = []
    for (const f of IMPORT_FIELDS) {
      if (f === 'idNumber') {
        const fileId = parsed.filled.includes('idNumber') ? parsed.fields.idNumber : null
        if (fileId && ids.hash(fileId) !== (stored?.h ?? null)) {
          diff.push({ field: f, label: fieldLabel(f), from: before.idNumber, to: maskIdNumber(fileId) })
        }
        continue
      }
      const from = shownValue(f, old, before.departmentName)
      const to = shownValue(f, after, departmentName)
      if (from !== to) diff.push({ field: f, label: fieldLabel(f), from, to })
    }
    const fileId = parsed.filled.includes('idNumber') ? parsed.fields.idNumber : null
    const plainId = () => fileId ?? (stored?.enc ? ids.reveal(stored.enc) : null)
    return { collision, before, after, departmentName, diff, plainId }
  })
}
