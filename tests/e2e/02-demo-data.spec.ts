import { expect, test, type Page } from '@playwright/test'
import { chooseOption, shot, signIn } from './ui'

/** The demo workspace: 1,200 generated members in a separate database, browsed and left again. */
test.describe.configure({ mode: 'serial' })

async function openDemo(page: Page) {
  if (await signIn(page, '/#/settings') === 'wizard') {
    await page.getByTestId('try-demo').click()
  } else {
    await page.getByTestId('settings-page').getByRole('tab', { name: '关于' }).click()
    await expect(page.getByTestId('settings-about')).toContainText('正式数据')
    await shot(page, '12-settings-about')
    await page.getByTestId('settings-switch-workspace').click()
  }
  await expect(page.getByTestId('demo-badge')).toBeVisible({ timeout: 30_000 })
}

/** The virtual table's scrolling body. */
const tableBody = (page: Page) => page.locator('.el-table-v2__main .el-table-v2__body')

/** Text of the visible cells of one column (1-based), placeholders excluded. */
async function columnTexts(page: Page, n: number): Promise<string[]> {
  const texts = await page.locator(`.el-table-v2__main .el-table-v2__row .el-table-v2__row-cell:nth-child(${n})`).allTextContents()
  return texts.map((s) => s.trim()).filter(Boolean)
}

test('demo data: the big list scrolls and loads its rows page by page', async ({ page }) => {
  await openDemo(page)
  await expect(page.getByTestId('members-page')).toBeVisible()
  await expect(page.getByTestId('demo-banner')).toBeVisible()
  await expect(page.getByTestId('member-total')).toHaveText('共 1,200 人')
  await expect(page.getByTestId('cell-name').first()).toBeVisible()
  await shot(page, '12-members-demo')

  // Scrolling far down asks core for the rows there (offset ≥ 1,100), not for everything before.
  const farPage = page.waitForRequest((r) => r.url().endsWith('/api/members.search')
    && (JSON.parse(r.postData() ?? '{}') as { offset?: number }).offset! >= 1100)
  const body = tableBody(page)
  await body.hover()
  // The table scrolls by wheel (its scrollbar is virtual): a few smooth steps, then big jumps.
  for (let i = 0; i < 5; i++) await page.mouse.wheel(0, 800)
  for (let i = 0; i < 12; i++) await page.mouse.wheel(0, 5000)
  await farPage
  await expect(page.locator('.cell-placeholder', { hasText: '加载中' })).toHaveCount(0)
  await expect(page.getByTestId('cell-name').first()).toBeVisible()
  const lastVisibleName = await page.getByTestId('cell-name').last().textContent()
  expect(lastVisibleName?.trim().length).toBeGreaterThan(1)
  await shot(page, '13-demo-members-scrolled')

  // Filtering by ethnicity (typing 藏 finds 藏族) narrows the list and starts from the top.
  await chooseOption(page, page.getByTestId('filter-ethnicity'), '藏族', '藏')
  await expect(page.getByTestId('member-total')).not.toHaveText('共 1,200 人')
  await expect(page.locator('.cell-placeholder', { hasText: '加载中' })).toHaveCount(0)
  const ethnicities = await columnTexts(page, 3)
  expect(ethnicities.length).toBeGreaterThan(0)
  expect(new Set(ethnicities)).toEqual(new Set(['藏族']))
  await shot(page, '14-demo-filter-tibetan')
  await page.getByTestId('filter-reset').click()
  await expect(page.getByTestId('member-total')).toHaveText('共 1,200 人')
})

test('demo data: records to fix say why; English; leaving the demo', async ({ page }) => {
  await page.goto('/#/unqualified')
  await expect(page.getByTestId('demo-badge')).toBeVisible()
  await expect(page.getByTestId('unqualified-page')).toBeVisible()
  await expect(page.getByTestId('issue-list').first()).toBeVisible()
  await expect(page.getByTestId('issue-list').first()).toContainText(/缺少|不符/)
  await shot(page, '15-unqualified')

  await page.getByTestId('locale-switch').getByText('English').click()
  await expect(page.getByTestId('nav-members')).toContainText('Members')
  await expect(page.getByTestId('unqualified-page')).toContainText('Records to fix')
  await page.getByTestId('nav-members').click()
  await expect(page.getByTestId('member-total')).toHaveText('1,200 members')
  await shot(page, '16-members-english')
  await page.getByTestId('locale-switch').getByText('中文').click()
  await page.getByTestId('font-size-switch').getByText('大').click()
  await expect(page.locator('html')).toHaveCSS('font-size', '16px')
  await shot(page, '17-members-large-font')
  await page.getByTestId('font-size-switch').getByText('中').click()

  // Leaving the demo returns to the real register, which needs signing in (or its wizard) again.
  await page.getByTestId('exit-demo').click()
  await expect(page.getByTestId('demo-badge')).toBeHidden()
  await expect(page.getByTestId('sign-in').or(page.getByTestId('welcome-wizard'))).toBeVisible()
  await shot(page, '18-sign-in')
})
