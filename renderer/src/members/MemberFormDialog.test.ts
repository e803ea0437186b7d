import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { makeIdNumber } from '../../../shared/domain/id-number'
import { i18n } from '../i18n'
import MemberFormDialog from './MemberFormDialog.vue'

const VALID_ID = makeIdNumber('630102', '19850312', 123) // sequence 123: odd → male
const WRONG_CHECK = VALID_ID.slice(0, 17) + (VALID_ID[17] === '1' ? '2' : '1')

afterEach(() => {
  delete window.api
  document.body.innerHTML = ''
})

function mountForm() {
  // The preload bridge is the transport edge: record calls, answer like core would.
  const invoke = vi.fn(async (channel: string): Promise<{ ok: true; value: unknown } | { ok: false; error: never }> => {
    if (channel === 'departments.list') return { ok: true, value: [] }
    throw new Error(`unexpected call ${channel}`)
  })
  window.api = { invoke: invoke as NonNullable<Window['api']>['invoke'] }
  const wrapper = mount(MemberFormDialog, {
    props: { modelValue: true, memberId: null },
    global: { plugins: [createPinia(), i18n] },
    attachTo: document.body,
  })
  return { wrapper, invoke }
}

function input(testid: string): HTMLInputElement {
  const el = document.body.querySelector<HTMLElement>(`[data-testid="${testid}"]`)
  if (!el) throw new Error(`no ${testid}`)
  return (el instanceof HTMLInputElement ? el : el.querySelector('input')) as HTMLInputElement
}

/** Element Plus shows a form item's error 100 ms after it is set (debounced): wait past that. */
async function settle() {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 150))
  await flushPromises()
}

async function type(testid: string, value: string) {
  const el = input(testid)
  el.focus()
  el.value = value
  el.dispatchEvent(new Event('input', { bubbles: true }))
  await flushPromises()
  el.blur() // happy-dom sends blur and focusout, as a browser does when the user moves on
  await settle()
}

// Element Plus selects and pickers are slow to render in happy-dom (~0.3 s each; the form has eight).
describe('MemberFormDialog', { timeout: 30_000 }, () => {
  it('explains a wrong ID check character inline; a corrected ID fills birth date and gender', async () => {
    mountForm()
    await flushPromises()
    await type('member-idNumber', WRONG_CHECK)
    expect(document.body.textContent).toContain(`身份证号码校验位错误，应为 ${VALID_ID[17]}，请核对后重新输入`)
    expect(document.body.textContent).not.toContain('已根据身份证号码填写出生日期和性别')
    expect(input('member-birthDate').value).toBe('')

    await type('member-idNumber', VALID_ID.toLowerCase())
    expect(document.body.textContent).not.toContain('校验位错误')
    expect(document.body.textContent).toContain('已根据身份证号码填写出生日期和性别')
    expect(input('member-birthDate').value).toBe('1985-03-12')
    expect(document.body.querySelector('[data-testid="member-gender"]')?.textContent).toContain('男')
    expect(input('member-idNumber').value).toBe(VALID_ID.toUpperCase())
  })

  it('edits without revealing the ID number: the masked value is kept (keepIdNumber), not re-sent', async () => {
    const masked = `${VALID_ID.slice(0, 6)}********${VALID_ID.slice(14)}`
    const member = {
      id: 7, name: '张三', cardNo: null, gender: 'M', birthDate: '1985-03-12', ethnicity: '01', idNumber: masked, mobile: '13800001234',
      education: null, politicalStatus: null, nativePlace: null, departmentId: 1, post: null, title: null, employeeNo: null,
      joinDate: '2015-07-01', wageBaseFen: null, migrantWorker: false, status: 'active', departmentName: '生产部', qualityIssues: [],
    }
    const invoke = vi.fn(async (channel: string, req: unknown): Promise<{ ok: true; value: unknown }> => {
      if (channel === 'departments.list') return { ok: true, value: [{ id: 1, name: '生产部', memberCount: 1 }] }
      if (channel === 'members.get') return { ok: true, value: { member, history: [] } }
      if (channel === 'members.update') return { ok: true, value: { ...member, mobile: (req as { fields: { mobile: string } }).fields.mobile } }
      if (channel === 'members.search') return { ok: true, value: { total: 0, capped: false, rows: [] } }
      if (channel === 'app.info') return { ok: true, value: { version: '0', workspace: 'real', hasProfile: true, memberCount: 1, host: 'web' } }
      throw new Error(`unexpected call ${channel}`)
    })
    window.api = { invoke: invoke as NonNullable<Window['api']>['invoke'] }
    mount(MemberFormDialog, {
      props: { modelValue: true, memberId: 7 },
      global: { plugins: [createPinia(), i18n] },
      attachTo: document.body,
    })
    await settle()
    expect(input('member-idNumber').value).toBe(masked)
    expect(document.body.textContent).toContain('号码已隐藏')
    await type('member-mobile', '13900001111')
    expect(document.body.textContent).not.toContain('身份证号码只能由数字')
    document.body.querySelector<HTMLButtonElement>('[data-testid="member-save"]')!.click()
    await settle()
    const channels = invoke.mock.calls.map((c) => c[0])
    expect(channels).not.toContain('members.revealIdNumber')
    const update = invoke.mock.calls.find((c) => c[0] === 'members.update')![1] as { id: number; keepIdNumber: boolean; fields: { idNumber: unknown; mobile: string } }
    expect(update.keepIdNumber).toBe(true)
    expect(update.fields.idNumber).toBeNull()
    expect(update.fields.mobile).toBe('13900001111')
  })

  it('stores nothing while the form is invalid', async () => {
    const { invoke } = mountForm()
    await flushPromises()
    await type('member-name', '张三')
    await type('member-idNumber', WRONG_CHECK)
    const save = document.body.querySelector<HTMLButtonElement>('[data-testid="member-save"]')!
    save.click()
    await settle()
    expect(invoke.mock.calls.map((c) => c[0])).not.toContain('members.create')
    expect(document.body.textContent).toContain('民族不能为空，请填写')
  })
})
