import { mkdir } from 'node:fs/promises'
import { resolve } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import ExcelJS from 'exceljs'
import { makeIdNumber } from '../../shared/domain/id-number'
import { usccCheckCharacter } from '../../shared/domain/uscc'
import { CHAIR, chooseOption, memberRow, shot, signIn } from './ui'

/**
 * Accounts and the chair's screens, on the data 01 (chair 「chair」, four members) and 02 left:
 * the chair opens accounts; a secretary is locked out after five wrong passwords; a viewer sees
 * masked ID numbers and no write buttons (core refuses a direct call too); editing keeps the
 * sealed ID number without a reveal; the audit log shows all of it and checks out intact; a
 * manual backup is taken, exported and restored; the idle timer locks the screen.
 */
test.describe.configure({ mode: 'serial' })

const VIEWER = { username: 'chakan', displayName: '赵查看', temp: 'Chakan2026', password: 'Viewer-2026' }
const SECRETARY = { username: 'ganshi', displayName: '李干事', temp: 'Ganshi2026', password: 'Secretary-2026' }
const LI_SI = { name: '李四', id: makeIdNumber('630102', '19900601', 246) }
const MASKED = /\d{6}\*{8}[\dX]{4}/

/** A complete members.create body (every field present, as the form sends it). */
function memberBody(name: string, idNumber: string, departmentId: number, mobile: string | null = null) {
  return {
    name, cardNo: null, gender: null, birthDate: null, ethnicity: '03', idNumber, mobile, education: null, politicalStatus: null,
    nativePlace: null, departmentId, post: null, title: null, employeeNo: null, joinDate: '2015-07-01', wageBaseFen: null, migrantWorker: false,
  }
}

/** POST to core as this browser (its session cookie), returning the envelope. */
async function call(page: Page, channel: string, body: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; messageKey: string } }> {
  return page.evaluate(async ([c, b]) => {
    const res = await fetch(`/api/${c as string}`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b),
    })
    return res.json() as Promise<{ ok: boolean }>
  }, [channel, body] as const)
}

/**
 * Signs in as the chair. Run on its own (no 01 before it) the install is new: create the chair,
 * the profile, a department and 李四 through the API, as the wizard and 01 would have.
 */
async function chair(page: Page, path: string): Promise<void> {
  if (await signIn(page, path) === 'wizard') {
    const body = '91630100MA0000001'
    const steps: [string, unknown][] = [
      ['auth.setupChair', CHAIR],
      ['profile.save', {
        unionName: '西宁市示范机械有限公司工会委员会', unitName: '西宁市示范机械有限公司', uscc: body + usccCheckCharacter(body),
        divisionCode: '630102', unitCategory: '150', staffCount: 120, womenStaffCount: 45, fullTimeUnionStaff: 0, partTimeUnionStaff: 0,
      }],
      ['departments.create', { name: '办公室' }],
    ]
    for (const [c, b] of steps) expect((await call(page, c, b)).ok).toBe(true)
    const dept = (await call(page, 'departments.list', {})).value as { id: number }[]
    const created = await call(page, 'members.create', memberBody(LI_SI.name, LI_SI.id, dept[0]!.id, '13800001234'))
    expect(created.ok).toBe(true)
    await page.goto(path)
  }
  await expect(page.getByTestId('current-user')).toContainText(CHAIR.displayName)
}

/** Fills the sign-in form and waits for core's answer (messages repeat, so text alone cannot tell). */
async function signInAs(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('sign-in-username').fill(username)
  await page.getByTestId('sign-in-password').fill(password)
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth.login'))
  await page.getByTestId('sign-in-submit').click()
  await answered
}

async function addUser(page: Page, u: typeof VIEWER, role: string) {
  await page.getByTestId('user-add').click()
  const dialog = page.getByTestId('user-dialog')
  await expect(dialog).toBeVisible()
  await dialog.getByTestId('user-username').fill(u.username)
  await dialog.getByTestId('user-displayName').fill(u.displayName)
  await chooseOption(page, dialog.getByTestId('user-role'), role)
  await dialog.getByTestId('user-password').fill(u.temp)
  await dialog.getByTestId('user-save').click()
  await expect(page.getByText(`已新增用户“${u.displayName}”，请把临时密码告诉本人`)).toBeVisible()
  await expect(dialog).toBeHidden()
}

