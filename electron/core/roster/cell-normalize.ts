import type { EducationLevel, Gender, PoliticalStatus } from '../../../shared/domain/codes'
import { isValidCalendarDate } from '../../../shared/domain/id-number'
import { EDUCATION_WORDS, POLITICAL_WORDS } from './fields'

/**
 * Turning what real spreadsheets hold into register values: numbers where text was meant, Excel
 * date serials, full-width characters, invisible characters, words for codes. Pure functions.
 */
export type CellValue = string | number | boolean | Date | null

const INVISIBLE = /[\u200B-\u200F\u2060\uFEFF\u00AD]/g
const ODD_SPACES = /[\u00A0\u3000\u2002-\u200A\t\r\n]/g
/** Most cells need no cleaning: one test instead of several replaces (imports clean ~2M cells). */
const NEEDS_CLEANING = /[\u200B-\u200F\u2060\uFEFF\u00AD\u00A0\u3000\u2002-\u200A\t\r\n]/
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/

/** Full-width ASCII (Ａ１．) to ASCII, leaving Chinese characters alone. */
export function toHalfWidth(s: string): string {
  if (!FULL_WIDTH.test(s)) return s
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ')
}

/** Full-width digits and letters only (Ａ１), keeping full-width punctuation such as （）in free text. */
export function toHalfWidthDigits(s: string): string {
  if (!/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/.test(s)) return s
  return s.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
}

const pad = (n: number) => String(n).padStart(2, '0')

/** ISO date of a Date as exceljs gives it (UTC midnight of the calendar day). */
export function isoOfDate(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** A cell as trimmed text without invisible characters; numbers without exponent where exact. */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'string') {
    const clean = !NEEDS_CLEANING.test(v) && v.charCodeAt(0) !== 32 && v.charCodeAt(v.length - 1) !== 32
    return clean ? v : v.replace(INVISIBLE, '').replace(ODD_SPACES, ' ').trim()
  }
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : ''
  if (typeof v === 'boolean') return v ? '是' : '否'
  return isoOfDate(v)
}

export function isBlank(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === 'string' && cellText(v) === '')
}

/** A name as on the ID card: spaces padding 2-character names (张  三) removed, dots unified. */
export function normalizeName(v: CellValue): string {
  let s = toHalfWidth(cellText(v))
  if (/[•・．∙]/.test(s)) s = s.replace(/[•・．∙]/g, '·')
  if (!s.includes(' ')) return s
  return /^[\p{Script=Han}\s·]+$/u.test(s) ? s.replace(/\s+/g, '') : s.replace(/\s+/g, ' ')
}

/** Codes and numbers typed as text: half-width, no spaces at all. */
export function compactText(v: CellValue): string {
  const s = toHalfWidth(cellText(v))
  return s.includes(' ') ? s.replace(/\s+/g, '') : s
}

// ---- dates -------------------------------------------------------------------------------------

export type DateParse = { ok: true; value: string; monthOnly: boolean } | { ok: false }

/**
 * A YYYY-MM-DD text as the number YYYYMMDD, or -1: most dates in a roster are written so, and
 * reading them without a regular expression spares an import 200k match arrays at 100k rows.
 */
function isoDateNumber(s: string): number {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return -1
  let n = 0
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue
    const digit = s.charCodeAt(i) - 48
    if (digit < 0 || digit > 9) return -1
    n = n * 10 + digit
  }
  return n
}

function ymd(y: number, m: number, d: number, monthOnly = false): DateParse {
  if (y < 1900 || y > 2099 || !isValidCalendarDate(y, m, d)) return { ok: false }
  return { ok: true, value: `${y}-${pad(m)}-${pad(d)}`, monthOnly }
}

/** Excel day serial to ISO date (1900 system: day 1 = 1900-01-01, with Excel's phantom 1900-02-29). */
export function serialToIso(serial: number, date1904 = false): string {
  const days = Math.floor(serial) + (date1904 ? 1462 : 0)
  return isoOfDate(new Date(Date.UTC(1899, 11, 30) + days * 86_400_000))
}

/**
 * Reads a date from a cell: real Date cells, Excel serials (numbers in a date column), 19850301,
 * 198503, 1985.03 (typed into Excel it becomes the number 1985.03; 1985.1 is read as October, as
 * Excel shows 1985.10), and text such as 1985-3-1, 1985/03/01, 1985年3月, 1985年3月1日.
 * Year-and-month values become the 1st of the month (`monthOnly`). Blank gives null.
 */
export function parseDateCell(v: CellValue, date1904 = false): DateParse | null {
  if (v === null || v === undefined) return null
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { ok: false } : ymd(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate())
  if (typeof v === 'boolean') return { ok: false }
  if (typeof v === 'number') return parseDateNumber(v, date1904)
  const iso = isoDateNumber(v)
  if (iso >= 0) {
    // Already in the stored form: kept as it is when it is a real date (what ymd would write).
    const y = Math.floor(iso / 10000)
    const m = Math.floor(iso / 100) % 100
    const d = iso % 100
    return y >= 1900 && y <= 2099 && isValidCalendarDate(y, m, d) ? { ok: true, value: v, monthOnly: false } : { ok: false }
  }
  const raw = toHalfWidth(cellText(v))
  if (!raw) return null
  const s = raw.replace(/[T\s]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?Z?$/, '').replace(/\s+/g, '')
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(s)
  if (m) return ymd(+m[1]!, +m[2]!, +m[3]!)
  m = /^(\d{4})(\d{2})$/.exec(s)
  if (m) return ymd(+m[1]!, +m[2]!, 1, true)
  m = /^(\d{4})[-./年](\d{1,2})(?:[-./月](\d{1,2})日?|月)?$/.exec(s)
  if (m) return m[3] ? ymd(+m[1]!, +m[2]!, +m[3]!) : ymd(+m[1]!, +m[2]!, 1, true)
  return { ok: false }
}

