import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, describe, expect, it } from 'vitest'
import { makeTempDir } from '../../../tests/fixtures/temp-workspace'
import { readRosterSheets } from './read-roster'
import { columnName, writeXlsxSheet, xmlEscape, type XlsxCell } from './xlsx-writer'

const tmp = makeTempDir('roster-xlsx-writer-')
afterAll(() => tmp.cleanup())

describe('the streaming xlsx writer', () => {
  it('escapes markup and drops characters XML cannot carry', () => {
    expect(xmlEscape('A&B <c> "d"')).toBe('A&amp;B &lt;c&gt; &quot;d&quot;')
    expect(xmlEscape('张\u0001三\u000b')).toBe('张三')
    expect([columnName(1), columnName(26), columnName(27), columnName(19)]).toEqual(['A', 'Z', 'AA', 'S'])
  })

  it('writes a workbook that exceljs and our reader both read back', async () => {
    const file = join(tmp.dir, 'w.xlsx')
    async function* rows(): AsyncGenerator<XlsxCell[][]> {
      yield [[{ v: '标题 & <说明>', s: 'title' }], [{ v: '姓名', s: 'header' }, { v: '号码', s: 'header' }, { v: '金额', s: 'header' }]]
      yield Array.from({ length: 3000 }, (_, i) => [`扎西卓玛${i}`, '630102198503011234', i + 0.5])
      yield [['末行', null, 0]]
    }
    const n = await writeXlsxSheet(file, {
      name: '会员花名册', columns: [{ width: 10 }, { width: 21, style: 'text' }, { width: 12, style: 'money' }], frozenRows: 2, merges: ['A1:C1'],
    }, rows())
    expect(n).toBe(3003)

    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(file)
    const s = wb.getWorksheet('会员花名册')!
    expect(s.getCell('A1').value).toBe('标题 & <说明>')
    expect(s.getCell('A1').font?.bold).toBe(true)
    expect(s.getCell('B3').value).toBe('630102198503011234')
    expect(s.getCell('B3').numFmt).toBe('@')
    expect(s.getCell('C3').value).toBe(0.5)
    expect(s.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 })
    expect(s.getColumn(2).width).toBe(21)
    expect(s.rowCount).toBe(3003)

    const read: unknown[][] = []
    for await (const sheet of readRosterSheets(file)) for await (const r of sheet.rows) read.push(r.cells)
    expect(read).toHaveLength(3003)
    expect(read[3002]).toEqual(['末行', null, 0])
    expect(read[1002]).toEqual(['扎西卓玛1000', '630102198503011234', 1000.5])
  })
})