const userRow = (page: Page, username: string) =>
  page.getByTestId('users-table').locator('.el-table__row', { has: page.getByText(username, { exact: true }) })

test('the chair opens accounts for a viewer and a secretary; the password policy is explained inline', async ({ page }) => {
  await chair(page, '/#/admin/users')
  await expect(page.getByTestId('users-page')).toBeVisible()
  await expect(userRow(page, CHAIR.username)).toContainText('工会主席')

  // The policy, in Chinese, under the field, before anything is sent.
  await page.getByTestId('user-add').click()
  const dialog = page.getByTestId('user-dialog')
  await dialog.getByTestId('user-password').fill('abc')
  await dialog.getByTestId('user-password').blur()
  await expect(dialog.getByText('密码至少 8 位')).toBeVisible()
  await dialog.getByTestId('user-password').fill('abcdefgh')
  await dialog.getByTestId('user-password').blur()
  await expect(dialog.getByText('密码需包含字母、数字、符号中的至少两类')).toBeVisible()
  await dialog.getByTestId('user-role').click()
  await expect(page.locator('.el-select-dropdown__item:visible')).toHaveText(['工会主席', '工会干事', '经审（财务）', '只读'])
  await page.keyboard.press('Escape')
  await dialog.getByTestId('user-cancel').click()
  await expect(dialog).toBeHidden()

  await addUser(page, VIEWER, '只读')
  await addUser(page, SECRETARY, '工会干事')
  await expect(userRow(page, VIEWER.username)).toContainText('只读')
  await expect(userRow(page, VIEWER.username).getByTestId('user-cell-must-change')).toHaveText('是')
  await expect(userRow(page, SECRETARY.username)).toContainText('工会干事')
  await expect(userRow(page, SECRETARY.username).getByTestId('user-cell-state')).toHaveText('在用')

  // Core refuses a second account with the same name; the message sits under the user name.
  await page.getByTestId('user-add').click()
  await dialog.getByTestId('user-username').fill(VIEWER.username)
  await dialog.getByTestId('user-displayName').fill('重名')
  await dialog.getByTestId('user-password').fill('Another2026')
  await dialog.getByTestId('user-save').click()
  await expect(dialog.getByText(`用户名“${VIEWER.username}”已被使用`)).toBeVisible()
  await dialog.getByTestId('user-cancel').click()

  // The chair cannot take away the last chair: core says why.
  await userRow(page, CHAIR.username).getByTestId('user-edit').click()
  await chooseOption(page, dialog.getByTestId('user-role'), '工会干事')
  await dialog.getByTestId('user-save').click()
  await expect(dialog.getByText('至少要保留一名在用的工会主席账号')).toBeVisible()
  await dialog.getByTestId('user-cancel').click()
  await shot(page, '20-users')

  await page.getByTestId('logout').click()
  await expect(page.getByTestId('sign-in')).toBeVisible()
})

test('five wrong passwords lock the secretary out; then even the right one is refused', async ({ page }) => {
  await page.goto('/#/members')
  await expect(page.getByTestId('sign-in')).toHaveAttribute('data-mode', 'login')
  const error = page.getByTestId('sign-in-error')
  for (let i = 1; i <= 4; i++) {
    await signInAs(page, SECRETARY.username, `Wrong-${i}-pass`)
    await expect(error).toHaveText(`用户名或密码不正确，再错 ${5 - i} 次账号将被锁定`)
  }
  await signInAs(page, SECRETARY.username, 'Wrong-5-pass')
  await expect(error).toHaveText('密码错误次数过多，账号已锁定，请 15 分钟后再试，或请工会主席重置密码')
  await signInAs(page, SECRETARY.username, SECRETARY.temp)
  await expect(error).toContainText('密码错误次数过多，账号已锁定')
  await expect(page.getByTestId('nav-members')).toHaveCount(0)
  await shot(page, '21-lockout')
})

