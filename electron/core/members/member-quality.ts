import { checkIdNumber } from '../../../shared/domain/id-number'
import type { MemberFields, QualityIssue } from '../../../shared/domain/member'

/** Fills birth date and gender from a valid ID number when they were left blank. */
export function withDerivedFields(m: MemberFields): MemberFields {
  if (!m.idNumber) return m
  const id = checkIdNumber(m.idNumber)
  if (!id.ok) return m
  return { ...m, birthDate: m.birthDate ?? id.birthDate, gender: m.gender ?? id.gender }
}

/**
 * Why a record is unqualified (不合格): missing register fields, or details that disagree with the
 * ID number. Only qualified records count in statistics.
 */
export function assessQuality(m: MemberFields): QualityIssue[] {
  const issues: QualityIssue[] = []
  if (!m.idNumber) issues.push('missingIdNumber')
  if (!m.gender) issues.push('missingGender')
  if (!m.birthDate) issues.push('missingBirthDate')
  if (!m.ethnicity) issues.push('missingEthnicity')
  if (m.departmentId === null) issues.push('missingDepartment')
  if (!m.joinDate) issues.push('missingJoinDate')
  if (m.idNumber) {
    const id = checkIdNumber(m.idNumber)
    if (id.ok && m.birthDate && m.birthDate !== id.birthDate) issues.push('birthDateMismatch')
    if (id.ok && m.gender && m.gender !== id.gender) issues.push('genderMismatch')
  }
  return issues
}
