import { expect, test, type Page } from '@playwright/test'
import { makeIdNumber } from '../../shared/domain/id-number'
import { usccCheckCharacter } from '../../shared/domain/uscc'
import { CHAIR, chooseOption, memberRow, registerTotal, shot, signIn, typeDate } from './ui'

/**
 * A new install, step by step, on one fresh data folder (the web server starts once per run):
 * chair account → profile → departments → a rejected member → real members → search → a transfer
 * in the history. Each later test signs in again (a fresh browser has no session).
 */
test.describe.configure({ mode: 'serial' })

const USCC_BODY = '91630100MA0000001'
const USCC = USCC_BODY + usccCheckCharacter(USCC_BODY)
const wrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '1' ? '2' : '1')

const people = {
  zhangSan: { name: '张三', id: makeIdNumber('630102', '19850312', 123), gender: '男', ethnicity: '汉族', dept: '生产部' },
  liSi: { name: '李四', id: makeIdNumber('630102', '19900601', 246), gender: '女', ethnicity: '回族', dept: '办公室' },
  wangXiaoMing: { name: '王小明', id: makeIdNumber('630103', '19950915', 357), gender: '男', ethnicity: '土族', dept: '生产部' },
  tashi: { name: '扎西', id: makeIdNumber('632221', '19881120', 111), gender: '男', ethnicity: '藏族', dept: '生产部' },
}

async function openAddForm(page: Page) {
  const add = page.getByTestId('empty-add').or(page.getByTestId('member-add')).first()
  await add.click()
  await expect(page.getByTestId('member-form-dialog')).toBeVisible()
}

async function fillMember(page: Page, p: (typeof people)[keyof typeof people], ethnicityTyped: string) {
  const dialog = page.getByTestId('member-form-dialog')
  await dialog.getByTestId('member-name').fill(p.name)
  await dialog.getByTestId('member-idNumber').fill(p.id)
  await dialog.getByTestId('member-idNumber').blur()
  await chooseOption(page, dialog.getByTestId('member-ethnicity'), p.ethnicity, ethnicityTyped)
  await chooseOption(page, dialog.getByTestId('member-department'), p.dept)
  await typeDate(page, dialog.getByTestId('member-joinDate'), '2015-07-01')
  await dialog.getByTestId('member-mobile').fill('13800001234')
  await dialog.getByTestId('member-wage').fill('5230.50')
}