test('the viewer changes the temporary password, sees masked ID numbers and no write buttons', async ({ page }) => {
  await page.goto('/#/members')
  await signInAs(page, VIEWER.username, VIEWER.temp)
  const form = page.getByTestId('sign-in')
  await expect(form).toHaveAttribute('data-mode', 'change')
  await page.getByTestId('sign-in-password').fill(VIEWER.temp)
  await page.getByTestId('sign-in-new-password').fill(VIEWER.password)
  await page.getByTestId('sign-in-confirm').fill(VIEWER.password)
  await page.getByTestId('sign-in-submit').click()
  await expect(page.getByTestId('members-page')).toBeVisible()
  await expect(page.getByTestId('current-user')).toContainText(`${VIEWER.displayName}（只读）`)

  const row = memberRow(page, LI_SI.name)
  await expect(row).toContainText(MASKED)
  await expect(row).not.toContainText(LI_SI.id)
  await expect(page.getByTestId('member-add')).toHaveCount(0)
  await expect(page.getByTestId('row-edit')).toHaveCount(0)
  await expect(page.getByTestId('row-change')).toHaveCount(0)
  await expect(page.getByTestId('row-view').first()).toBeVisible()
  // No chair screens in the navigation, and typing their address leads back to the members.
  await expect(page.getByTestId('nav-users')).toHaveCount(0)
  await expect(page.getByTestId('nav-audit')).toHaveCount(0)
  await expect(page.getByTestId('nav-backups')).toHaveCount(0)
  await shot(page, '22-viewer-list')

  await row.getByTestId('row-view').click()
  const drawer = page.getByTestId('member-detail')
  await expect(drawer.getByTestId('detail-idNumber')).toHaveText(MASKED)
  await expect(drawer.getByTestId('detail-reveal-id')).toHaveCount(0)
  await expect(drawer.getByTestId('detail-edit')).toHaveCount(0)
  await page.keyboard.press('Escape')

  await page.goto('/#/admin/users')
  await expect(page.getByTestId('members-page')).toBeVisible()

  // Hiding buttons is not the protection: core refuses the calls themselves.
  const dept = (await call(page, 'departments.list', {})).value as { id: number }[]
  const create = await call(page, 'members.create', memberBody('越权', makeIdNumber('630102', '19920101', 135), dept[0]!.id))
  expect(create.ok).toBe(false)
  expect(create.error?.code).toBe('forbidden')
  const users = await call(page, 'users.list', {})
  expect(users.error?.messageKey).toBe('forbidden.role')
})

