import type { MemberFields } from '../../../shared/domain/member'
import type { IdNumberProtector, SealedIdNumber } from './id-number-protection'
import { assessQuality } from './member-quality'
import type { MemberWrite } from './member-repository'
import type { NameKeyer } from './name-keys'

/**
 * What core stores for a member: the fields (already with birth date and gender derived), the
 * quality verdict, search keys and the sealed ID number. The one place every write path (form,
 * bulk, import) builds it. An explicit literal rather than a spread: imports run it per row.
 * `sealed`: the ID number already sealed in a batch (imports seal on a worker thread).
 */
export function toMemberWrite(
  f: MemberFields, status: MemberWrite['status'], keyer: NameKeyer, ids: IdNumberProtector, now: string,
  sealed?: SealedIdNumber | null,
): MemberWrite {
  return {
    name: f.name, cardNo: f.cardNo, gender: f.gender, birthDate: f.birthDate, ethnicity: f.ethnicity, idNumber: f.idNumber,
    mobile: f.mobile, education: f.education, politicalStatus: f.politicalStatus, nativePlace: f.nativePlace,
    departmentId: f.departmentId, post: f.post, title: f.title, employeeNo: f.employeeNo, joinDate: f.joinDate,
    wageBaseFen: f.wageBaseFen, migrantWorker: f.migrantWorker,
    status, qualityIssues: assessQuality(f), keys: keyer(f.name), sealedId: sealed !== undefined ? sealed : f.idNumber ? ids.seal(f.idNumber) : null, now,
  }
}
