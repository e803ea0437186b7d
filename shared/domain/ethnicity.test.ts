import { describe, expect, it } from 'vitest'
import { ETHNICITIES, ethnicityName, parseEthnicity } from './ethnicity'

describe('GB/T 3304 ethnicity list', () => {
  it('has all 56 groups plus the two "other" codes', () => {
    expect(ETHNICITIES).toHaveLength(58)
    expect(new Set(ETHNICITIES.map((e) => e[0])).size).toBe(58)
  })
  it('reads Qinghai groups with and without 族, by code and by English name', () => {
    expect(parseEthnicity('藏族')).toBe('04')
    expect(parseEthnicity('藏')).toBe('04')
    expect(parseEthnicity('回')).toBe('03')
    expect(parseEthnicity('土族')).toBe('30')
    expect(parseEthnicity(' 撒拉 ')).toBe('35')
    expect(parseEthnicity('蒙古')).toBe('02')
    expect(parseEthnicity('4')).toBe('04')
    expect(parseEthnicity('Salar')).toBe('35')
    expect(parseEthnicity('57')).toBe('97')
    expect(parseEthnicity('火星族')).toBeNull()
  })
  it('words a code in either locale', () => {
    expect(ethnicityName('35')).toBe('撒拉族')
    expect(ethnicityName('35', 'en')).toBe('Salar')
  })
})
