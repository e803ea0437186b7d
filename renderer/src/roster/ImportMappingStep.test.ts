import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { i18n, setLocale } from '../i18n'
import ImportMappingStep from './ImportMappingStep.vue'
import { useRosterImportStore } from './import-store'
import type { RosterDetection } from './roster-mapping'

const TOKEN = 'tok_0123456789abcdef'
const RAW_ROWS = [
  { rowNumber: 1, cells: ['职工名单（2026年）'] },
  { rowNumber: 3, cells: ['人员', '公民证件', '联系手机', '所在部门'] },
  { rowNumber: 4, cells: ['张三', '630102198503011234', '13800000000', '生产部'] },
]

/** roster.detect for a sheet whose headers are not recognised: no mapping, the top rows to choose from. */
const notFound: RosterDetection = {
  fileName: '职工名单.xlsx', kind: 'xlsx', sheets: ['说明', '职工名单'], sheet: '职工名单', mapping: null, headerRow: null,
  headerChosen: false, columns: [], sampleRows: [], rawRows: RAW_ROWS, totalRowsEstimate: null,
}
/** …and once row 3 is chosen: what core recognised, the rest unmapped. */
const chosen: RosterDetection = {
  ...notFound, mapping: { sheet: '职工名单', sheetIndex: 1, headerRow: 3, columns: { mobile: 3, department: 4 } }, headerRow: 3,
  headerChosen: true, totalRowsEstimate: 1,
  columns: [
    { index: 1, header: '人员', field: null }, { index: 2, header: '公民证件', field: null },
    { index: 3, header: '联系手机', field: 'mobile' }, { index: 4, header: '所在部门', field: 'department' },
  ],
  sampleRows: [RAW_ROWS[2]!],
}

afterEach(() => {
  delete window.api
  document.body.innerHTML = ''
  setLocale('zh-CN')
})

function mountStep() {
  const invoke = vi.fn(async (channel: string): Promise<{ ok: true; value: unknown }> => {
    if (channel === 'roster.detect') return { ok: true, value: chosen }
    throw new Error(`unexpected call ${channel}`)
  })
  window.api = { invoke: invoke as NonNullable<Window['api']>['invoke'] }
  const pinia = createPinia()
  setActivePinia(pinia)
  const store = useRosterImportStore()
  store.file = { fileToken: TOKEN, fileName: '职工名单.xlsx' }
  store.detection = notFound
  store.step = 'mapping'
  const wrapper = mount(ImportMappingStep, { global: { plugins: [pinia, i18n] }, attachTo: document.body })
  return { wrapper, invoke, store }
}

const byTestId = (id: string) => document.body.querySelector<HTMLElement>(`[data-testid="${id}"]`)

// Element Plus tables render slowly in happy-dom.
describe('ImportMappingStep: choosing the header row', { timeout: 30_000 }, () => {
  it('explains a missing header in plain Chinese and maps the row the user points at', async () => {
    const { invoke, store } = mountStep()
    await flushPromises()
    const explanation = byTestId('import-header-not-found')!.textContent!
    expect(explanation).toContain('没有自动找到表头行')
    expect(explanation).toContain('表头行就是写着“姓名”“身份证号码”等列名的那一行')
    expect(explanation).toContain('如果花名册在另一个工作表里') // two sheets
    expect(byTestId('import-header-rows')!.textContent).toContain('公民证件')
    expect((byTestId('import-to-preview') as HTMLButtonElement).disabled).toBe(true)

    byTestId('header-row-3')!.click()
    await flushPromises()
    expect(invoke).toHaveBeenCalledWith('roster.detect', { fileToken: TOKEN, sheet: '职工名单', headerRow: 3 })
    expect(store.detection).toEqual(chosen)
    expect(byTestId('import-header-not-found')).toBeNull()
    expect(byTestId('import-header-row')!.textContent).toContain('表头在第 3 行（按您的选择）')
    expect(byTestId('import-columns')!.textContent).toContain('人员')
    // 人员 is not recognised: the name is for the user to map before the preview.
    expect(byTestId('import-mapping-issues')!.textContent).toContain('请为“姓名”选择对应的列')
    store.setField(1, 'name')
    await flushPromises()
    expect(byTestId('import-mapping-issues')).toBeNull()
    expect((byTestId('import-to-preview') as HTMLButtonElement).disabled).toBe(false)
  })

  it('offers the same choice in English, and on request when a header was found', async () => {
    setLocale('en')
    const { store } = mountStep()
    await flushPromises()
    expect(byTestId('import-header-not-found')!.textContent).toContain('The header row was not found automatically')
    store.detection = { ...chosen, headerChosen: false }
    await flushPromises()
    expect(byTestId('import-header-rows')).toBeNull()
    byTestId('import-change-header')!.click()
    await flushPromises()
    expect(byTestId('import-header-rows')!.textContent).toContain('Current header')
    expect(byTestId('header-row-4')!.textContent).toContain('This is the header')
  })
})