test('the chair sees the lock-out and resets the password; the secretary must change it at sign-in', async ({ page }) => {
  await chair(page, '/#/admin/users')
  const row = userRow(page, SECRETARY.username)
  await expect(row.getByTestId('user-cell-state')).toHaveText(/^锁定至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
  await shot(page, '20-users-locked')
  await row.getByTestId('user-reset').click()
  const dialog = page.getByTestId('reset-dialog')
  await expect(dialog).toContainText(`“${SECRETARY.displayName}”下次登录时必须把这个临时密码改成自己的密码`)
  await dialog.getByTestId('reset-password').fill('12345678')
  await dialog.getByTestId('reset-save').click()
  await expect(dialog.getByText('密码需包含字母、数字、符号中的至少两类')).toBeVisible()
  await dialog.getByTestId('reset-password').fill(SECRETARY.temp)
  await dialog.getByTestId('reset-save').click()
  await expect(page.getByText(`已重置“${SECRETARY.displayName}”的密码，对方下次登录时必须修改`)).toBeVisible()
  await expect(row.getByTestId('user-cell-state')).toHaveText('在用')
  await expect(row.getByTestId('user-cell-must-change')).toHaveText('是')

  // Disabling an account asks first, naming whom and what follows.
  const viewerRow = userRow(page, VIEWER.username)
  await viewerRow.getByTestId('user-edit').click()
  await page.getByTestId('user-dialog').getByTestId('user-disabled').click()
  await page.getByTestId('user-dialog').getByTestId('user-save').click()
  const confirm = page.locator('.el-message-box')
  await expect(confirm).toContainText(`停用后“${VIEWER.displayName}”（${VIEWER.username}）将不能登录工会工作台`)
  await confirm.getByRole('button', { name: '停用' }).click()
  await expect(viewerRow.getByTestId('user-cell-state')).toHaveText('停用')
  await page.getByTestId('logout').click()
  await signInAs(page, VIEWER.username, VIEWER.password)
  await expect(page.getByTestId('sign-in-error')).toHaveText('用户名或密码不正确，请重新输入')

  await signInAs(page, SECRETARY.username, SECRETARY.temp)
  await expect(page.getByTestId('sign-in')).toHaveAttribute('data-mode', 'change')
  await page.getByTestId('sign-in-password').fill(SECRETARY.temp)
  await page.getByTestId('sign-in-new-password').fill(SECRETARY.password)
  await page.getByTestId('sign-in-confirm').fill(SECRETARY.password)
  await page.getByTestId('sign-in-submit').click()
  await expect(page.getByTestId('current-user')).toContainText(`${SECRETARY.displayName}（工会干事）`)
  // The secretary keeps records but has no chair screens.
  await expect(page.getByTestId('member-add')).toBeVisible()
  await expect(page.getByTestId('nav-audit')).toHaveCount(0)
})

test('editing a member keeps the sealed ID number without revealing it', async ({ page }) => {
  await chair(page, '/#/members')
  type Log = { rows: { action: string; changes: Record<string, unknown> }[] }
  const memberLog = async () => ((await call(page, 'audit.list', { entity: 'member', limit: 500 })).value as Log).rows
  const reveals = async () => (await memberLog()).filter((r) => r.action === 'member.revealIdNumber').length
  const revealsBefore = await reveals()
  await memberRow(page, LI_SI.name).getByTestId('row-edit').click()
  const dialog = page.getByTestId('member-form-dialog')
  await expect(dialog.getByTestId('member-idNumber')).toHaveValue(MASKED)
  await expect(dialog.getByTestId('id-kept-hint')).toBeVisible()
  await dialog.getByTestId('member-mobile').fill('13900001111')
  await dialog.getByTestId('member-save').click()
  await expect(page.getByText(`已保存“${LI_SI.name}”的修改`)).toBeVisible()
  await expect(memberRow(page, LI_SI.name)).toContainText('13900001111')

  const latest = (await memberLog())[0]!
  expect(latest.action).toBe('member.update')
  expect(Object.keys(latest.changes)).toEqual(['mobile'])
  expect(await reveals()).toBe(revealsBefore)
})

test('the audit log words every action, checks out intact and exports to Excel', async ({ page }) => {
  await chair(page, '/#/admin/audit')
  await expect(page.getByTestId('audit-page')).toBeVisible()
  await chooseOption(page, page.getByTestId('audit-filter-entity'), '账号')
  const actions = page.getByTestId('audit-action')
  await expect(actions.first()).toBeVisible()
  const words = await actions.allTextContents()
  for (const w of ['登录', '新增用户', '密码错误', '账号被锁定', '修改密码']) expect(words).toContain(w)
  const table = page.getByTestId('audit-table')
  await expect(table.locator('.el-table__row', { hasText: '账号被锁定' }).first()).toContainText(SECRETARY.username)
  await expect(table.locator('.el-table__row', { hasText: '新增用户' }).filter({ hasText: VIEWER.displayName }).first())
    .toContainText('角色：只读')
  await expect(page.getByTestId('audit-at').first()).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)

  await page.getByTestId('audit-verify').click()
  await expect(page.getByTestId('audit-verify-result')).toContainText(/日志完整，共 [\d,]+ 条/)
  await shot(page, '23-audit')

  const download = page.waitForEvent('download')
  await page.getByTestId('audit-export').click()
  const file = resolve('test-results/e2e-audit-export.xlsx')
  await (await download).saveAs(file)
  await expect(page.getByText(/已导出 [\d,]+ 条日志/)).toBeVisible()
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  const ws = wb.worksheets[0]!
  expect(String(ws.getCell('A1').value)).toMatch(/工会委员会 操作日志$/)
  expect(String(ws.getCell('A2').value)).toContain('筛选：对象类型 账号')
  expect(ws.getRow(3).values).toEqual([undefined, '时间', '操作人', '操作', '对象类型', '对象', '变化'])
  const body: string[] = []
  ws.eachRow((r, n) => { if (n > 3) body.push(String(r.getCell(3).value)) })
  expect(body).toContain('账号被锁定')
  expect(new Set(ws.getColumn(4).values.slice(4))).toEqual(new Set(['账号']))

  // The same log in English: words, not codes; no Chinese left in the action column.
  await page.getByTestId('locale-switch').getByText('English').click()
  await expect(page.getByTestId('audit-total')).toHaveText(/^[\d,]+ entries$/)
  expect(await actions.allTextContents()).toContain('Account locked')
  for (const a of await actions.allTextContents()) expect(a).not.toMatch(/[\u4e00-\u9fff]/)
  await shot(page, '23-audit-en')
  await page.getByTestId('locale-switch').getByText('中文').click()
})

