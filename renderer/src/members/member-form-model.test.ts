import { describe, expect, it } from 'vitest'
import { makeIdNumber } from '../../../shared/domain/id-number'
import {
  autoFillFromIdNumber, emptyMemberForm, formToFields, validateMemberField, validateMemberForm, yuanTextToFen,
} from './member-form-model'

describe('member form model', () => {
  it('reads yuan as integer fen and refuses what is not an amount', () => {
    expect(yuanTextToFen('5230.5')).toBe(523050)
    expect(yuanTextToFen('¥1,234.56')).toBe(123456)
    expect(yuanTextToFen('0.07')).toBe(7)
    expect(yuanTextToFen('')).toBeNull()
    expect(yuanTextToFen('12.345')).toBe('invalid')
    expect(yuanTextToFen('-5')).toBe('invalid')
    expect(yuanTextToFen('五千')).toBe('invalid')
  })

  it('sends blanks as null and the wage in fen', () => {
    const form = { ...emptyMemberForm(), name: '张三', wageBaseYuan: '4800', departmentId: 3 }
    const fields = formToFields(form)
    expect(fields.wageBaseFen).toBe(480000)
    expect(fields.idNumber).toBeNull()
    expect(fields.gender).toBeNull()
    expect(fields.joinDate).toBeNull()
    expect(fields.departmentId).toBe(3)
  })

  it('words problems with the keys core uses, including the expected check character', () => {
    const id = makeIdNumber('630102', '19900601', 246)
    const form = { ...emptyMemberForm(), idNumber: id.slice(0, 17) + (id[17] === '1' ? '2' : '1'), mobile: '12345' }
    expect(validateMemberField('idNumber', form)).toEqual({ key: 'idNumber.checksum', params: { expected: id[17] } })
    expect(validateMemberField('mobile', form)?.key).toBe('mobile.format')
    expect(validateMemberField('name', form)?.key).toBe('required')
    expect(validateMemberField('ethnicity', form)?.key).toBe('required')
    expect(validateMemberField('post', form)).toBeNull()
    expect(validateMemberField('wageBaseFen', { ...form, wageBaseYuan: 'abc' })?.key).toBe('wage')
  })

  it('finds nothing wrong in a complete record', () => {
    const form = {
      ...emptyMemberForm(), name: '扎西', idNumber: makeIdNumber('632221', '19881120', 111), ethnicity: '04' as const,
      departmentId: 1, joinDate: '2015-07-01', mobile: '138 0000 1234',
    }
    autoFillFromIdNumber(form)
    expect(validateMemberForm(form)).toEqual({})
  })

  it('derives gender and birth date from a valid ID only', () => {
    const form = { ...emptyMemberForm(), idNumber: makeIdNumber('630102', '19900601', 246).toLowerCase() }
    expect(autoFillFromIdNumber(form)).toBe(true)
    expect(form.gender).toBe('F')
    expect(form.birthDate).toBe('1990-06-01')
    const bad = { ...emptyMemberForm(), idNumber: '630102199006012' }
    expect(autoFillFromIdNumber(bad)).toBe(false)
    expect(bad.birthDate).toBe('')
  })
})
