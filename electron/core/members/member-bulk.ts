import type { MemberFields } from '../../../shared/domain/member'
import { STATUS_AFTER, type MemberStatus, type StatusChangeKind } from '../../../shared/domain/member-status'
import type { Queryable } from '../db/sqlite'
import { withDerivedFields } from './member-quality'
import { toMemberWrite } from './member-write'
import { insertHistoryBulk, insertMembersBulk, type HistoryWrite, type MemberWrite } from './member-repository'
import { loadNameKeyer } from './name-keys'
import type { IdNumberProtector } from './id-number-protection'

export type BulkMember = { fields: MemberFields; status: MemberStatus; statusDate: string | null }

const KIND_FOR_STATUS: Partial<Record<MemberStatus, StatusChangeKind>> = Object.fromEntries(
  Object.entries(STATUS_AFTER).filter(([k]) => k !== 'transferIn' && k !== 'reinstate').map(([k, v]) => [v, k]),
)

/**
 * Writes many already-validated members with their history in the caller's transaction: the path
 * for imports and demo data. Uniqueness is the caller's job (the unique indexes still guard it).
 */
export async function insertMembersWithHistory(
  tx: Queryable, people: readonly BulkMember[], now: string, idNumbers: IdNumberProtector,
): Promise<number[]> {
  const keyer = await loadNameKeyer()
  const writes: MemberWrite[] = people.map((p) => toMemberWrite(withDerivedFields(p.fields), p.status, keyer, idNumbers, now))
  const ids = await insertMembersBulk(tx, writes)
  const history: HistoryWrite[] = []
  people.forEach((p, i) => {
    const joinDate = p.fields.joinDate ?? now.slice(0, 10)
    history.push({ memberId: ids[i]!, kind: 'join', eventDate: joinDate, fromStatus: null, toStatus: 'active',
      counterpart: null, note: null, changedFields: null, now })
    const kind = KIND_FOR_STATUS[p.status]
    if (kind) {
      const date = p.statusDate && p.statusDate > joinDate ? p.statusDate : joinDate
      history.push({ memberId: ids[i]!, kind, eventDate: date, fromStatus: 'active', toStatus: p.status,
        counterpart: kind === 'transferOut' ? '青海省电力公司' : null, note: null, changedFields: null, now })
    }
  })
  await insertHistoryBulk(tx, history)
  return ids
}
