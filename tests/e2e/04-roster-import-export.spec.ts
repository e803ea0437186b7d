import { mkdir } from 'node:fs/promises'
import { expect, test, type Download, type Page } from '@playwright/test'
import ExcelJS from 'exceljs'
import { makeIdNumber } from '../../shared/domain/id-number'
import { usccCheckCharacter } from '../../shared/domain/uscc'
import { CHAIR, chooseOption, memberRow, registerTotal, shot, signIn } from './ui'

/**
 * Roster import and export through the UI, on whatever 01–03 left (or a new install when run on
 * its own): a messy workbook built here with exceljs (title banner, unusual headers, lower-case x,
 * full-width digits, 藏 without 族, dates as text and serials, a wrong check digit, an ID stored as a
 * number, a 合计 row) is uploaded, mapped, previewed, its error report downloaded and opened, and
 * imported; the imported members are found by name and pinyin initials; the filtered list is
 * exported to .xlsx and opened; a big import is cancelled and leaves the register as it was. A sheet
 * whose headers are not recognised gets its header row chosen by hand, and its row error reads in English.
 */
test.describe.configure({ mode: 'serial' })

const AREA = '632521'
const NEW_DEPT = '发电运行部'
const NAMES = [
  '拉毛', '祁连山', '才让', '卓玛吉', '马晓燕', '韩永福', '李建国', '赵丽华', '星玉兰', '冶成林',
  '鲍海军', '祁秀英', '蔡文博', '严德明', '胡春梅', '朱永红', '孔令辉', '何树青', '童晓东', '吴桂芝',
  '曹世杰', '乔红霞', '雷振邦', '苏小平', '段海涛', '范玉珍', '贾志强', '柴永胜', '郭晓玲', '石玉梅',
]
const ETHNICITIES = ['藏', '汉族', '回族', '土族', '藏族', '蒙古族', '撒拉族']
const IN_NEW_DEPT = 20

const pad = (n: number, w = 2) => String(n).padStart(w, '0')
const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
const wrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '1' ? '2' : '1')
const birth = (i: number) => `${1970 + i}${pad((i % 12) + 1)}${pad((i % 28) + 1)}`

/** The first sequence number from `from` whose check character is X (to write it as lower-case x). */
function idEndingInX(date: string, from: number): string {
  for (let seq = from; seq < 1000; seq++) {
    const id = makeIdNumber(AREA, date, seq)
    if (id.endsWith('X')) return id
  }
  throw new Error('no X check character found')
}

/** 30 members as a secretary's sheet would have them, plus two bad rows and a 合计 line. */
function messyRows() {
  const valid = NAMES.map((name, i) => {
    const id = i === 5 ? idEndingInX(birth(i), 500 + i) : makeIdNumber(AREA, birth(i), 500 + i)
    return { name, id, ethnicity: ETHNICITIES[i % ETHNICITIES.length]!, dept: i < IN_NEW_DEPT ? NEW_DEPT : '办公室', i }
  })
  return { valid, badCheck: wrongCheck(makeIdNumber(AREA, '19880615', 990)), asNumber: 632521198806150000 } // what Excel keeps of an 18-digit number
}
const ROWS = messyRows()
const FIRST_DATA_ROW = 3
const BAD_CHECK_ROW = FIRST_DATA_ROW + ROWS.valid.length // 33
const AS_NUMBER_ROW = BAD_CHECK_ROW + 1 // 34

