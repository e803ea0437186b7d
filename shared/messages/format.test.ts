import { describe, expect, it } from 'vitest'
import { en } from './en'
import { formatErrorZh, resolveMessageRef } from './format'

describe('error wording', () => {
  it('fills the field label and parameters', () => {
    expect(formatErrorZh('required', 'joinDate')).toBe('入会日期不能为空，请填写')
    expect(formatErrorZh('idNumber.checksum', 'idNumber', { expected: 'X' })).toBe('身份证号码校验位错误，应为 X，请核对后重新输入')
  })
  it('resolves parameters that name other messages, in either language', () => {
    expect(formatErrorZh('status.notAllowed', 'kind', { from: '@statuses.transferredOut', kind: '@changeKinds.retain' }))
      .toBe('当前状态为“已转出”，不能办理“保留会籍”')
    expect(resolveMessageRef('@statuses.transferredOut', en)).toBe('Transferred out')
    expect(resolveMessageRef('plain')).toBe('plain')
  })
})
