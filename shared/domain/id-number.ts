/**
 * Resident identity card numbers, GB 11643-1999: 6-digit area, 8-digit birth date, 3-digit sequence
 * (odd = male), and a check character over the first 17 digits.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'

export type IdNumberFailure = 'length' | 'format' | 'birthDate' | 'checksum'
export type IdNumberResult =
  | { ok: true; value: string; birthDate: string; gender: 'M' | 'F' }
  | { ok: false; reason: IdNumberFailure; expected?: string }

/** Full-width digits/letters to ASCII, drop spaces and invisible characters, upper-case x. */
const ALREADY_CLEAN = /^\d{17}[\dXx]$/

export function normalizeIdNumber(raw: string): string {
  // Most cells are already clean: skip the two replaces (an import checks 100k of them).
  if (ALREADY_CLEAN.test(raw)) return raw.toUpperCase()
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u00A0\u3000\u200B-\u200F\u2060\uFEFF]/g, '')
    .toUpperCase()
}

export function idCheckCharacter(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!
  return CHECK_CHARS[sum % 11]!
}

export function isValidCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  const days = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31
  return d <= days
}

/** The number written by the digits from `start` to `end` (checked as digits by the caller). */
function digitsAt(s: string, start: number, end: number): number {
  let n = 0
  for (let i = start; i < end; i++) n = n * 10 + s.charCodeAt(i) - 48
  return n
}

export function checkIdNumber(raw: string, today: Date = new Date()): IdNumberResult {
  const value = normalizeIdNumber(raw)
  if (value.length !== 18) return { ok: false, reason: 'length' }
  if (!/^[1-9]\d{16}[\dX]$/.test(value)) return { ok: false, reason: 'format' }
  const y = digitsAt(value, 6, 10)
  const m = digitsAt(value, 10, 12)
  const d = digitsAt(value, 12, 14)
  const birth = Date.UTC(y, m - 1, d)
  if (y < 1900 || !isValidCalendarDate(y, m, d) || birth > today.getTime()) {
    return { ok: false, reason: 'birthDate' }
  }
  const expected = idCheckCharacter(value)
  if (value[17] !== expected) return { ok: false, reason: 'checksum', expected }
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`
  const gender = Number(value[16]) % 2 === 1 ? 'M' : 'F'
  return { ok: true, value, birthDate, gender }
}

/** Builds a valid number from area, birth date (YYYYMMDD) and a 3-digit sequence; for demo data. */
export function makeIdNumber(area: string, yyyymmdd: string, seq: number): string {
  const first17 = `${area}${yyyymmdd}${String(seq).padStart(3, '0')}`
  return first17 + idCheckCharacter(first17)
}

/** How an ID number is shown to roles that may not see it: area code and last four (632123********1234). */
export function maskIdNumber(value: string): string {
  return value.length === 18 ? `${value.slice(0, 6)}********${value.slice(14)}` : '*'.repeat(value.length)
}
