import { describe, expect, it } from 'vitest'
import { makeIdNumber } from '../../../shared/domain/id-number'
import { memberFieldsSchema } from '../../../shared/domain/member'
import type { CellValue } from './cell-normalize'
import { IMPORT_FIELDS, type ImportField } from './fields'
import { importReasonZh, rowMessageZh } from './import-messages'
import { validateRow, type ColumnMap } from './row-validate'

const columns: ColumnMap = Object.fromEntries(IMPORT_FIELDS.map((f, i) => [f, i + 1]))
const ctx = { date1904: false, today: new Date('2026-11-27T00:00:00Z') }
const ID = makeIdNumber('630102', '19850301', 123)

function row(values: Partial<Record<ImportField, CellValue>>): CellValue[] {
  return IMPORT_FIELDS.map((f) => values[f] ?? null)
}
const good: Partial<Record<ImportField, CellValue>> = {
  name: '扎西卓玛', gender: '女', ethnicity: '藏', idNumber: ID, birthDate: 31107, mobile: '13800138000',
  department: '综合办公室', post: '会计', title: '工程师', employeeNo: 'E0001', education: '本科', politicalStatus: '群众',
  nativePlace: '青海西宁', joinDate: '2010年7月', cardNo: 'QH001', wageBase: 5000.5, migrantWorker: '否',
}

describe('validateRow', () => {
  it('turns a messy but valid row into register fields that the schema accepts as they are', () => {
    const { member, issues } = validateRow(row(good), columns, ctx)
    expect(issues).toEqual([])
    expect(member!.fields).toEqual({
      name: '扎西卓玛', cardNo: 'QH001', gender: 'F', birthDate: '1985-03-01', ethnicity: '04', idNumber: ID,
      mobile: '13800138000', education: 'bachelor', politicalStatus: 'masses', nativePlace: '青海西宁', departmentId: null,
      post: '会计', title: '工程师', employeeNo: 'E0001', joinDate: '2010-07-01', wageBaseFen: 500050, migrantWorker: false,
    })
    expect(memberFieldsSchema.parse(member!.fields)).toEqual(member!.fields)
    expect(member!.departmentName).toBe('综合办公室')
  })

  it('normalises full-width, lower-case x, spaces and invisible characters in ID numbers', () => {
    const full = makeIdNumber('630102', '19900101', 5)
    const typed = ` ${full.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).toLowerCase()}\u200b `
    const { member } = validateRow(row({ ...good, idNumber: typed, birthDate: null, gender: null }), columns, ctx)
    expect(member!.fields.idNumber).toBe(full)
    // Blank birth date and gender come from the ID number.
    expect(member!.fields.birthDate).toBe('1990-01-01')
    expect(member!.fields.gender).toBe('M')
    expect(member!.filled).not.toContain('birthDate')
  })

  it('accepts a lower-case x check character and stores it upper-case', () => {
    let withX = ''
    for (let seq = 1; !withX.endsWith('X'); seq += 2) withX = makeIdNumber('630102', '19880808', seq)
    const { member } = validateRow(row({ ...good, idNumber: withX.toLowerCase(), birthDate: null }), columns, ctx)
    expect(member!.fields.idNumber).toBe(withX)
    expect(memberFieldsSchema.parse(member!.fields).idNumber).toBe(withX)
  })

  it('a year-and-month birth date that agrees with the ID number takes the full date', () => {
    const id = makeIdNumber('630102', '19850317', 124)
    const { member } = validateRow(row({ ...good, idNumber: id, birthDate: '1985.03' }), columns, ctx)
    expect(member!.fields.birthDate).toBe('1985-03-17')
  })

  it('uses the same message keys as memberFieldsSchema for the same mistakes', () => {
    const bad = { ...good, idNumber: `${ID.slice(0, 17)}${ID[17] === '0' ? '1' : '0'}`, mobile: '12345', name: '' }
    const { member, issues } = validateRow(row(bad), columns, ctx)
    expect(member).toBeNull()
    const keys = Object.fromEntries(issues.map((i) => [i.field, i.messageKey]))
    expect(keys).toEqual({ name: 'required', idNumber: 'idNumber.checksum', mobile: 'mobile.format' })
    const zod = memberFieldsSchema.safeParse({ ...validFields(), name: '', idNumber: bad.idNumber, mobile: '12345' })
    expect(zod.success).toBe(false)
    const zodKeys = Object.fromEntries(zod.error!.issues.map((i) => [String(i.path[0]), i.message]))
    expect(zodKeys).toEqual({ name: 'required', idNumber: 'idNumber.checksum', mobile: 'mobile.format' })
  })

  it('words errors as the secretary reads them', () => {
    const bad = `${ID.slice(0, 17)}${ID[17] === '0' ? '1' : '0'}`
    const issue = validateRow(row({ ...good, idNumber: bad }), columns, ctx).issues[0]!
    expect(rowMessageZh(12, '身份证号码', importReasonZh(issue.field, issue.messageKey, issue.params)))
      .toBe(`第 12 行 身份证号码：校验位错误，应为 ${ID[17]}，请核对后重新导入`)
  })

  it('rejects ID numbers stored as numbers with a reason that says how to fix it', () => {
    const { issues } = validateRow(row({ ...good, idNumber: Number(ID) }), columns, ctx)
    expect(issues.map((i) => i.messageKey)).toEqual(['import.idNumberAsNumber'])
    const reason = importReasonZh('idNumber', issues[0]!.messageKey, issues[0]!.params)
    expect(reason).toContain('文本')
    expect(reason).toContain('重新录入')
  })

  it('flags unknown words, bad dates, amounts and long texts', () => {
    const { issues } = validateRow(row({ ...good, gender: '未知', ethnicity: '火星族', birthDate: '1985-02-30', wageBase: '很多', post: '岗'.repeat(31), migrantWorker: '也许' }), columns, ctx)
    expect(issues.map((i) => `${i.field}:${i.messageKey}`).sort()).toEqual([
      'birthDate:invalidDate', 'ethnicity:invalidOption', 'gender:invalidOption', 'migrantWorker:invalidOption', 'post:tooLong', 'wageBase:invalidNumber',
    ])
    expect(importReasonZh('gender', 'invalidOption')).toBe('应填写“男”或“女”')
  })

  it('accepts a row with only a name (kept as unqualified)', () => {
    const { member } = validateRow(row({ name: '李四' }), columns, ctx)
    expect(member!.fields.name).toBe('李四')
    expect(member!.filled).toEqual(['name'])
    expect(memberFieldsSchema.safeParse(member!.fields).success).toBe(true)
  })
})

function validFields() {
  return { name: '张三', cardNo: null, gender: null, birthDate: null, ethnicity: null, idNumber: null, mobile: null,
    education: null, politicalStatus: null, nativePlace: null, departmentId: null, post: null, title: null,
    employeeNo: null, joinDate: null, wageBaseFen: null, migrantWorker: false }
}
