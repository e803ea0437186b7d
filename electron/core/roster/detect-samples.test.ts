import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../../../tests/fixtures/temp-workspace'
import { ValidationError } from '../errors'
import { detectRoster } from './detect'

let tmp: ReturnType<typeof makeTempDir>
beforeEach(() => { tmp = makeTempDir() })
afterEach(() => tmp.cleanup())

describe('detection samples', () => {
  it('shows Excel date serials in date columns as dates', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('花名册')
    ws.addRow(['姓名', '出生日期', '入会时间', '工号'])
    ws.addRow(['卓玛', new Date(Date.UTC(1985, 2, 1)), 40179, 31000])
    const file = join(tmp.dir, 'dates.xlsx')
    await wb.xlsx.writeFile(file)
    const d = await detectRoster(file)
    expect(d.sampleRows[0]!.cells).toEqual(['卓玛', '1985-03-01', '2010-01-01', '31000'])
    expect(d).toMatchObject({ sheet: '花名册', headerChosen: false })
    expect(d.rawRows[0]).toEqual({ rowNumber: 1, cells: ['姓名', '出生日期', '入会时间', '工号'] })
  })
})

/** Headers no secretary's template would use: only 联系手机 and 所在部门 are recognised, and no name. */
async function unusualHeaders(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook()
  wb.addWorksheet('说明').addRow(['本表由工会办公室汇总'])
  const ws = wb.addWorksheet('职工名单')
  ws.addRow(['职工名单（2026年）'])
  ws.addRow([])
  ws.addRow(['人员', '公民证件', '联系手机', '所在部门', null, '其他'])
  for (let i = 0; i < 12; i++) ws.addRow([`职工${i}`, `63010219850301${String(i).padStart(4, '0')}`, `1380000${String(i).padStart(4, '0')}`, '生产部', i === 0 ? '夜班' : null])
  await wb.xlsx.writeFile(file)
}

describe('choosing the header row by hand', () => {
  it('when no header is found, shows the top of the sheet to choose from instead of nothing', async () => {
    const file = join(tmp.dir, 'unusual.xlsx')
    await unusualHeaders(file)
    const d = await detectRoster(file, { sheet: '职工名单' })
    expect(d).toMatchObject({ sheets: ['说明', '职工名单'], sheet: '职工名单', mapping: null, headerRow: null, headerChosen: false })
    expect(d.rawRows).toHaveLength(10)
    expect(d.rawRows.slice(0, 2)).toEqual([
      { rowNumber: 1, cells: ['职工名单（2026年）'] },
      { rowNumber: 3, cells: ['人员', '公民证件', '联系手机', '所在部门', '', '其他'] }, // the blank row 2 is left out
    ])
    // Without a sheet named, the first sheet is the one shown.
    expect((await detectRoster(file)).sheet).toBe('说明')
  })

  it('maps the chosen row: known headers matched, the rest left for the user, blank headers over data listed', async () => {
    const file = join(tmp.dir, 'unusual.xlsx')
    await unusualHeaders(file)
    const d = await detectRoster(file, { sheet: '职工名单', headerRow: 3 })
    expect(d).toMatchObject({ sheet: '职工名单', headerRow: 3, headerChosen: true })
    expect(d.mapping).toEqual({ sheet: '职工名单', sheetIndex: 1, headerRow: 3, columns: { mobile: 3, department: 4 } })
    expect(d.columns).toEqual([
      { index: 1, header: '人员', field: null },
      { index: 2, header: '公民证件', field: null },
      { index: 3, header: '联系手机', field: 'mobile' },
      { index: 4, header: '所在部门', field: 'department' },
      { index: 5, header: '', field: null }, // no header, but 夜班 below it
      { index: 6, header: '其他', field: null },
    ])
    expect(d.sampleRows[0]).toMatchObject({ rowNumber: 4, cells: ['职工0', '630102198503010000', '13800000000', '生产部', '夜班'] })
  })

  it('refuses a blank row or a row past the end as the header', async () => {
    const file = join(tmp.dir, 'unusual.xlsx')
    await unusualHeaders(file)
    for (const headerRow of [2, 900]) {
      const err = await detectRoster(file, { sheet: '职工名单', headerRow }).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(ValidationError)
      expect(err).toMatchObject({ messageKey: 'import.headerRowEmpty', params: { row: headerRow } })
    }
  })

  it('can force a different row even where detection found one', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('花名册')
    ws.addRow(['姓名', '性别', '民族', '部门']) // a legend line above the table that detection takes for the header
    ws.addRow(['姓名', '身份证号码', '民族'])
    ws.addRow(['卓玛', '630102198503011234', '藏族'])
    const file = join(tmp.dir, 'two.xlsx')
    await wb.xlsx.writeFile(file)
    expect((await detectRoster(file)).headerRow).toBe(1)
    const forced = await detectRoster(file, { headerRow: 2 })
    expect(forced.mapping!.columns).toEqual({ name: 1, idNumber: 2, ethnicity: 3 })
    expect(forced.sampleRows).toEqual([{ rowNumber: 3, cells: ['卓玛', '630102198503011234', '藏族'] }])
  })
})
