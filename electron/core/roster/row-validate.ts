import { parseEthnicity } from '../../../shared/domain/ethnicity'
import { checkIdNumber } from '../../../shared/domain/id-number'
import type { MemberFields } from '../../../shared/domain/member'
import {
  cellText, compactText, mobileText, normalizeName, parseDateCell, parseEducation, parseGender, parsePoliticalStatus,
  parseYesNo, parseYuanToFen, readIdCell, toHalfWidth, toHalfWidthDigits, type CellValue,
} from './cell-normalize'
import type { ImportField } from './fields'

/**
 * One spreadsheet row to register fields, with the rules of `memberFieldsSchema` (same limits, same
 * message keys) applied in a tight loop instead of zod per cell: imports validate 100k rows.
 * `member-validate.test.ts` checks that every accepted row also passes the schema.
 */

/** Which column (1-based) fills each field. */
export type ColumnMap = Partial<Record<ImportField, number>>
export type Params = Record<string, string | number>
export type RowIssue = { field: ImportField; messageKey: string; params?: Params }

export type ParsedMember = {
  /** departmentId is null here: the department is resolved (or created) by name when writing. */
  fields: MemberFields
  departmentName: string | null
  /** Fields with a value in the file: an update changes only these (a blank cell erases nothing). */
  filled: ImportField[]
}

export type RowContext = { date1904: boolean; today: Date }

const TEXT_LIMITS: ReadonlyArray<[ImportField, 'cardNo' | 'nativePlace' | 'post' | 'title' | 'employeeNo', number]> = [
  ['cardNo', 'cardNo', 30], ['nativePlace', 'nativePlace', 60], ['post', 'post', 30], ['title', 'title', 30],
  ['employeeNo', 'employeeNo', 30],
]
const DEPARTMENT_MAX = 40
const NAME_MAX = 30
const WAGE_MAX_FEN = 100_000_000
const MOBILE = /^1\d{10}$/
const PHONE = /^0\d{2,3}\d{7,8}$/

function cellAt(cells: readonly CellValue[], col: number | undefined): CellValue {
  return col === undefined ? null : (cells[col - 1] ?? null)
}

const blankFields = (): MemberFields => ({
  name: '', cardNo: null, gender: null, birthDate: null, ethnicity: null, idNumber: null, mobile: null,
  education: null, politicalStatus: null, nativePlace: null, departmentId: null, post: null, title: null,
  employeeNo: null, joinDate: null, wageBaseFen: null, migrantWorker: false,
})

