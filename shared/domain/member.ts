import { z } from 'zod'
import { EDUCATION_LEVELS, GENDERS, POLITICAL_STATUSES } from './codes'
import { ETHNICITY_CODES } from './ethnicity'
import { checkIdNumber } from './id-number'
import { HISTORY_KINDS, MEMBER_STATUSES, STATUS_CHANGE_KINDS } from './member-status'
import { idSchema, isoDate, optionalDate, optionalText, pageSchema } from './schema-parts'

const idNumberField = z
  .string()
  .nullable()
  .transform((raw, ctx) => {
    if (raw === null || raw.trim() === '') return null
    const r = checkIdNumber(raw)
    if (r.ok) return r.value
    ctx.addIssue({ code: 'custom', message: `idNumber.${r.reason}`, params: { expected: r.expected ?? '' } })
    return z.NEVER
  })

const mobileField = z
  .string()
  .nullable()
  .transform((raw, ctx) => {
    const v = (raw ?? '').replace(/[\s-]/g, '')
    if (!v) return null
    if (!/^1\d{10}$/.test(v) && !/^0\d{2,3}\d{7,8}$/.test(v)) {
      ctx.addIssue({ code: 'custom', message: 'mobile.format' })
      return z.NEVER
    }
    return v
  })

/** Every register field; all but the name may be blank here (imports keep incomplete rows as unqualified). */
export const memberFieldsSchema = z.object({
  name: z.string().trim().min(1, 'required').max(30, 'tooLong'),
  cardNo: optionalText(30),
  gender: z.enum(GENDERS, 'invalidOption').nullable(),
  birthDate: optionalDate,
  ethnicity: z.enum(ETHNICITY_CODES, 'invalidOption').nullable(),
  idNumber: idNumberField,
  mobile: mobileField,
  education: z.enum(EDUCATION_LEVELS, 'invalidOption').nullable(),
  politicalStatus: z.enum(POLITICAL_STATUSES, 'invalidOption').nullable(),
  nativePlace: optionalText(60),
  departmentId: idSchema.nullable(),
  post: optionalText(30),
  title: optionalText(30),
  employeeNo: optionalText(30),
  joinDate: optionalDate,
  wageBaseFen: z.number().int('invalidNumber').min(0, 'invalidNumber').max(100_000_000, 'invalidNumber').nullable(),
  migrantWorker: z.boolean(),
})
export type MemberFieldsInput = z.input<typeof memberFieldsSchema>
export type MemberFields = z.output<typeof memberFieldsSchema>
export type MemberField = keyof MemberFields

/** Fields the form must have: a record without them would be unqualified (不合格). */
// Gender and birth date are not listed: core derives them from the (required) ID number.
export const FORM_REQUIRED_FIELDS = ['idNumber', 'ethnicity', 'departmentId', 'joinDate'] as const

export const memberFormSchema = memberFieldsSchema.superRefine((m, ctx) => {
  for (const f of FORM_REQUIRED_FIELDS) {
    if (m[f] === null) ctx.addIssue({ code: 'custom', path: [f], message: 'required' })
  }
})

/**
 * An edit. The stored ID number is sealed and shown masked, so an edit that leaves it alone says
 * `keepIdNumber` instead of revealing and re-sending it (a reveal is audited; an address change is not).
 */
export const memberUpdateSchema = z
  .object({ id: idSchema, fields: memberFieldsSchema, keepIdNumber: z.boolean().default(false) })
  .superRefine((u, ctx) => {
    for (const f of FORM_REQUIRED_FIELDS) {
      if (f === 'idNumber' && u.keepIdNumber) continue
      if (u.fields[f] === null) ctx.addIssue({ code: 'custom', path: ['fields', f], message: 'required' })
    }
  })
export type MemberUpdate = z.output<typeof memberUpdateSchema>

/** Why a stored record is unqualified; computed at write time and kept with the row. */
export const QUALITY_ISSUES = [
  'missingIdNumber', 'missingGender', 'missingBirthDate', 'missingEthnicity', 'missingDepartment',
  'missingJoinDate', 'birthDateMismatch', 'genderMismatch',
] as const
export type QualityIssue = (typeof QUALITY_ISSUES)[number]

export const memberSchema = memberFieldsSchema.extend({
  id: idSchema,
  status: z.enum(MEMBER_STATUSES),
  departmentName: z.string().nullable(),
  qualityIssues: z.array(z.enum(QUALITY_ISSUES)),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Member = z.output<typeof memberSchema>

export const historyEntrySchema = z.object({
  id: idSchema,
  kind: z.enum(HISTORY_KINDS),
  eventDate: z.string(),
  fromStatus: z.enum(MEMBER_STATUSES).nullable(),
  toStatus: z.enum(MEMBER_STATUSES).nullable(),
  counterpart: z.string().nullable(),
  note: z.string().nullable(),
  changedFields: z.array(z.string()).nullable(),
  createdAt: z.string(),
})
export type HistoryEntry = z.output<typeof historyEntrySchema>

export const statusChangeSchema = z.object({
  id: idSchema,
  kind: z.enum(STATUS_CHANGE_KINDS, 'invalidOption'),
  eventDate: isoDate,
  counterpart: optionalText(60),
  note: optionalText(200),
})
export type StatusChange = z.output<typeof statusChangeSchema>

/** `relevance`: the order the search index yields hits (by name pinyin when there is no text). */
export const MEMBER_SORT_FIELDS = ['relevance', 'name', 'employeeNo', 'joinDate', 'department', 'createdAt'] as const

export const memberSearchSchema = z.object({
  query: z.string().max(50, 'tooLong').default(''),
  departmentId: idSchema.nullable().default(null),
  status: z.enum(MEMBER_STATUSES).nullable().default(null),
  gender: z.enum(GENDERS).nullable().default(null),
  ethnicity: z.enum(ETHNICITY_CODES).nullable().default(null),
  unqualifiedOnly: z.boolean().default(false),
  sort: z.enum(MEMBER_SORT_FIELDS).default('relevance'),
  order: z.enum(['asc', 'desc']).default('asc'),
  ...pageSchema,
})
export type MemberSearch = z.output<typeof memberSearchSchema>

/**
 * Rows the member list asks for at a time: two screens of the table at 1366×768. Each keystroke's
 * search builds and ships one page, so its size is most of what a search costs once the index has
 * found the hits (about 7 µs a row at 100k members); the bench measures this page.
 */
export const LIST_PAGE_SIZE = 40

/** A text search counts at most SEARCH_COUNT_CAP hits (`totalCapped`): a longer list is narrowed, not scrolled. */
export const SEARCH_COUNT_CAP = 1000
/**
 * A row of the member list: what the table shows and its row actions need. A search page carries
 * these, not whole records (members.get has those): building and shipping 12 fields instead of 25
 * is a good part of a search's time at 100k members.
 */
export const memberListRowSchema = memberSchema.pick({
  id: true, name: true, gender: true, ethnicity: true, idNumber: true, mobile: true, departmentId: true,
  departmentName: true, employeeNo: true, joinDate: true, status: true, qualityIssues: true,
})
export type MemberListRow = z.output<typeof memberListRowSchema>
export const memberPageSchema = z.object({
  total: z.number().int(),
  totalCapped: z.boolean(),
  rows: z.array(memberListRowSchema),
})
export type MemberPage = z.output<typeof memberPageSchema>