async function messyWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('花名册')
  ws.addRow(['西宁示范水电工会会员花名册（2026年）'])
  ws.mergeCells('A1:H1')
  ws.addRow(['序号', '名字', '公民身份号码', '民族', '所在部门', '联系电话', '入会时间', '备注'])
  for (const r of ROWS.valid) {
    const i = r.i
    // ID: lower-case x, full-width digits, or as typed.
    const id = r.id.endsWith('X') ? r.id.toLowerCase() : i % 7 === 3 ? fullWidth(r.id) : r.id
    const mobile = i % 3 === 0 ? 13900000000 + i : `1380000${pad(i, 4)}`
    // Join date: text 2010.03, an Excel serial number (40544 = 2011-01-01), or a real date cell.
    const joined = i % 3 === 0 ? `2010.${pad((i % 12) + 1)}` : i % 3 === 1 ? 40544 + i : new Date(Date.UTC(2012, 6, 1))
    ws.addRow([i + 1, r.name, id, r.ethnicity, r.dept, mobile, joined, i === 0 ? '新入会' : ''])
  }
  ws.addRow([31, '错号人', ROWS.badCheck, '汉族', NEW_DEPT, '13800009999', '2015.07', ''])
  ws.addRow([32, '数字号', ROWS.asNumber, '汉族', NEW_DEPT, '13800009998', '2015.07', ''])
  ws.addRow(['合计', '32 人'])
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** A big roster for the cancel check: `n` valid rows with distinct ID numbers. */
async function bigWorkbook(n: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('花名册')
  ws.addRow(['姓名', '身份证号码', '民族', '部门'])
  const surnames = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜'
  const given = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华'
  for (let i = 0; i < n; i++) {
    const date = `19${60 + (i % 40)}${pad((Math.floor(i / 40) % 12) + 1)}${pad((Math.floor(i / 480) % 28) + 1)}`
    const name = surnames[i % surnames.length]! + given[Math.floor(i / surnames.length) % given.length]! + given[(i * 7) % given.length]!
    ws.addRow([name, makeIdNumber('632801', date, (Math.floor(i / 13_440) % 900) + 100), '汉族', '生产部'])
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** A sheet with headers detection does not know (人员, 公民证件) under a title and a blank line; the last row's ID is wrong. */
const PLAIN_AREA = '632522'
const PLAIN_NAMES = ['祁德林', '马秀兰', '韩明远']
const PLAIN_BAD_ROW = 7
async function unrecognisedHeaderWorkbook(): Promise<{ buffer: Buffer; expected: string }> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('职工名单')
  ws.addRow(['2026年职工名单'])
  ws.addRow([])
  ws.addRow(['人员', '公民证件', '联系手机', '所在部门'])
  PLAIN_NAMES.forEach((name, i) => ws.addRow([name, makeIdNumber(PLAIN_AREA, `1986040${i + 1}`, 300 + i), `1370000${pad(i, 4)}`, '生产部']))
  const right = makeIdNumber(PLAIN_AREA, '19860410', 310)
  ws.addRow(['错号者', wrongCheck(right), '13700009999', '生产部']) // row 7
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), expected: right[17]! }
}