test('first run: the wizard creates the chair account, takes the union profile and departments', async ({ page }) => {
  await page.goto('/#/members')
  const wizard = page.getByTestId('welcome-wizard')
  await expect(wizard).toBeVisible()
  await expect(page.getByTestId('try-demo')).toHaveText('先用示例数据体验')
  await shot(page, '01-wizard-account')

  await page.getByTestId('setup-username').fill(CHAIR.username)
  await page.getByTestId('setup-displayName').fill(CHAIR.displayName)
  await page.getByTestId('setup-password').fill('abc')
  await page.getByTestId('setup-password').blur()
  await expect(wizard.getByText('密码至少 8 位')).toBeVisible()
  await page.getByTestId('setup-password').fill(CHAIR.password)
  await page.getByTestId('setup-confirm').fill(CHAIR.password + 'x')
  await page.getByTestId('setup-create').click()
  await expect(wizard.getByText('两次输入的新密码不一致，请重新输入')).toBeVisible()
  await page.getByTestId('setup-confirm').fill(CHAIR.password)
  await page.getByTestId('setup-create').click()
  await expect(page.getByTestId('profile-form')).toBeVisible()
  await expect(page.getByTestId('current-user')).toContainText('王主席（工会主席）')
  await shot(page, '01-wizard')

  // Inline checks, in Chinese, on the right field.
  await page.getByTestId('profile-uscc').fill(USCC_BODY + (USCC.endsWith('X') ? 'Y' : 'X'))
  await page.getByTestId('profile-uscc').blur()
  await expect(wizard.getByText(`统一社会信用代码校验位错误，应为 ${USCC[17]}，请核对`)).toBeVisible()
  await page.getByTestId('profile-divisionCode').fill('63010')
  await page.getByTestId('profile-divisionCode').blur()
  await expect(wizard.getByText('行政区划代码应为 6 位数字，例如 630102')).toBeVisible()
  await page.getByTestId('profile-save').click()
  await expect(wizard.getByText('工会名称不能为空，请填写')).toBeVisible()
  await shot(page, '02-wizard-errors')

  await page.getByTestId('profile-unionName').fill('西宁市示范机械有限公司工会委员会')
  await page.getByTestId('profile-unitName').fill('西宁市示范机械有限公司')
  await page.getByTestId('profile-uscc').fill(USCC)
  await page.getByTestId('profile-divisionCode').fill('630102')
  await chooseOption(page, page.getByTestId('profile-unitCategory'), '150 有限责任公司')
  await page.getByTestId('profile-staffCount').locator('input').fill('120')
  await page.getByTestId('profile-womenStaffCount').locator('input').fill('130')
  await page.getByTestId('profile-womenStaffCount').locator('input').blur()
  await expect(wizard.getByText('女职工人数不能多于职工人数')).toBeVisible()
  await page.getByTestId('profile-womenStaffCount').locator('input').fill('45')
  await page.getByTestId('profile-save').click()

  // Step 2: departments.
  await expect(page.getByTestId('department-editor')).toBeVisible()
  for (const name of ['生产部', '办公室']) {
    await page.getByTestId('department-name').fill(name)
    await page.getByTestId('department-add').click()
    await expect(page.getByTestId('department-list').getByText(name, { exact: true })).toBeVisible()
  }
  await expect(page.getByTestId('union-name')).toHaveText('西宁市示范机械有限公司工会委员会')
  await shot(page, '03-wizard-departments')
  await page.getByTestId('wizard-finish').click()
  await expect(page.getByTestId('members-empty')).toBeVisible()
  await expect(page.getByTestId('members-empty')).toContainText('会员名册还是空的')
  await shot(page, '04-members-empty')
})

test('an invalid ID number is explained inline and nothing is stored', async ({ page }) => {
  await signIn(page)
  await openAddForm(page)
  const dialog = page.getByTestId('member-form-dialog')
  const bad = wrongCheck(people.zhangSan.id)
  await dialog.getByTestId('member-name').fill('张三')
  await dialog.getByTestId('member-idNumber').fill(bad)
  await dialog.getByTestId('member-idNumber').blur()
  const message = `身份证号码校验位错误，应为 ${people.zhangSan.id[17]}，请核对后重新输入`
  await expect(dialog.getByText(message)).toBeVisible()
  await dialog.getByTestId('member-save').click()
  await expect(dialog.getByText(message)).toBeVisible()
  await expect(dialog.getByText('民族不能为空，请填写')).toBeVisible()
  await shot(page, '05-member-form-invalid-id')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  expect(await registerTotal(page)).toBe(0)
  await expect(page.getByTestId('members-empty')).toBeVisible()
})

