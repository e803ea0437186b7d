import { afterEach, describe, expect, it } from 'vitest'
import { ApiError } from '../api/api-error'
import { errorText } from './error-text'
import { i18n, nestDottedKeys, setLocale } from './index'

afterEach(() => setLocale('zh-CN'))

describe('error wording', () => {
  it('nests dotted core keys so vue-i18n can resolve them', () => {
    expect(nestDottedKeys({ 'idNumber.checksum': 'a', 'idNumber.length': 'b', required: 'c' }))
      .toEqual({ idNumber: { checksum: 'a', length: 'b' }, required: 'c' })
    expect(i18n.global.t('errors.idNumber.checksum', { expected: 'X' })).toBe('身份证号码校验位错误，应为 X，请核对后重新输入')
  })

  it('re-words an ApiError in the chosen locale with the field label and params', () => {
    const err = new ApiError({ code: 'validation', messageKey: 'required', field: 'joinDate', message: '入会日期不能为空，请填写' })
    expect(errorText(err)).toBe('入会日期不能为空，请填写')
    setLocale('en')
    expect(errorText(err)).toBe('Joined union is required')
    const dup = new ApiError({ code: 'conflict', messageKey: 'duplicate.idNumber', field: 'idNumber', params: { other: '张三' }, message: '…' })
    expect(errorText(dup)).toContain('张三')
  })

  it('words message references in params with the current locale', () => {
    const err = new ApiError({
      code: 'conflict', messageKey: 'status.notAllowed', field: 'kind',
      params: { from: '@statuses.transferredOut', kind: '@changeKinds.retain' }, message: '…',
    })
    expect(errorText(err)).toBe('当前状态为“已转出”，不能办理“保留会籍”')
    setLocale('en')
    expect(errorText(err)).toContain('Transferred out')
    expect(errorText(err)).toContain('Retain membership')
    expect(errorText(err)).not.toMatch(/[\u4e00-\u9fff@]/)
  })

  it('words unauthenticated and forbidden errors', () => {
    const locked = new ApiError({ code: 'unauthenticated', messageKey: 'auth.lockedOut', params: { minutes: 15 }, message: '…' })
    expect(errorText(locked)).toBe('密码错误次数过多，账号已锁定，请 15 分钟后再试，或请工会主席重置密码')
    const forbidden = new ApiError({ code: 'forbidden', messageKey: 'forbidden.role', message: '…' })
    expect(errorText(forbidden)).toBe('当前账号没有权限进行此操作，请联系工会主席')
  })

  it('never shows a raw exception: unknown failures get the generic sentence', () => {
    expect(errorText(new Error('SQLITE_BUSY: database is locked'))).toBe('操作没有完成，数据未作改动。请重试；如仍失败，请联系技术支持')
  })
})
