import { describe, expect, it } from 'vitest'
import { checkIdNumber, idCheckCharacter, isValidCalendarDate, makeIdNumber, normalizeIdNumber } from './id-number'

describe('GB 11643 ID numbers', () => {
  it('accepts a valid number and derives birth date and gender', () => {
    expect(checkIdNumber('11010519491231002X')).toEqual({ ok: true, value: '11010519491231002X', birthDate: '1949-12-31', gender: 'F' })
    const male = makeIdNumber('630102', '19850301', 13)
    expect(checkIdNumber(male)).toMatchObject({ ok: true, gender: 'M', birthDate: '1985-03-01' })
  })

  it('accepts lower-case x, full-width characters and invisible spaces, storing upper-case', () => {
    expect(normalizeIdNumber(' １１０１０５１９４９１２３１００２ｘ\u200b')).toBe('11010519491231002X')
    expect(checkIdNumber('11010519491231002x')).toMatchObject({ ok: true, value: '11010519491231002X' })
  })

  it('names the expected check character when it is wrong', () => {
    expect(checkIdNumber('110105194912310021')).toEqual({ ok: false, reason: 'checksum', expected: 'X' })
  })

  it('rejects wrong length, letters, impossible and future dates', () => {
    expect(checkIdNumber('11010519491231002')).toMatchObject({ ok: false, reason: 'length' })
    expect(checkIdNumber('1101051949123100AX')).toMatchObject({ ok: false, reason: 'format' })
    const feb30 = '63010219900230001'
    expect(checkIdNumber(feb30 + idCheckCharacter(feb30))).toMatchObject({ ok: false, reason: 'birthDate' })
    const future = '63010220300101001'
    expect(checkIdNumber(future + idCheckCharacter(future), new Date('2026-11-27'))).toMatchObject({ ok: false, reason: 'birthDate' })
  })

  it('knows month lengths and leap years (Gregorian rules)', () => {
    expect(isValidCalendarDate(2000, 2, 29)).toBe(true) // divisible by 400
    expect(isValidCalendarDate(1900, 2, 29)).toBe(false) // by 100, not 400
    expect(isValidCalendarDate(1988, 2, 29)).toBe(true)
    expect(isValidCalendarDate(1987, 2, 29)).toBe(false)
    expect(isValidCalendarDate(1985, 4, 31)).toBe(false)
    expect(isValidCalendarDate(1985, 12, 31)).toBe(true)
    expect(isValidCalendarDate(1985, 13, 1)).toBe(false)
    expect(isValidCalendarDate(1985, 1, 0)).toBe(false)
    expect(normalizeIdNumber('63010219850301123x')).toBe('63010219850301123X')
    expect(normalizeIdNumber('６３０１０２１９８５０３０１１２３ｘ')).toBe('63010219850301123X')
  })
})