/** POST to core as this browser (its session cookie). */
async function call(page: Page, channel: string, body: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }> {
  return page.evaluate(async ([c, b]) => {
    const res = await fetch(`/api/${c as string}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) })
    return res.json() as Promise<{ ok: boolean }>
  }, [channel, body] as const)
}

/** Signs in as 01's chair; on a new install (this spec alone) sets up the chair, profile and departments as 01 would. */
async function chair(page: Page, path = '/#/members'): Promise<void> {
  if (await signIn(page, path) === 'wizard') {
    const body = '91630100MA0000001'
    const steps: [string, unknown][] = [
      ['auth.setupChair', CHAIR],
      ['profile.save', {
        unionName: '西宁市示范机械有限公司工会委员会', unitName: '西宁市示范机械有限公司', uscc: body + usccCheckCharacter(body),
        divisionCode: '630102', unitCategory: '150', staffCount: 120, womenStaffCount: 45, fullTimeUnionStaff: 0, partTimeUnionStaff: 0,
        statCode: null, industry: null, foundedOn: null, committeeTerm: null, legalRepresentative: null, chairName: null,
      }],
      ['departments.create', { name: '生产部' }],
      ['departments.create', { name: '办公室' }],
    ]
    for (const [c, b] of steps) {
      const r = await call(page, c, b)
      expect(r, `${c}: ${JSON.stringify(r.error)}`).toMatchObject({ ok: true })
    }
    await page.reload() // the app read the state before the account existed; the wizard resumes at departments
    await page.getByTestId('wizard-finish').click()
  }
  await expect(page.getByTestId('members-page').or(page.getByTestId('import-page'))).toBeVisible()
}

async function openWorkbook(download: Download): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(await download.path())
  return wb.worksheets[0]!
}

/** Rows of a sheet as arrays of cell values (1-based columns, index 0 unused). */
function sheetRows(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = []
  ws.eachRow((row) => out.push(row.values as unknown[]))
  return out
}

async function startWizard(page: Page): Promise<void> {
  const button = page.getByTestId('member-import').or(page.getByTestId('empty-import')).first()
  await button.click()
  await expect(page.getByTestId('import-choose')).toBeVisible()
}

async function uploadThroughUi(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.getByTestId('import-file-input').setInputFiles({
    name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer,
  })
  await expect(page.getByTestId('import-mapping')).toBeVisible({ timeout: 30_000 })
}

test('a messy roster is uploaded, mapped, previewed with its errors, and imported', async ({ page }) => {
  await mkdir('test-results/screenshots', { recursive: true })
  await chair(page)
  const before = await registerTotal(page)
  await startWizard(page)
  await expect(page.getByTestId('import-pick')).toHaveText('选择文件')
  await expect(page.getByTestId('import-template')).toContainText('下载导入模板')
  await shot(page, '30-import-choose')

  // The blank template downloads and opens with the expected headers.
  const templateDownload = page.waitForEvent('download')
  await page.getByTestId('import-template').click()
  const template = await templateDownload
  expect(template.suggestedFilename()).toBe('会员花名册导入模板.xlsx')
  expect(JSON.stringify(sheetRows(await openWorkbook(template)))).toContain('身份证号码')

  // A file of the wrong kind is refused before uploading.
  await page.getByTestId('import-file-input').setInputFiles({ name: '花名册.xls', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from('x') })
  await expect(page.getByText('只能导入 .xlsx 或 .csv 文件；.xls 文件请先在 Excel 或 WPS 中另存为 .xlsx')).toBeVisible()

  // Step 2: the columns were recognised under the title banner.
  await uploadThroughUi(page, '西宁示范水电花名册.xlsx', await messyWorkbook())
  const mapping = page.getByTestId('import-mapping')
  await expect(page.getByTestId('import-header-row')).toHaveText('表头在第 2 行')
  await expect(mapping.getByTestId('map-col-1')).toContainText('不导入') // 序号
  await expect(mapping.getByTestId('map-col-2')).toContainText('姓名') // 名字
  await expect(mapping.getByTestId('map-col-3')).toContainText('身份证号码') // 公民身份号码
  await expect(mapping.getByTestId('map-col-5')).toContainText('部门') // 所在部门
  await expect(mapping.getByTestId('map-col-6')).toContainText('手机号码') // 联系电话
  await expect(mapping.getByTestId('map-col-7')).toContainText('入会日期') // 入会时间
  await expect(mapping.getByTestId('import-columns')).toContainText('拉毛')

  // The mapping is checked: 姓名 is required, and a field may come from one column only.
  await chooseOption(page, mapping.getByTestId('map-col-2'), '不导入')
  await expect(page.getByTestId('import-mapping-issues')).toContainText('请为“姓名”选择对应的列')
  await expect(page.getByTestId('import-to-preview')).toBeDisabled()
  await chooseOption(page, mapping.getByTestId('map-col-2'), /^姓名$/)
  await chooseOption(page, mapping.getByTestId('map-col-8'), /^部门$/)
  await expect(page.getByTestId('import-mapping-issues')).toContainText('“部门”被同时指定给了第 E、H 列')
  await chooseOption(page, mapping.getByTestId('map-col-8'), '不导入')
  await expect(page.getByTestId('import-mapping-issues')).toBeHidden()
  await shot(page, '31-import-mapping')

  // Step 3: the preview counts, names the bad rows in Chinese, and lists the new department.
  await page.getByTestId('import-to-preview').click()
  const preview = page.getByTestId('import-preview')
  await expect(preview).toBeVisible()
  await expect(preview.getByTestId('preview-count-new').getByTestId('count-number')).toHaveText('30')
  await expect(preview.getByTestId('preview-count-update').getByTestId('count-number')).toHaveText('0')
  await expect(preview.getByTestId('preview-count-error').getByTestId('count-number')).toHaveText('2')
  const expected = makeIdNumber(AREA, '19880615', 990)[17]
  await expect(page.getByTestId('import-first-error'))
    .toContainText(new RegExp(`^第 ${BAD_CHECK_ROW} 行 (身份证号码|公民身份号码)：校验位错误，应为 ${expected}，请核对后重新导入`))
  const errorTable = page.getByTestId('import-error-table')
  await expect(errorTable.locator('.el-table__row').filter({ hasText: String(AS_NUMBER_ROW) })).toContainText('存成了数字')
  await expect(page.getByTestId('import-new-departments')).toContainText(NEW_DEPT)
  await shot(page, '32-import-preview')

  // The error report: an .xlsx with the bad rows as they were and a 错误说明 column.
  const reportDownload = page.waitForEvent('download')
  await page.getByTestId('import-error-report').click()
  const report = await reportDownload
  expect(report.suggestedFilename()).toBe('西宁示范水电花名册-错误报告.xlsx')
  const reportText = JSON.stringify(sheetRows(await openWorkbook(report)))
  expect(reportText).toContain('错误说明')
  expect(reportText).toContain('错号人')
  expect(reportText).toContain('数字号')
  expect(reportText).not.toContain('拉毛')
  expect(await registerTotal(page)).toBe(before) // nothing written yet

  // Step 4–5: import, then the summary.
  await page.getByTestId('import-start').click()
  const result = page.getByTestId('import-result')
  await expect(result).toHaveAttribute('data-state', 'done', { timeout: 30_000 })
  await expect(page.getByTestId('import-summary')).toHaveText('新增 30 人，更新 0 人，跳过 0 行，2 行有错误未导入')
  await expect(page.getByTestId('result-error-report')).toBeVisible()
  await shot(page, '34-import-result')
  expect(await registerTotal(page)).toBe(before + 30)

  // The member list shows them at once: by a two-character name and by pinyin initials.
  await page.getByTestId('import-to-members').click()
  await expect(page.getByTestId('member-total')).toHaveText(`共 ${(before + 30).toLocaleString('en-US')} 人`)
  const search = page.getByTestId('member-search')
  await search.fill('拉毛')
  await expect(memberRow(page, '拉毛')).toBeVisible()
  await expect(memberRow(page, '拉毛')).toContainText('藏族') // 藏 without 族
  await expect(memberRow(page, '拉毛')).toContainText(NEW_DEPT)
  await search.fill('qls')
  await expect(memberRow(page, '祁连山')).toBeVisible()
  await search.fill('韩永福') // the lower-case x ID
  await expect(memberRow(page, '韩永福')).toBeVisible()
  await search.fill('')
})

test('the filtered register exports to .xlsx with a title row, Chinese headers and ID numbers as text', async ({ page }) => {
  await chair(page)
  await chooseOption(page, page.getByTestId('filter-department'), NEW_DEPT)
  await expect(page.getByTestId('member-total')).toHaveText(`共 ${IN_NEW_DEPT} 人`)
  await page.getByTestId('member-export').click()
  const dialog = page.getByTestId('export-dialog')
  await expect(dialog.getByTestId('export-filter')).toHaveText(`当前筛选：部门 ${NEW_DEPT}，共 ${IN_NEW_DEPT} 人`)
  await expect(dialog.getByTestId('export-id-masked')).toContainText('隐去中间 8 位')
  await expect(dialog.getByTestId('export-id-full')).toContainText('完整显示（将记入操作日志）')
  await dialog.getByTestId('export-id-full').click()
  await expect(dialog.getByTestId('export-id-full')).toHaveClass(/is-checked/)
  await page.waitForTimeout(300) // let the radio's transition finish for the screenshot
  await shot(page, '35-export')

  const downloading = page.waitForEvent('download')
  await dialog.getByTestId('export-submit').click()
  const file = await downloading
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/)
  await expect(page.getByText(`已导出 ${IN_NEW_DEPT} 人`)).toBeVisible()
  await expect(dialog).toBeHidden()

  const rows = sheetRows(await openWorkbook(file))
  expect(String(rows[0]!.filter(Boolean).join(''))).toMatch(/工会/) // title row with the union's name
  const headerIndex = rows.findIndex((r) => r.includes('姓名'))
  expect(headerIndex).toBeGreaterThan(0)
  const header = rows[headerIndex]!
  for (const h of ['姓名', '性别', '民族', '身份证号码', '部门', '入会日期']) expect(header).toContain(h)
  const body = rows.slice(headerIndex + 1).filter((r) => NAMES.includes(String(r[header.indexOf('姓名')])))
  expect(body).toHaveLength(IN_NEW_DEPT)
  const lamao = body.find((r) => r[header.indexOf('姓名')] === '拉毛')!
  const idCell = lamao[header.indexOf('身份证号码')]
  expect(typeof idCell).toBe('string') // text, not a number Excel would round
  expect(idCell).toBe(ROWS.valid[0]!.id)
  expect(lamao[header.indexOf('民族')]).toBe('藏族')
  await page.getByTestId('filter-reset').click()
})

test('a big import shows its progress and, cancelled, leaves the register as it was', async ({ page }) => {
  test.setTimeout(240_000)
  const rows = 40_000
  const buffer = await bigWorkbook(rows)
  await chair(page)
  const before = await registerTotal(page)
  await startWizard(page)
  await uploadThroughUi(page, '全厂花名册.xlsx', buffer)
  await page.getByTestId('import-to-preview').click()
  await expect(page.getByTestId('preview-count-new').getByTestId('count-number')).toHaveText(rows.toLocaleString('en-US'), { timeout: 60_000 })

  await page.getByTestId('import-start').click()
  const text = page.getByTestId('import-progress-text')
  await expect(text).toContainText(new RegExp(`已处理 [\\d,]+ / ${rows.toLocaleString('en-US')} 行`))
  await shot(page, '33-import-progress')
  await page.getByTestId('import-cancel').click()
  const confirm = page.locator('.el-message-box')
  await expect(confirm).toContainText('取消后本次导入的数据全部不保存')
  await confirm.getByRole('button', { name: '取消导入' }).click()
  await expect(page.getByTestId('import-result')).toHaveAttribute('data-state', 'cancelled', { timeout: 30_000 })
  await expect(page.getByTestId('import-cancelled')).toContainText('会员名册未作任何改动')
  expect(await registerTotal(page)).toBe(before)
  await page.getByTestId('import-to-members').click()
  await expect(page.getByTestId('member-total')).toHaveText(`共 ${before.toLocaleString('en-US')} 人`)
})

test('a roster whose header is not recognised: the secretary points at the header row, maps the rest, and imports', async ({ page }) => {
  const { buffer, expected } = await unrecognisedHeaderWorkbook()
  await chair(page)
  const before = await registerTotal(page)
  await startWizard(page)
  await uploadThroughUi(page, '职工名单.xlsx', buffer)

  // No dead end: a plain explanation and the top of the sheet to choose the header from.
  const notFound = page.getByTestId('import-header-not-found')
  await expect(notFound).toContainText('没有自动找到表头行')
  await expect(notFound).toContainText('表头行就是写着“姓名”“身份证号码”等列名的那一行')
  const rows = page.getByTestId('import-header-rows')
  await expect(rows).toContainText('2026年职工名单')
  await expect(rows).toContainText('公民证件')
  await expect(page.getByTestId('import-to-preview')).toBeDisabled()
  await shot(page, '36-import-no-header')

  await page.getByTestId('header-row-3').click()
  const mapping = page.getByTestId('import-mapping')
  await expect(page.getByTestId('import-header-row')).toHaveText('表头在第 3 行（按您的选择）')
  await expect(notFound).toBeHidden()
  await expect(mapping.getByTestId('map-col-3')).toContainText('手机号码') // 联系手机, recognised
  await expect(mapping.getByTestId('map-col-4')).toContainText('部门') // 所在部门
  await expect(mapping.getByTestId('map-col-1')).toContainText('不导入') // 人员: for the secretary to map
  await expect(page.getByTestId('import-mapping-issues')).toContainText('请为“姓名”选择对应的列')
  await chooseOption(page, mapping.getByTestId('map-col-1'), /^姓名$/)
  await chooseOption(page, mapping.getByTestId('map-col-2'), /^身份证号码$/)
  await expect(page.getByTestId('import-mapping-issues')).toBeHidden()
  await expect(page.getByTestId('import-columns')).toContainText(PLAIN_NAMES[0]!)
  await shot(page, '37-import-header-chosen')
  // The rows stay at hand in case the chosen (or a detected) header is the wrong one.
  await page.getByTestId('import-change-header').click()
  await expect(rows).toContainText('当前表头')
  await expect(page.getByTestId('header-row-1')).toBeVisible()
  await shot(page, '37b-import-change-header')
  await page.getByTestId('import-change-header').click()
  await expect(rows).toBeHidden()

  await page.getByTestId('import-to-preview').click()
  const preview = page.getByTestId('import-preview')
  await expect(preview.getByTestId('preview-count-new').getByTestId('count-number')).toHaveText(String(PLAIN_NAMES.length))
  await expect(preview.getByTestId('preview-count-error').getByTestId('count-number')).toHaveText('1')
  const firstError = page.getByTestId('import-first-error')
  await expect(firstError).toContainText(`第 ${PLAIN_BAD_ROW} 行 公民证件：校验位错误，应为 ${expected}，请核对后重新导入`)

  await test.step('in English, the same row error is worded in English', async () => {
    await page.getByTestId('locale-switch').getByText('English').click()
    await expect(firstError).toContainText(`Row ${PLAIN_BAD_ROW}, ID number: the check character is wrong; it should be ${expected}. Check it and import again.`)
    await expect(page.getByTestId('import-error-table')).toContainText('The check character is wrong')
    await expect(page.getByTestId('import-error-table')).not.toContainText('校验位')
    await expect(page.getByTestId('import-start')).toHaveText(`Start import (${PLAIN_NAMES.length} rows)`)
    await shot(page, '38-import-preview-en')
    await page.getByTestId('locale-switch').getByText('中文').click()
    await expect(firstError).toContainText('校验位错误')
  })

  await page.getByTestId('import-start').click()
  await expect(page.getByTestId('import-result')).toHaveAttribute('data-state', 'done', { timeout: 30_000 })
  await expect(page.getByTestId('import-summary')).toHaveText(`新增 ${PLAIN_NAMES.length} 人，更新 0 人，跳过 0 行，1 行有错误未导入`)
  expect(await registerTotal(page)).toBe(before + PLAIN_NAMES.length)
  await page.getByTestId('import-to-members').click()
  await page.getByTestId('member-search').fill(PLAIN_NAMES[1]!)
  await expect(memberRow(page, PLAIN_NAMES[1]!)).toBeVisible()
  await page.getByTestId('member-search').fill('')
})
