import type { EducationLevel, Gender, PoliticalStatus } from '../../../shared/domain/codes'
import type { EthnicityCode } from '../../../shared/domain/ethnicity'
import { checkIdNumber } from '../../../shared/domain/id-number'
import {
  FORM_REQUIRED_FIELDS, memberFieldsSchema, type Member, type MemberField, type MemberFieldsInput,
} from '../../../shared/domain/member'

/**
 * What the form edits: text boxes hold strings ('' = not filled), selects hold a code or null
 * (a cleared select may briefly hold '' or undefined: `orNull` folds those); wage is typed in yuan.
 */
export type MemberFormModel = {
  name: string
  cardNo: string
  gender: Gender | null
  birthDate: string
  ethnicity: EthnicityCode | null
  idNumber: string
  mobile: string
  education: EducationLevel | null
  politicalStatus: PoliticalStatus | null
  nativePlace: string
  departmentId: number | null
  post: string
  title: string
  employeeNo: string
  joinDate: string
  wageBaseYuan: string
  migrantWorker: boolean
}

/** An error to show under a field: a key under `errors.*` plus its parameters. */
export type FieldError = { key: string; params?: Record<string, string | number> }
export type FieldErrors = Partial<Record<MemberField, FieldError>>

/** The form demands these (a record without them would be unqualified); the name always. */
export const REQUIRED_IN_FORM: readonly MemberField[] = ['name', ...FORM_REQUIRED_FIELDS]

export function emptyMemberForm(): MemberFormModel {
  return {
    name: '', cardNo: '', gender: null, birthDate: '', ethnicity: null, idNumber: '', mobile: '', education: null,
    politicalStatus: null, nativePlace: '', departmentId: null, post: '', title: '', employeeNo: '', joinDate: '',
    wageBaseYuan: '', migrantWorker: false,
  }
}

export function fenToYuanText(fen: number | null): string {
  if (fen === null) return ''
  return (fen / 100).toFixed(2).replace(/\.00$/, '')
}

/** '1234.5' → 123450 fen; '' → null; anything else (negative, 3 decimals, words) → 'invalid'. */
export function yuanTextToFen(text: string): number | null | 'invalid' {
  const t = text.replace(/[,，\s¥￥]/g, '')
  if (!t) return null
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return 'invalid'
  const [whole, frac = ''] = t.split('.')
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'))
}

export function memberToForm(m: Member): MemberFormModel {
  return {
    name: m.name, cardNo: m.cardNo ?? '', gender: m.gender, birthDate: m.birthDate ?? '',
    ethnicity: m.ethnicity, idNumber: m.idNumber ?? '', mobile: m.mobile ?? '', education: m.education,
    politicalStatus: m.politicalStatus, nativePlace: m.nativePlace ?? '', departmentId: m.departmentId,
    post: m.post ?? '', title: m.title ?? '', employeeNo: m.employeeNo ?? '', joinDate: m.joinDate ?? '',
    wageBaseYuan: fenToYuanText(m.wageBaseFen), migrantWorker: m.migrantWorker,
  }
}

const orNull = <T extends string>(v: T | null | undefined): T | null => v || null

/** The request body for members.create / members.update. Call only after validation passed. */
export function formToFields(f: MemberFormModel): MemberFieldsInput {
  const fen = yuanTextToFen(f.wageBaseYuan)
  return {
    name: f.name, cardNo: f.cardNo, gender: orNull(f.gender), birthDate: f.birthDate || null,
    ethnicity: orNull(f.ethnicity), idNumber: f.idNumber || null, mobile: f.mobile || null,
    education: orNull(f.education), politicalStatus: orNull(f.politicalStatus), nativePlace: f.nativePlace,
    departmentId: f.departmentId || null, post: f.post, title: f.title, employeeNo: f.employeeNo,
    joinDate: f.joinDate || null, wageBaseFen: fen === 'invalid' ? null : fen, migrantWorker: f.migrantWorker,
  }
}

function isBlank(field: MemberField, fields: MemberFieldsInput): boolean {
  const v = fields[field]
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '')
}

/**
 * Checks one field with the same schema core uses, so the inline message is the one core would
 * send (e.g. 「身份证号码校验位错误，应为 5…」) — before anything is sent or stored.
 */
export function validateMemberField(field: MemberField, form: MemberFormModel): FieldError | null {
  if (field === 'wageBaseFen' && yuanTextToFen(form.wageBaseYuan) === 'invalid') return { key: 'wage' }
  const fields = formToFields(form)
  if (REQUIRED_IN_FORM.includes(field) && isBlank(field, fields)) return { key: 'required' }
  const result = memberFieldsSchema.shape[field].safeParse(fields[field])
  if (result.success) return null
  const issue = result.error.issues[0]
  if (!issue) return { key: 'invalid' }
  const raw = (issue as { params?: Record<string, unknown> }).params ?? {}
  const params = Object.fromEntries(
    Object.entries(raw).filter((e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number'),
  )
  return { key: issue.message, params }
}

export const MEMBER_FORM_FIELDS = Object.keys(memberFieldsSchema.shape) as MemberField[]

export function validateMemberForm(form: MemberFormModel): FieldErrors {
  const errors: FieldErrors = {}
  for (const field of MEMBER_FORM_FIELDS) {
    const e = validateMemberField(field, form)
    if (e) errors[field] = e
  }
  return errors
}

/** A valid ID number fixes birth date and gender; fill them so they cannot disagree. Returns whether it did. */
export function autoFillFromIdNumber(form: MemberFormModel): boolean {
  if (!form.idNumber.trim()) return false
  const r = checkIdNumber(form.idNumber)
  if (!r.ok) return false
  const changed = form.birthDate !== r.birthDate || form.gender !== r.gender || form.idNumber !== r.value
  form.idNumber = r.value
  form.birthDate = r.birthDate
  form.gender = r.gender
  return changed
}
