import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { crc32 } from 'node:zlib'
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

/** A zip of stored (uncompressed) entries: for workbooks whose XML a test writes by hand. */
function storedZip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text)
    const nameBytes = Buffer.from(name)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt32LE(crc32(data), 14)
    local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(nameBytes.length, 26)
    const dir = Buffer.alloc(46)
    dir.writeUInt32LE(0x02014b50, 0); dir.writeUInt16LE(20, 4); dir.writeUInt16LE(20, 6); dir.writeUInt32LE(crc32(data), 16)
    dir.writeUInt32LE(data.length, 20); dir.writeUInt32LE(data.length, 24); dir.writeUInt16LE(nameBytes.length, 28)
    dir.writeUInt32LE(offset, 42)
    locals.push(local, nameBytes, data)
    central.push(dir, nameBytes)
    offset += 30 + nameBytes.length + data.length
  }
  const cd = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(Object.keys(entries).length, 8); end.writeUInt16LE(Object.keys(entries).length, 10)
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}

describe('reading .xlsx', () => {
  it('reads hand-written markup alike: namespace prefixes, whitespace between cells, inline and rich text, cells without r, page breaks after the rows', async () => {
    const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
    const plain = `<worksheet ${ns}><sheetData>
      <row r="1">
        <c r="A1" t="s">
          <v>1</v>
        </c>
        <c r="B1"><v>42</v></c> <c r="C1" t="b"><v>1</v></c>
        <c r="D1" t="str"><f>A1&amp;"x"</f><v>a&amp;b</v></c><c r="E1" s="2"/><c t='s'><v>2</v></c>
      </row>
      <row r="3"><c r="B3" t="s"><v>0</v></c><c r="C3" t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r></is></c><c r="D3"><v></v></c><c r="E3" t="s"><v>5</v></c><c r="F3" t="s"><v>3</v></c></row>
      <row r="4"/>
    </sheetData><rowBreaks count="1" manualBreakCount="1"><brk id="3" max="16383" man="1"/></rowBreaks></worksheet>`
    const strings = `<sst ${ns}><si><t>张三</t></si><si><t xml:space="preserve"> 李 四 </t></si><si><r><t>王</t></r><r><t>五</t></r><rPh sb="0" eb="1"><t>オウ</t></rPh></si>`
      + '<si/><si><t/></si><si><t>赵&amp;钱</t></si></sst>'
    const prefix = (xml: string) =>
      xml.replace(/<(\/?)(worksheet|sheetData|rowBreaks|brk|row|c|v|f|is|r|t|sst|si|rPh)\b/g, '<$1x:$2').replace(ns, ns.replace('xmlns', 'xmlns:x'))
    const workbook = (sheet: string, sst: string) => storedZip({
      '_rels/.rels': `<Relationships><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      'xl/workbook.xml': `<workbook ${ns} xmlns:r="${rel}"><sheets><sheet name="花名册" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `<Relationships><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/>`
        + `<Relationship Id="rId3" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      'xl/sharedStrings.xml': sst,
      'xl/worksheets/sheet1.xml': sheet,
    })
    writeFileSync(join(tmp.dir, 'hand.xlsx'), workbook(plain, strings))
    writeFileSync(join(tmp.dir, 'hand-prefixed.xlsx'), workbook(prefix(plain), prefix(strings)))
    for (const file of ['hand.xlsx', 'hand-prefixed.xlsx']) {
      const rows = await rowsOf(join(tmp.dir, file))
      expect(rows.map((r) => [r.rowNumber, r.cells]), file).toEqual([
        [1, [' 李 四 ', 42, true, 'a&b', null, '王五']],
        [3, [null, '张三', '富文本', null, '赵&钱', '']],
      ])
    }
  })

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
