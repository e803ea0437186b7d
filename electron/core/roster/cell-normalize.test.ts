import { describe, expect, it } from 'vitest'
import {
  cellText, compactText, mobileText, normalizeName, parseDateCell, parseEducation, parseGender, parsePoliticalStatus,
  parseYesNo, parseYuanToFen, readIdCell, serialToIso, toHalfWidth,
} from './cell-normalize'

const date = (v: Parameters<typeof parseDateCell>[0], date1904 = false) => {
  const r = parseDateCell(v, date1904)
  return r === null ? null : r.ok ? r.value : 'invalid'
}

describe('dates as spreadsheets hold them', () => {
  it('reads Excel serials (1900 and 1904 systems) and real Date cells', () => {
    expect(serialToIso(31107)).toBe('1985-03-01')
    expect(date(31107)).toBe('1985-03-01')
    expect(date(31107.75)).toBe('1985-03-01')
    expect(date(31107 - 1462, true)).toBe('1985-03-01')
    expect(date(new Date(Date.UTC(1985, 2, 1)))).toBe('1985-03-01')
  })

  it('reads the usual text forms, full-width digits and invisible characters included', () => {
    for (const text of ['1985-03-01', '1985-3-1', '1985/3/1', '1985.3.1', '1985年3月1日', '19850301', ' 1985-03-01\u200b', '１９８５－０３－０１', '1985-03-01 00:00:00']) {
      expect(date(text), text).toBe('1985-03-01')
    }
    for (const text of ['1985.03', '1985年3月', '1985-3', '198503', '1985.3']) {
      const r = parseDateCell(text)
      expect(r, text).toEqual({ ok: true, value: '1985-03-01', monthOnly: true })
    }
  })

  it('reads numbers typed as 1985.03 (year.month) and 19850301', () => {
    expect(parseDateCell(1985.03)).toEqual({ ok: true, value: '1985-03-01', monthOnly: true })
    expect(parseDateCell(1985.1)).toEqual({ ok: true, value: '1985-10-01', monthOnly: true })
    expect(date(19850301)).toBe('1985-03-01')
  })

  it('rejects impossible dates, bare years and text', () => {
    for (const v of ['1985-02-30', '1985-13-01', '1985-00-10', '1899-12-31', '1900-02-29', '1985', 1985, '三月', '2100-01-01', 1985.13, 0, -5]) {
      expect(date(v), String(v)).toBe('invalid')
    }
    expect(date('2000-02-29')).toBe('2000-02-29')
    expect(date(null)).toBeNull()
    expect(date('  ')).toBeNull()
  })
})

describe('ID number cells', () => {
  it('rejects numbers Excel has already rounded, keeps text as typed', () => {
    expect(readIdCell(Number('630102198503011234'))).toEqual({ kind: 'lostPrecision', shown: '630102198503011000' })
    expect(readIdCell('6.30102E+17')).toEqual({ kind: 'lostPrecision', shown: '6.30102E+17' })
    expect(readIdCell(' 63010219850301123x ')).toEqual({ kind: 'text', text: '63010219850301123x' })
    expect(readIdCell(630102850301123)).toEqual({ kind: 'text', text: '630102850301123' })
    expect(readIdCell(null)).toEqual({ kind: 'blank' })
  })
})

describe('text and words for codes', () => {
  it('cleans text without touching Chinese punctuation', () => {
    expect(cellText('\ufeff 综合办公室（党办）\u00a0')).toBe('综合办公室（党办）')
    expect(cellText(12345678901)).toBe('12345678901')
    expect(cellText(true)).toBe('是')
    expect(toHalfWidth('Ｅ００１２')).toBe('E0012')
    expect(compactText(' E 0012 ')).toBe('E0012')
  })

  it('names: padding spaces in 2-character names go, dots are unified', () => {
    expect(normalizeName('张　三')).toBe('张三')
    expect(normalizeName('张  三')).toBe('张三')
    expect(normalizeName('阿依古丽•买买提')).toBe('阿依古丽·买买提')
    expect(normalizeName('Tom  Lee')).toBe('Tom Lee')
  })

  it('maps the words people type to codes, and says when it cannot', () => {
    expect(parseGender('男')).toBe('M')
    expect(parseGender('女性')).toBe('F')
    expect(parseGender('F')).toBe('F')
    expect(parseGender('未知')).toBeUndefined()
    expect(parseGender('')).toBeNull()
    expect(parseEducation('大学本科')).toBe('bachelor')
    expect(parseEducation('本科')).toBe('bachelor')
    expect(parseEducation('大专')).toBe('college')
    expect(parseEducation('中专')).toBe('secondary')
    expect(parseEducation('硕士研究生')).toBe('postgraduate')
    expect(parseEducation('初中及以下')).toBe('junior')
    expect(parseEducation('幼儿园')).toBeUndefined()
    expect(parsePoliticalStatus('中共党员')).toBe('cpc')
    expect(parsePoliticalStatus('预备党员')).toBe('cpcProbationary')
    expect(parsePoliticalStatus('团员')).toBe('cyl')
    expect(parsePoliticalStatus('九三学社社员')).toBe('democraticParty')
    expect(parsePoliticalStatus('群众')).toBe('masses')
    expect(parsePoliticalStatus('党外')).toBeUndefined()
    expect(parseYesNo('是')).toBe(true)
    expect(parseYesNo('否')).toBe(false)
    expect(parseYesNo('√')).toBe(true)
    expect(parseYesNo('也许')).toBeUndefined()
  })

  it('money in yuan to fen, mobiles with +86', () => {
    expect(parseYuanToFen(5000.5)).toBe(500050)
    expect(parseYuanToFen('¥5,000.50元')).toBe(500050)
    expect(parseYuanToFen('五千')).toBeUndefined()
    expect(parseYuanToFen(-1)).toBeUndefined()
    expect(mobileText('+86 138-0013-8000')).toBe('13800138000')
    expect(mobileText(13800138000)).toBe('13800138000')
  })
})