test('the chair backs up now, to another folder, and restores a backup (then signs in again)', async ({ page }) => {
  await chair(page, '/#/admin/backups')
  await expect(page.getByTestId('backups-page')).toBeVisible()
  await page.getByTestId('backup-now').click()
  await expect(page.getByText(/备份完成：\d{4}-\d{2}-\d{2} \d{2}:\d{2}，大小 [\d.,]+ (KB|MB)/)).toBeVisible()
  const manual = page.getByTestId('backups-table').locator('.el-table__row', { hasText: '手动' }).first()
  await expect(manual).toBeVisible()
  await expect(manual.getByTestId('backup-size')).toHaveText(/^[\d.,]+ (KB|MB)$/)
  await shot(page, '24-backups')

  // Another folder: a wrong path is explained under the field; an existing one works.
  await page.getByTestId('backup-export').click()
  const exportDialog = page.getByTestId('backup-export-dialog')
  await exportDialog.getByTestId('backup-folder').fill(resolve('test-results/no-such-folder/x'))
  await exportDialog.getByTestId('backup-export-confirm').click()
  await expect(exportDialog.getByText('备份文件夹不存在或无法写入，请换一个文件夹')).toBeVisible()
  const folder = resolve('test-results/e2e-backup-copy')
  await mkdir(folder, { recursive: true })
  await exportDialog.getByTestId('backup-folder').fill(folder)
  await exportDialog.getByTestId('backup-export-confirm').click()
  await expect(page.getByText(`已把备份保存到 ${folder}`)).toBeVisible()
  await expect(exportDialog).toBeHidden()

  // Restore names exactly what happens and wants the word 恢复 first.
  const time = (await manual.getByTestId('backup-time').textContent())!.trim().slice(0, 16)
  await manual.getByTestId('backup-restore').click()
  const dialog = page.getByTestId('restore-dialog')
  await expect(dialog.getByTestId('restore-text'))
    .toHaveText(`将用 ${time} 的备份替换当前全部数据；恢复前会先自动备份当前数据；恢复后需要重新登录。`)
  await expect(dialog.getByTestId('restore-submit')).toBeDisabled()
  await dialog.getByTestId('restore-confirm-word').fill('恢复')
  await shot(page, '25-restore-confirm')
  await dialog.getByTestId('restore-submit').click()
  await expect(page.getByTestId('sign-in')).toHaveAttribute('data-mode', 'login')
  await expect(page.getByText(`已恢复 ${time} 的备份，请重新登录`)).toBeVisible()

  await signInAs(page, CHAIR.username, CHAIR.password)
  await expect(page.getByTestId('members-page')).toBeVisible()
  await expect(memberRow(page, LI_SI.name)).toContainText('13900001111')
  await page.getByTestId('nav-backups').click()
  await expect(page.getByTestId('backups-table').locator('.el-table__row', { hasText: '恢复前' })).toHaveCount(1)
})

test('after the idle time without keyboard or mouse the screen locks', async ({ page }) => {
  await page.clock.install()
  await chair(page, '/#/members')
  await expect(page.getByTestId('members-page')).toBeVisible()
  await page.clock.fastForward('10:30')
  const form = page.getByTestId('sign-in')
  await expect(form).toHaveAttribute('data-mode', 'unlock')
  await expect(page.getByText('长时间没有操作，已自动锁定')).toBeVisible()
  await page.getByTestId('sign-in-password').fill(CHAIR.password)
  await page.getByTestId('sign-in-submit').click()
  await expect(page.getByTestId('members-page')).toBeVisible()
})