// No closures in here: it runs once per row of a 100k-row file.
export function validateRow(cells: readonly CellValue[], columns: ColumnMap, ctx: RowContext): { member: ParsedMember | null; issues: RowIssue[] } {
  const issues: RowIssue[] = []
  const filled: ImportField[] = []
  const fields = blankFields()

  const name = normalizeName(cellAt(cells, columns.name))
  if (!name) issues.push({ field: 'name', messageKey: 'required' })
  else if (name.length > NAME_MAX) issues.push({ field: 'name', messageKey: 'tooLong' })
  else { fields.name = name; filled.push('name') }

  for (const [f, key, max] of TEXT_LIMITS) {
    const col = columns[f]
    if (col === undefined) continue
    const raw = cells[col - 1] ?? null
    const v = f === 'employeeNo' || f === 'cardNo' ? compactText(raw) : toHalfWidthDigits(cellText(raw))
    if (!v) continue
    if (v.length > max) issues.push({ field: f, messageKey: 'tooLong' })
    else { fields[key] = v; filled.push(f) }
  }

  let departmentName: string | null = null
  if (columns.department !== undefined) {
    let dept = cellText(cellAt(cells, columns.department))
    if (dept.includes('  ')) dept = dept.replace(/\s+/g, ' ')
    if (dept.length > DEPARTMENT_MAX) issues.push({ field: 'department', messageKey: 'tooLong' })
    else if (dept) { departmentName = dept; filled.push('department') }
  }

  if (columns.gender !== undefined) {
    const gender = parseGender(cellAt(cells, columns.gender))
    if (gender === undefined) issues.push({ field: 'gender', messageKey: 'invalidOption' })
    else if (gender) { fields.gender = gender; filled.push('gender') }
  }

  if (columns.ethnicity !== undefined) {
    const ethText = cellText(cellAt(cells, columns.ethnicity))
    if (ethText) {
      const eth = parseEthnicity(toHalfWidth(ethText))
      if (eth) { fields.ethnicity = eth; filled.push('ethnicity') } else issues.push({ field: 'ethnicity', messageKey: 'invalidOption' })
    }
  }

  if (columns.education !== undefined) {
    const edu = parseEducation(cellAt(cells, columns.education))
    if (edu === undefined) issues.push({ field: 'education', messageKey: 'invalidOption' })
    else if (edu) { fields.education = edu; filled.push('education') }
  }

  if (columns.politicalStatus !== undefined) {
    const pol = parsePoliticalStatus(cellAt(cells, columns.politicalStatus))
    if (pol === undefined) issues.push({ field: 'politicalStatus', messageKey: 'invalidOption' })
    else if (pol) { fields.politicalStatus = pol; filled.push('politicalStatus') }
  }

  if (columns.migrantWorker !== undefined) {
    const migrant = parseYesNo(cellAt(cells, columns.migrantWorker))
    if (migrant === undefined) issues.push({ field: 'migrantWorker', messageKey: 'invalidOption' })
    else if (migrant !== null) { fields.migrantWorker = migrant; filled.push('migrantWorker') }
  }

  if (columns.wageBase !== undefined) {
    const wage = parseYuanToFen(cellAt(cells, columns.wageBase))
    if (wage === undefined || (wage !== null && (wage < 0 || wage > WAGE_MAX_FEN))) issues.push({ field: 'wageBase', messageKey: 'invalidNumber' })
    else if (wage !== null) { fields.wageBaseFen = wage; filled.push('wageBase') }
  }

  if (columns.mobile !== undefined) {
    let mobile = mobileText(cellAt(cells, columns.mobile))
    if (mobile.includes('-')) mobile = mobile.replace(/-/g, '')
    if (mobile) {
      if (MOBILE.test(mobile) || PHONE.test(mobile)) { fields.mobile = mobile; filled.push('mobile') } else issues.push({ field: 'mobile', messageKey: 'mobile.format' })
    }
  }

  let idBirth: string | null = null
  let idGender: 'M' | 'F' | null = null
  if (columns.idNumber !== undefined) {
    const id = readIdCell(cellAt(cells, columns.idNumber))
    if (id.kind === 'lostPrecision') issues.push({ field: 'idNumber', messageKey: 'import.idNumberAsNumber', params: { shown: id.shown } })
    else if (id.kind === 'text' && id.text) {
      const r = checkIdNumber(id.text, ctx.today)
      if (r.ok) { fields.idNumber = r.value; idBirth = r.birthDate; idGender = r.gender; filled.push('idNumber') } else issues.push({ field: 'idNumber', messageKey: `idNumber.${r.reason}`, params: { expected: r.expected ?? '' } })
    }
  }

  if (columns.birthDate !== undefined) {
    const birth = parseDateCell(cellAt(cells, columns.birthDate), ctx.date1904)
    if (birth && !birth.ok) issues.push({ field: 'birthDate', messageKey: 'invalidDate' })
    else if (birth?.ok) {
      // 出生年月 (year and month) that agrees with the ID number takes the ID's full date.
      fields.birthDate = birth.monthOnly && idBirth && idBirth.slice(0, 7) === birth.value.slice(0, 7) ? idBirth : birth.value
      filled.push('birthDate')
    }
  }

  if (columns.joinDate !== undefined) {
    const join = parseDateCell(cellAt(cells, columns.joinDate), ctx.date1904)
    if (join && !join.ok) issues.push({ field: 'joinDate', messageKey: 'invalidDate' })
    else if (join?.ok) { fields.joinDate = join.value; filled.push('joinDate') }
  }

  if (issues.length) return { member: null, issues }
  // Birth date and gender left blank come from the ID number (as withDerivedFields does; not "filled").
  if (idBirth && !fields.birthDate) fields.birthDate = idBirth
  if (idGender && !fields.gender) fields.gender = idGender
  return { member: { fields, departmentName, filled }, issues }
}

/** The field's value as written in the file, for the error list. */
export function rawCellText(cells: readonly CellValue[], index: number | undefined): string {
  if (index === undefined) return ''
  const v = cells[index - 1] ?? null
  if (typeof v === 'number') {
    const id = readIdCell(v)
    if (id.kind === 'lostPrecision') return id.shown
  }
  return cellText(v)
}
