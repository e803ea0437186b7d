import type { EducationLevel, Gender, PoliticalStatus } from '../../../shared/domain/codes'
import type { MemberFields } from '../../../shared/domain/member'
import type { MemberStatus } from '../../../shared/domain/member-status'
import { zhCN } from '../../../shared/messages/zh-CN'

/**
 * The columns a roster file can carry. Mostly the register's fields; the department is a name
 * (departments named in a file are created on import) and the wage base is in yuan.
 */
export const IMPORT_FIELDS = [
  'name', 'gender', 'ethnicity', 'idNumber', 'birthDate', 'mobile', 'department', 'post', 'title', 'employeeNo',
  'education', 'politicalStatus', 'nativePlace', 'joinDate', 'cardNo', 'wageBase', 'migrantWorker',
] as const
export type ImportField = (typeof IMPORT_FIELDS)[number]

/** The register field an import column fills (for message labels and history `changedFields`). */
export const MEMBER_FIELD_OF: Record<ImportField, keyof MemberFields> = {
  name: 'name', gender: 'gender', ethnicity: 'ethnicity', idNumber: 'idNumber', birthDate: 'birthDate',
  mobile: 'mobile', department: 'departmentId', post: 'post', title: 'title', employeeNo: 'employeeNo',
  education: 'education', politicalStatus: 'politicalStatus', nativePlace: 'nativePlace', joinDate: 'joinDate',
  cardNo: 'cardNo', wageBase: 'wageBaseFen', migrantWorker: 'migrantWorker',
}

/** Headers written by the template and the export; the import recognises them (and many variants). */
export const FIELD_HEADERS: Record<ImportField, string> = {
  name: '姓名', gender: '性别', ethnicity: '民族', idNumber: '身份证号码', birthDate: '出生日期', mobile: '手机号码',
  department: '部门', post: '岗位', title: '职称', employeeNo: '工号', education: '文化程度',
  politicalStatus: '政治面貌', nativePlace: '籍贯', joinDate: '入会日期', cardNo: '会员证号',
  wageBase: '缴费工资基数（元）', migrantWorker: '农民工',
}

/** A field's label for messages: the register's label (zh-CN `fields.*`). */
export function fieldLabel(field: ImportField): string {
  return (zhCN.fields as Record<string, string>)[MEMBER_FIELD_OF[field]] ?? FIELD_HEADERS[field]
}

// Code words as the renderer shows them (renderer/src/i18n/ui-zh-CN.ts `codes.*`).
export const GENDER_WORDS: Record<Gender, string> = { M: '男', F: '女' }
export const EDUCATION_WORDS: Record<EducationLevel, string> = {
  postgraduate: '研究生', bachelor: '大学本科', college: '大学专科', secondary: '中专或高中', junior: '初中及以下',
}
export const POLITICAL_WORDS: Record<PoliticalStatus, string> = {
  cpc: '中共党员', cpcProbationary: '中共预备党员', cyl: '共青团员', democraticParty: '民主党派', masses: '群众',
}
export const STATUS_WORDS: Record<MemberStatus, string> = zhCN.statuses
