import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveInside, sanitizeFileName, withExtension } from './file-names'

describe('file names', () => {
  it('strips path separators, reserved characters and control characters', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('_.._etc_passwd')
    expect(sanitizeFileName('C:\\Windows\\花名册.xlsx')).toBe('C__Windows_花名册.xlsx')
    expect(sanitizeFileName('a<b>c:"d"|e?f*.csv')).toBe('a_b_c__d__e_f_.csv')
    expect(sanitizeFileName('花名\u0000册\u202e.xlsx')).toBe('花名册.xlsx')
    expect(sanitizeFileName('  . 花名册. ')).toBe('花名册')
  })

  it('keeps clear of reserved Windows names and empty names', () => {
    expect(sanitizeFileName('CON')).toBe('_CON')
    expect(sanitizeFileName('nul.xlsx')).toBe('_nul.xlsx')
    expect(sanitizeFileName('com1')).toBe('_com1')
    expect(sanitizeFileName('console')).toBe('console')
    expect(sanitizeFileName('..')).toBe('导出文件')
    expect(sanitizeFileName('', '花名册')).toBe('花名册')
  })

  it('trims long names but keeps the extension', () => {
    const s = sanitizeFileName(`${'会'.repeat(300)}.xlsx`)
    expect(s.length).toBeLessThanOrEqual(120)
    expect(s.endsWith('.xlsx')).toBe(true)
  })

  it('resolves only inside the chosen folder', () => {
    const folder = resolve('/tmp/exports')
    expect(resolveInside(folder, '花名册.xlsx')).toBe(join(folder, '花名册.xlsx'))
    expect(resolveInside(folder, '../../evil.xlsx')).toBe(join(folder, '_.._evil.xlsx'))
    expect(resolveInside(folder, '/etc/passwd')).toBe(join(folder, '_etc_passwd'))
    expect(withExtension('花名册', '.xlsx')).toBe('花名册.xlsx')
    expect(withExtension('花名册.XLSX', '.xlsx')).toBe('花名册.XLSX')
  })
})
