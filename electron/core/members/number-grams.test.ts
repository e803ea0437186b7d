import { describe, expect, it } from 'vitest'
import { numberGrams, numberMatch } from './number-grams'

describe('number pieces for fragment search', () => {
  it('cuts a value into its 4-character pieces and its last 3, letters lower-cased, separators dropped', () => {
    expect(numberGrams('13912345')).toBe('1391 3912 9123 1234 2345 345')
    expect(numberGrams('E-1004')).toBe('e100 1004 004')
    expect(numberGrams('E1004')).toBe('e100 1004 004')
    expect(numberGrams('Ｅ１００４')).toBe('e100 1004 004')
    expect(numberGrams('１３９')).toBe('139')
    expect(numberGrams('E1')).toBe('e1')
    expect(numberGrams(null)).toBe('')
  })

  it('asks for pieces starting with up to 3 characters, the phrase of 4-character pieces beyond', () => {
    expect(numberMatch('139')).toBe('"139"*')
    expect(numberMatch('1234')).toBe('"1234"')
    expect(numberMatch('139-1234')).toBe('"1391 3912 9123 1234"')
  })
})
