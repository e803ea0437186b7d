import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, describe, expect, it } from 'vitest'
import { makeTempDir } from '../../../tests/fixtures/temp-workspace'
import { detectRoster } from './detect'
import { CsvParser, readRosterSheets, type RosterRow } from './read-roster'
import { countSheetRows } from './row-count'

const tmp = makeTempDir('roster-read-')
afterAll(() => tmp.cleanup())

async function rowsOf(file: string, sheet = 0): Promise<RosterRow[]> {
  const out: RosterRow[] = []
  for await (const s of readRosterSheets(file)) {
    if (s.index !== sheet) continue
    for await (const r of s.rows) out.push(r)
  }
  return out
}

const gbk: Record<string, number[]> = {
  姓: [0xd0, 0xd5], 名: [0xc3, 0xfb], 性: [0xd0, 0xd4], 别: [0xb1, 0xf0], 民: [0xc3, 0xf1], 族: [0xd7, 0xe5],
  身: [0xc9, 0xed], 份: [0xb7, 0xdd], 证: [0xd6, 0xa4], 号: [0xba, 0xc5], 码: [0xc2, 0xeb], 张: [0xd5, 0xc5],
  三: [0xc8, 0xfd], 男: [0xc4, 0xd0], 汉: [0xba, 0xba], 李: [0xc0, 0xee], 四: [0xcb, 0xc4], 女: [0xc5, 0xae], 藏: [0xb2, 0xd8],
}
/** GBK bytes for the few characters above (Node can decode GBK but not encode it). */
function encodeGbk(text: string): Buffer {
  return Buffer.from([...text].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : gbk[c]!)))
}

describe('reading .xlsx', () => {
  it('reads a workbook as Excel saves it: merged title, shared strings, numbers, dates, rich text, formulas', async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('说明').addRow(['本表为示例'])
    const ws = wb.addWorksheet('花名册')
    ws.mergeCells('A1:F1')
    ws.getCell('A1').value = '青海示例公司工会会员花名册'
    ws.addRow([])
    ws.getRow(3).values = ['姓名', '身份证号码', '出生日期', '工资', '备注', '计算']
    ws.getRow(4).values = ['张三', Number('630102198503011234'), new Date(Date.UTC(1985, 2, 1)), 5000.5,
      { richText: [{ text: '富' }, { text: '文本 & <x>' }] }, { formula: 'D4*2', result: 10001 }]
    ws.getCell('B5').value = '63010219850301123x'
    ws.getCell('A5').value = '李四'
    await wb.xlsx.writeFile(join(tmp.dir, 'excel.xlsx'))

    const sheets: string[] = []
    for await (const s of readRosterSheets(join(tmp.dir, 'excel.xlsx'))) sheets.push(s.name)
    expect(sheets).toEqual(['说明', '花名册'])
    const rows = await rowsOf(join(tmp.dir, 'excel.xlsx'), 1)
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 3, 4, 5])
    expect(rows[0]!.cells[0]).toBe('青海示例公司工会会员花名册')
    expect(rows[2]!.cells).toEqual(['张三', 630102198503011200, 31107, 5000.5, '富文本 & <x>', 10001])
    expect(rows[3]!.cells).toEqual(['李四', '63010219850301123x'])
  })

  it('never garbles Chinese text split across read chunks (exceljs streaming reader does)', async () => {
    const file = join(tmp.dir, 'big.xlsx')
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false })
    const ws = wb.addWorksheet('花名册')
    ws.addRow(['姓名', '部门', '籍贯']).commit()
    for (let i = 0; i < 6000; i++) ws.addRow([`扎西卓玛${i}`, '发电运行部检修维护班组', '青海省海南藏族自治州共和县']).commit()
    ws.commit()
    await wb.commit()
    const rows = await rowsOf(file)
    expect(rows).toHaveLength(6001)
    const bad = rows.filter((r) => r.cells.some((c) => typeof c === 'string' && c.includes('\ufffd')))
    expect(bad).toEqual([])
    expect(rows[6000]!.cells).toEqual(['扎西卓玛5999', '发电运行部检修维护班组', '青海省海南藏族自治州共和县'])
    expect(await countSheetRows(file, 0)).toBe(6001)
  })

  it('stops early without reading the rest (detection reads only the top)', async () => {
    const detection = await detectRoster(join(tmp.dir, 'big.xlsx'), { fileName: 'big.xlsx' })
    expect(detection.mapping).toMatchObject({ sheet: '花名册', headerRow: 1, columns: { name: 1, department: 2, nativePlace: 3 } })
    expect(detection.sampleRows).toHaveLength(5)
    expect(detection.totalRowsEstimate).toBe(6000)
  })

  it('reports a file that is not a workbook in words', async () => {
    const file = join(tmp.dir, 'fake.xlsx')
    writeFileSync(file, 'this is not a zip')
    await expect(detectRoster(file)).rejects.toMatchObject({ messageKey: 'import.unreadable' })
    await expect(detectRoster(join(tmp.dir, 'old.xls'))).rejects.toMatchObject({ messageKey: 'import.unsupportedType' })
  })
})

describe('reading .csv', () => {
  it('reads GBK (Excel on Chinese Windows) and UTF-8 with BOM alike', async () => {
    const text = '姓名,性别,民族,身份证号码\r\n张三,男,汉,630102198503011234\r\n李四,女,藏,\r\n'
    writeFileSync(join(tmp.dir, 'gbk.csv'), encodeGbk(text))
    writeFileSync(join(tmp.dir, 'utf8.csv'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))
    for (const f of ['gbk.csv', 'utf8.csv']) {
      const rows = await rowsOf(join(tmp.dir, f))
      expect(rows.map((r) => r.cells), f).toEqual([
        ['姓名', '性别', '民族', '身份证号码'], ['张三', '男', '汉', '630102198503011234'], ['李四', '女', '藏', null],
      ])
    }
  })

  it('parses quotes, doubled quotes and line breaks inside quotes across chunks', () => {
    const p = new CsvParser()
    const rows = [...p.push('a,"b ""x"", c",'), ...p.push('"line\r'), ...p.push('\nbreak"\r'), ...p.push('\n1,2,3'), ...p.push('', true)]
    expect(rows.map((r) => r.cells)).toEqual([['a', 'b "x", c', 'line\r\nbreak'], ['1', '2', '3']])
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 2])
  })

  it('guesses tab and semicolon delimiters', () => {
    expect(new CsvParser().push('姓名\t性别\n张三\t男\n', true).map((r) => r.cells)).toEqual([['姓名', '性别'], ['张三', '男']])
    expect(new CsvParser().push('姓名;性别\n', true)[0]!.cells).toEqual(['姓名', '性别'])
  })
})