function parseDateNumber(n: number, date1904: boolean): DateParse {
  if (!Number.isFinite(n) || n <= 0) return { ok: false }
  const int = Math.floor(n)
  if (n !== int && int >= 1900 && int <= 2099) {
    return ymd(int, Math.round((n - int) * 100), 1, true)
  }
  if (n === int && n >= 19000101 && n <= 20991231) return ymd(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100)
  if (n === int && n >= 190001 && n <= 209912) return ymd(Math.floor(n / 100), n % 100, 1, true)
  // A bare year (1985) is not a date; anything else in range is a day serial (1910…2099).
  if (int >= 3654 && int <= 73415) {
    const iso = serialToIso(n, date1904)
    return ymd(+iso.slice(0, 4), +iso.slice(5, 7), +iso.slice(8, 10))
  }
  return { ok: false }
}

// ---- ID numbers ----------------------------------------------------------------------------------

export type IdCell = { kind: 'blank' } | { kind: 'text'; text: string } | { kind: 'lostPrecision'; shown: string }

/**
 * An ID number cell. Excel keeps 15 significant digits, so an 18-digit number stored as a number
 * has already lost its last digits (and shows as 6.30102E+17): it cannot be repaired, only re-typed.
 */
export function readIdCell(v: CellValue): IdCell {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { kind: 'text', text: '' }
    if (Math.abs(v) >= 1e15) return { kind: 'lostPrecision', shown: asExcelShows(v) }
    return { kind: 'text', text: String(v) }
  }
  const text = cellText(v)
  if (!text) return { kind: 'blank' }
  const compact = toHalfWidth(text).replace(/\s+/g, '')
  if (/^\d(\.\d+)?E\+?\d+$/i.test(compact)) return { kind: 'lostPrecision', shown: compact }
  return { kind: 'text', text }
}

/** A big number as Excel displays it: 15 significant digits, the rest zeros (630102198503011000). */
function asExcelShows(v: number): string {
  const [mantissa, exp] = Math.abs(v).toPrecision(15).split('e+')
  const digits = mantissa!.replace('.', '').replace(/0+$/, '')
  const length = Number(exp ?? 0) + 1
  return (v < 0 ? '-' : '') + (digits.length >= length ? digits.slice(0, length) : digits.padEnd(length, '0'))
}

// ---- words for codes -----------------------------------------------------------------------------

/** undefined = not recognised; null = blank. */
export function parseGender(v: CellValue): Gender | null | undefined {
  const s = compactText(v).toLowerCase()
  if (!s) return null
  if (['男', '男性', 'm', 'male', '1'].includes(s)) return 'M'
  if (['女', '女性', 'f', 'female', '2'].includes(s)) return 'F'
  return undefined
}

const educationByWord = new Map<string, EducationLevel>(
  Object.entries(EDUCATION_WORDS).flatMap(([code, word]) => [[word, code as EducationLevel], [code.toLowerCase(), code as EducationLevel]]))

export function parseEducation(v: CellValue): EducationLevel | null | undefined {
  const s = compactText(v).toLowerCase()
  if (!s) return null
  const exact = educationByWord.get(s)
  if (exact) return exact
  if (/研究生|硕士|博士/.test(s)) return 'postgraduate'
  if (/中专|高中|中技|技校|职高|中等专业|中职|技工/.test(s)) return 'secondary'
  if (/大专|专科|高职/.test(s)) return 'college'
  if (/本科|大学|学士/.test(s)) return 'bachelor'
  if (/初中|小学|以下|文盲/.test(s)) return 'junior'
  return undefined
}

const politicalByWord = new Map<string, PoliticalStatus>(
  Object.entries(POLITICAL_WORDS).flatMap(([code, word]) => [[word, code as PoliticalStatus], [code.toLowerCase(), code as PoliticalStatus]]))

export function parsePoliticalStatus(v: CellValue): PoliticalStatus | null | undefined {
  const s = compactText(v).toLowerCase()
  if (!s) return null
  const exact = politicalByWord.get(s)
  if (exact) return exact
  if (/预备/.test(s)) return 'cpcProbationary'
  if (/中共|共产党|^党员$/.test(s)) return 'cpc'
  if (/团员|共青团/.test(s)) return 'cyl'
  if (/民革|民盟|民建|民进|农工党|致公|九三|台盟|民主党派/.test(s)) return 'democraticParty'
  if (/群众|无党派|^无$/.test(s)) return 'masses'
  return undefined
}

export function parseYesNo(v: CellValue): boolean | null | undefined {
  if (typeof v === 'boolean') return v
  const s = compactText(v).toLowerCase()
  if (!s) return null
  if (['是', 'y', 'yes', '√', '✓', '✔', '1', 'true', '农民工'].includes(s)) return true
  if (['否', 'n', 'no', '×', '✗', '0', 'false', '非', '不是'].includes(s)) return false
  return undefined
}

/** Yuan (a number, or text such as "¥5,000.50元") to integer fen; undefined = not a valid amount. */
export function parseYuanToFen(v: CellValue): number | null | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? Math.round(v * 100) : undefined
  const s = compactText(v).replace(/[,，¥￥]|元$|人民币/g, '')
  if (!s) return null
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return undefined
  return Math.round(Number(s) * 100)
}

/** Mobile numbers: a number cell, full-width digits, "+86" in front. */
export function mobileText(v: CellValue): string {
  const s = compactText(v)
  return /^(\+?86)1\d{10}$/.test(s.replace(/-/g, '')) ? s.replace(/-/g, '').replace(/^\+?86/, '') : s
}
