import { expect, type Locator, type Page } from '@playwright/test'

/** Screenshots of the main screens land here (looked at by people, not asserted on). */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true })
}

/** An Element Plus select: open it, then click the option in the popper (the only visible one). */
export async function chooseOption(page: Page, select: Locator, option: string | RegExp, typeToFilter?: string): Promise<void> {
  await select.click()
  if (typeToFilter !== undefined) await page.keyboard.type(typeToFilter)
  const item = page.locator('.el-select-dropdown__item:visible', { hasText: option }).first()
  await item.click()
  await expect(page.locator('.el-select-dropdown__item:visible')).toHaveCount(0)
}

/** A date picker (its wrapper) in YYYY-MM-DD: type into its input and close the panel. */
export async function typeDate(page: Page, picker: Locator, value: string): Promise<void> {
  const input = picker.locator('input')
  await input.click()
  await input.fill(value)
  await input.press('Enter') // takes the typed date and closes the panel (Escape would close the dialog)
  await expect(page.locator('.el-picker-panel:visible')).toHaveCount(0)
}

/** The register's size straight from the API, to prove what was (not) stored. */
export async function registerTotal(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const res = await fetch('/api/members.search', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ limit: 1 }),
    })
    const body = (await res.json()) as { ok: boolean; value: { total: number } }
    return body.value.total
  })
}

/** The table row (virtual table: a div) that shows this name. */
export function memberRow(page: Page, name: string): Locator {
  return page.locator('.el-table-v2__row', { has: page.getByTestId('cell-name').getByText(name, { exact: true }) })
}

/** The chair account the first-run spec creates; later tests sign in with it. */
export const CHAIR = { username: 'chair', displayName: '王主席', password: 'Union2026!' }

/**
 * Opens the app signed in as the chair (each test has a fresh browser, hence no session cookie).
 * Returns 'wizard' when the install has no account yet (a spec run on its own).
 */
export async function signIn(page: Page, path = '/#/members'): Promise<'signedIn' | 'wizard'> {
  await page.goto(path)
  const form = page.getByTestId('sign-in')
  const wizard = page.getByTestId('welcome-wizard')
  const layout = page.getByTestId('nav-members')
  await expect(form.or(wizard).or(layout)).toBeVisible()
  if (await wizard.isVisible()) return 'wizard'
  if (await form.isVisible()) {
    await page.getByTestId('sign-in-username').fill(CHAIR.username)
    await page.getByTestId('sign-in-password').fill(CHAIR.password)
    await page.getByTestId('sign-in-submit').click()
    await expect(layout).toBeVisible()
    if (path !== '/#/members') await page.goto(path)
  }
  return 'signedIn'
}
