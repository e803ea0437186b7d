import { afterEach, describe, expect, it } from 'vitest'
import { setLocale } from '../i18n'
import { formatChanges } from './admin-format'
import { actionWord, auditChangeWords, entityWord } from './audit-words'

afterEach(() => setLocale('zh-CN'))

const ACTIONS = [
  'member.create', 'member.update', 'member.transferOut', 'member.transferIn', 'member.retain', 'member.reinstate', 'member.exit',
  'member.death', 'member.revealIdNumber', 'member.import', 'department.create', 'department.rename', 'profile.save', 'user.create',
  'user.update', 'user.resetPassword', 'user.changePassword', 'auth.login', 'auth.failed', 'auth.lockout', 'roster.import', 'roster.export',
]

describe('audit words', () => {
  it('words every action core records, in Chinese and in English', () => {
    for (const a of ACTIONS) expect(actionWord(a)).toMatch(/[\u4e00-\u9fff]/)
    expect(actionWord('member.transferOut')).toBe('转出')
    expect(actionWord('auth.lockout')).toBe('账号被锁定')
    expect(actionWord('something.new')).toBe('something.new')
    setLocale('en')
    for (const a of ACTIONS) expect(actionWord(a)).not.toMatch(/[\u4e00-\u9fff]/)
    expect(entityWord('member')).toBe('Member')
  })

  it('words codes in changes as the rest of the app does', () => {
    const words = auditChangeWords((id) => (id === 2 ? '生产部' : undefined))
    expect(formatChanges({
      role: [null, 'treasurer'], status: ['active', 'transferredOut'], gender: [null, 'F'], ethnicity: [null, '04'],
      wageBaseFen: [null, 523050], departmentId: [1, 2], disabled: [false, true], migrantWorker: [false, true], attempts: 2,
    }, words)).toEqual([
      '角色：经审（财务）', '状态：在册 → 已转出', '性别：女', '民族：藏族', '缴费工资基数：¥5,230.50', '部门：#1 → 生产部',
      '停用：在用 → 停用', '农民工：否 → 是', '连续错误次数：2',
    ])
    setLocale('en')
    expect(formatChanges({ status: ['active', 'transferredOut'] }, auditChangeWords())).toEqual(['Status: Active → Transferred out'])
  })
})