test('valid members are added; the ID fills gender and birth date; a duplicate is refused', async ({ page }) => {
  await signIn(page)
  await openAddForm(page)
  const dialog = page.getByTestId('member-form-dialog')
  await fillMember(page, people.zhangSan, '汉')
  await expect(dialog.getByTestId('id-autofill-hint')).toBeVisible()
  await expect(dialog.getByTestId('member-gender')).toContainText('男')
  await expect(dialog.getByTestId('member-birthDate').locator('input')).toHaveValue('1985-03-12')
  await shot(page, '06-member-form-valid')
  await dialog.getByTestId('member-name').press('Enter') // Enter submits
  await expect(page.getByText('已添加会员“张三”')).toBeVisible()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('member-total')).toHaveText('共 1 人')

  // 藏 alone finds 藏族; 土 finds 土族 (Qinghai's common groups must be findable).
  for (const [p, typed] of [[people.liSi, '回族'], [people.wangXiaoMing, '土'], [people.tashi, '藏']] as const) {
    await openAddForm(page)
    await fillMember(page, p, typed)
    await expect(dialog.getByTestId('member-gender')).toContainText(p.gender)
    await dialog.getByTestId('member-save').click()
    await expect(page.getByText(`已添加会员“${p.name}”`)).toBeVisible()
  }
  await expect(page.getByTestId('member-total')).toHaveText('共 4 人')
  expect(await registerTotal(page)).toBe(4)

  // Same ID again: core refuses, the message sits under the ID field.
  await openAddForm(page)
  await fillMember(page, { ...people.zhangSan, name: '张叁' }, '汉')
  await dialog.getByTestId('member-save').click()
  await expect(dialog.getByText('身份证号码与已登记的会员“张三”重复，同一人只能登记一次')).toBeVisible()
  await shot(page, '07-member-form-duplicate')
  await page.keyboard.press('Escape')
  expect(await registerTotal(page)).toBe(4)
  await expect(memberRow(page, '扎西')).toContainText('藏族')
  await shot(page, '08-members-list')
})

test('search finds members by pinyin initials and by a two-character name', async ({ page }) => {
  await signIn(page)
  await expect(page.getByTestId('member-total')).toHaveText('共 4 人')
  const search = page.getByTestId('member-search')
  await page.keyboard.press('Control+f')
  await expect(search).toBeFocused()
  await page.keyboard.type('zs')
  await expect(page.getByTestId('member-total')).toHaveText('共 1 人')
  await expect(memberRow(page, '张三')).toBeVisible()
  await expect(page.getByTestId('cell-name')).toHaveCount(1)
  await shot(page, '09-search-pinyin')
  await search.fill('小明')
  await expect(page.getByTestId('member-total')).toHaveText('共 1 人')
  await expect(memberRow(page, '王小明')).toBeVisible()
  await search.fill('')
  await expect(page.getByTestId('member-total')).toHaveText('共 4 人')
})

test('a transfer out names the destination and shows in the history', async ({ page }) => {
  await signIn(page)
  await memberRow(page, '张三').getByTestId('row-change').click()
  const dialog = page.getByTestId('status-dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByTestId('status-kind-transferIn')).toHaveCount(0) // not allowed for an active member
  await dialog.getByTestId('status-kind-transferOut').click()
  await dialog.getByTestId('status-submit').click()
  await expect(dialog.getByText('转出单位不能为空，请填写')).toBeVisible()
  await dialog.getByTestId('status-counterpart').fill('西宁市城东区总工会')
  await shot(page, '10-status-change')
  await dialog.getByTestId('status-submit').click()
  const confirm = page.locator('.el-message-box')
  await expect(confirm).toContainText('将把“张三”的状态由“在册”改为“已转出”')
  await expect(confirm).toContainText('对方单位：西宁市城东区总工会')
  await confirm.getByRole('button', { name: '确定' }).click()
  await expect(page.getByText('已办理：张三 转出')).toBeVisible()
  await expect(memberRow(page, '张三')).toContainText('已转出')

  await memberRow(page, '张三').getByTestId('row-view').click()
  const drawer = page.getByTestId('member-detail')
  await expect(drawer.getByTestId('detail-status')).toHaveText('已转出')
  const latest = drawer.getByTestId('history-entry').first()
  await expect(latest).toContainText('转出')
  await expect(latest).toContainText('在册 → 已转出')
  await expect(latest).toContainText('转出单位：西宁市城东区总工会')
  await expect(drawer.getByTestId('history-entry').last()).toContainText('入会')
  // ID numbers arrive masked; the full number is shown only on request (core audits the reveal).
  const masked = `${people.zhangSan.id.slice(0, 6)}********${people.zhangSan.id.slice(14)}`
  await expect(drawer.getByTestId('detail-idNumber')).toHaveText(masked)
  await drawer.getByTestId('detail-reveal-id').click()
  await expect(drawer.getByTestId('detail-idNumber')).toHaveText(people.zhangSan.id)
  await shot(page, '11-member-detail-history')
})
