import { describe, expect, it } from 'vitest'
import { backupTime, formatBytes, formatChanges, formatLocalDateTime, objectName, plainValue, type ChangeWords } from './admin-format'

const words: ChangeWords = {
  blank: '（空）',
  field: (f) => ({ name: '姓名', mobile: '手机号码', role: '角色', attempts: '连续错误次数' } as Record<string, string>)[f] ?? f,
  value: (f, v) => (f === 'role' ? ({ viewer: '只读', chair: '工会主席' } as Record<string, string>)[v as string] ?? String(v) : plainValue(v, '是', '否')),
}

describe('audit change wording', () => {
  it('shows old → new for changed fields, the new value alone for a creation', () => {
    expect(formatChanges({ mobile: ['13800001234', '13900001111'], name: [null, '张三'] }, words))
      .toEqual(['手机号码：13800001234 → 13900001111', '姓名：张三'])
  })

  it('words codes and says when a value was cleared', () => {
    expect(formatChanges({ role: ['chair', 'viewer'] }, words)).toEqual(['角色：工会主席 → 只读'])
    expect(formatChanges({ mobile: ['13800001234', null] }, words)).toEqual(['手机号码：13800001234 → （空）'])
  })

  it('leaves out pairs that did not change and empty values; words plain values', () => {
    expect(formatChanges({ role: ['viewer', 'viewer'], name: [null, null], note: null, mobile: '' }, words)).toEqual([])
    expect(formatChanges({ attempts: 3, file: '名册.xlsx', migrant: true }, words)).toEqual(['连续错误次数：3', 'file：名册.xlsx', 'migrant：是'])
    expect(formatChanges({}, words)).toEqual([])
  })

  it('names the object from the entry where it can', () => {
    const m = { entity: 'member', entityId: '7' }
    expect(objectName({ ...m, changes: { name: [null, '张三'] } })).toBe('张三')
    expect(objectName({ ...m, changes: { username: [null, 'ganshi'], displayName: [null, '李干事'] } })).toBe('李干事')
    expect(objectName({ ...m, changes: { name: ['张三', null] } })).toBe('张三')
    expect(objectName({ ...m, changes: { mobile: ['1', '2'] } })).toBe('#7')
    expect(objectName({ entity: 'member', entityId: null, changes: {} })).toBe('')
    const users = (entity: string, id: string) => (entity === 'user' && id === '3' ? '李干事' : undefined)
    expect(objectName({ entity: 'user', entityId: '3', changes: { attempts: 1 } }, users)).toBe('李干事')
    expect(objectName({ entity: 'user', entityId: '9', changes: {} }, users)).toBe('#9')
  })
})

describe('times and sizes', () => {
  it('shows an audit instant in local time as 2026-11-27 09:00:00', () => {
    const local = new Date(2026, 10, 27, 9, 0, 5)
    expect(formatLocalDateTime(local.toISOString())).toBe('2026-11-27 09:00:05')
    expect(formatLocalDateTime(local.toISOString(), false)).toBe('2026-11-27 09:00')
    expect(formatLocalDateTime('not a date')).toBe('not a date')
  })

  it('drops the seconds of a backup time', () => {
    expect(backupTime({ createdAt: '2026-11-27 09:00:41' })).toBe('2026-11-27 09:00')
  })

  it('words sizes in KB, MB and GB', () => {
    expect(formatBytes(0)).toBe('0 KB')
    expect(formatBytes(100)).toBe('1 KB')
    expect(formatBytes(356 * 1024)).toBe('356 KB')
    expect(formatBytes(1.25 * 1024 * 1024)).toBe('1.3 MB')
    expect(formatBytes(1234 * 1024 * 1024)).toBe('1.21 GB')
    expect(formatBytes(2000 * 1024)).toBe('2 MB')
  })
})
