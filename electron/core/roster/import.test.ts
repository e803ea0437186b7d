import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeIdNumber } from '../../../shared/domain/id-number'
import { memberSearchSchema } from '../../../shared/domain/member'
import { fixedClock, makeTempDir } from '../../../tests/fixtures/temp-workspace'
import { devKeyFileProtector } from '../crypto/key-vault'
import { openWorkspace, type Workspace } from '../workspace'
import { detectRoster } from './detect'
import { writeErrorReport } from './error-report'
import { commitImport } from './import-commit'
import { ImportCancelledError, type ImportOptions } from './import-plan'
import { previewImport } from './import-preview'

const NOW = new Date('2026-11-27T09:00:00+08:00')
const id = (birth: string, seq: number) => makeIdNumber('630102', birth, seq)
const wrongCheck = (v: string) => `${v.slice(0, 17)}${v[17] === '1' ? '2' : '1'}`
const fullWidth = (s: string) => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))

let tmp: ReturnType<typeof makeTempDir>
let ws: Workspace
beforeEach(async () => {
  tmp = makeTempDir('roster-import-')
  ws = await openWorkspace('real', { dataDir: join(tmp.dir, 'data'), clock: fixedClock(), keyProtector: devKeyFileProtector })
})
afterEach(async () => {
  await ws.db.close()
  tmp.cleanup()
})

const HEADER = ['序号', '姓名', '性别', '民族', '身份证号', '出生年月', '所在部门', '联系电话', '入会时间', '工号', '学历', '政治面貌']

/** A roster as secretaries really send them: banner, a note line, the header on row 3, mess in the cells, totals below. */
async function messyRoster(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook()
  const s = wb.addWorksheet('2026年花名册')
  s.mergeCells('A1:L1')
  s.getCell('A1').value = '青海示例水电有限公司工会会员花名册'
  s.getRow(2).values = ['填报单位：综合办公室', null, null, null, null, null, null, null, '填报日期：2026年11月']
  s.getRow(3).values = HEADER
  const rows: unknown[][] = [
    [1, '张三', '男', '汉族', id('19850301', 11), new Date(Date.UTC(1985, 2, 1)), '发电运行部', 13800138000, '2010.07', 'E001', '本科', '中共党员'],
    [2, '扎西卓玛', '女', '藏', `${id('19900512', 22).slice(0, 17).toLowerCase()}${id('19900512', 22)[17]!.toLowerCase()}`, '1990年5月', '检修维护部', '139 0097 1234', '2015-3-1', 'E002', '大专', '群众'],
    [3, '马\u200b明', '男', '回族', ` ${fullWidth(id('19881120', 33))}\u00a0`, 32467, '发电运行部', null, 40179, 'E003', '中专', '共青团员'],
    [4, '韩晓梅', '女', '撒拉', Number(id('19920101', 44)), '1992-01-01', '安全监察部', null, '2016-01-01', 'E004', null, null],
    [5, '李四', '男', '土族', wrongCheck(id('19870707', 55)), '19870707', '安全监察部', null, '2012-05-01', 'E005', null, null],
    [],
    [6, '王芳', '未知', '汉族', id('19950615', 66), null, '综合办公室', null, '2018-09-01', 'E006', null, null],
    [7, '张三', '男', '汉族', id('19850301', 11), '1985-03', '发电运行部', null, null, 'E007', null, null],
    [8, '周  杰', null, '蒙古族', id('19930303', 77), null, '综合办公室', null, '2019-09-01', 'E008', '研究生', '预备党员'],
    ['合计', '8人'],
    ['制表人：李卫东', null, null, null, '审核人：王建国'],
  ]
  rows.forEach((r, i) => { s.getRow(4 + i).values = r as ExcelJS.CellValue[] })
  await wb.xlsx.writeFile(file)
}

async function count(table: string): Promise<number> {
  return (await ws.db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))!.n
}

async function options(file: string, extra: Partial<ImportOptions> = {}): Promise<ImportOptions> {
  const d = await detectRoster(file, { fileName: '花名册.xlsx' })
  return { mapping: d.mapping!, onConflict: 'skip', fileName: '花名册.xlsx', idNumbers: ws.idNumbers, now: NOW, ...extra }
}

/** The whole record (search pages carry list rows only). */
async function memberByName(name: string) {
  const page = await ws.members.search(memberSearchSchema.parse({ query: name }))
  const row = page.rows.find((m) => m.name === name)
  return row && (await ws.members.get(row.id)).member
}

describe('importing a messy roster', () => {
  it('detects the header under the banner and maps the Chinese variants', async () => {
    const file = join(tmp.dir, '花名册.xlsx')
    await messyRoster(file)
    const d = await detectRoster(file, { fileName: '花名册.xlsx' })
    expect(d.sheets).toEqual(['2026年花名册'])
    expect(d.headerRow).toBe(3)
    expect(d.mapping!.columns).toEqual({
      name: 2, gender: 3, ethnicity: 4, idNumber: 5, birthDate: 6, department: 7, mobile: 8, joinDate: 9,
      employeeNo: 10, education: 11, politicalStatus: 12,
    })
    expect(d.columns[0]).toEqual({ index: 1, header: '序号', field: null })
    expect(d.sampleRows[0]!.cells.slice(0, 3)).toEqual(['1', '张三', '男'])
    expect(d.totalRowsEstimate).toBe(10)
  })

  it('previews counts and the first errors in words, writing nothing', async () => {
    const file = join(tmp.dir, '花名册.xlsx')
    await messyRoster(file)
    const p = await previewImport(ws.db, file, await options(file))
    expect(p.counts).toEqual({ new: 4, update: 0, skip: 0, error: 4 })
    expect(p.dataRows).toBe(8)
    expect(p.ignoredRows).toBe(2)
    expect(p.newDepartments).toEqual(['发电运行部', '检修维护部', '综合办公室'])
    const byRow = Object.fromEntries(p.errors.map((e) => [e.rowNumber, e]))
    expect(byRow[7]).toMatchObject({ column: '身份证号', field: 'idNumber', messageKey: 'import.idNumberAsNumber', columnIndex: 5 })
    expect(byRow[7]!.message).toMatch(/^第 7 行 身份证号：被 Excel 存成了数字（显示为 630102199201010000）.*“文本”格式/)
    expect(byRow[8]!.message).toBe(`第 8 行 身份证号：校验位错误，应为 ${id('19870707', 55)[17]}，请核对后重新导入`)
    expect(byRow[8]!.value).toBe(wrongCheck(id('19870707', 55)))
    expect(byRow[10]!.message).toBe('第 10 行 性别：应填写“男”或“女”')
    expect(byRow[11]!.message).toBe('第 11 行 身份证号：与第 4 行的身份证号码相同，同一人只能登记一次，请删除或合并重复的行')
    expect(await count('members')).toBe(0)
    expect(await count('departments')).toBe(0)
  })

  it('commits the valid rows in one go, with departments, history notes and working search', async () => {
    const file = join(tmp.dir, '花名册.xlsx')
    await messyRoster(file)
    const progress: number[] = []
    const r = await commitImport(ws.db, file, await options(file, { onProgress: (p) => progress.push(p.rowsDone), chunkSize: 3 }))
    expect(r).toMatchObject({ inserted: 4, updated: 0, skipped: 0, errors: 4, departmentsCreated: 3, ignoredRows: 2 })
    expect(progress.at(-1)).toBe(8)
    expect(progress.length).toBeGreaterThan(2)
    expect(await count('members')).toBe(4)

    const zhang = (await memberByName('张三'))!
    expect(zhang).toMatchObject({ gender: 'M', ethnicity: '01', birthDate: '1985-03-01', departmentName: '发电运行部',
      mobile: '13800138000', joinDate: '2010-07-01', education: 'bachelor', politicalStatus: 'cpc', qualityIssues: [] })
    const zhaxi = (await memberByName('扎西卓玛'))!
    expect(zhaxi).toMatchObject({ ethnicity: '04', birthDate: '1990-05-12', mobile: '13900971234', joinDate: '2015-03-01' })
    const ma = (await memberByName('马明'))!
    expect(ma).toMatchObject({ ethnicity: '03', birthDate: '1988-11-20', joinDate: '2010-01-01' })
    const stored = await ws.db.get<{ enc: string }>('SELECT id_number_enc AS enc FROM members WHERE id = ?', [ma.id])
    expect(ws.idNumbers.reveal(stored!.enc)).toBe(id('19881120', 33))
    expect((await memberByName('周杰'))!).toMatchObject({ gender: 'M', ethnicity: '02', education: 'postgraduate', politicalStatus: 'cpcProbationary' })

    const { history } = await ws.members.get(zhang.id)
    expect(history).toEqual([expect.objectContaining({ kind: 'join', eventDate: '2010-07-01', note: '导入：花名册.xlsx' })])

    // Search after the bulk load: 2-character name, pinyin initials, number fragment, ID tail.
    const search = async (query: string) => (await ws.members.search(memberSearchSchema.parse({ query }))).rows.map((m) => m.name)
    expect(await search('张三')).toEqual(['张三'])
    expect(await search('zxzm')).toEqual(['扎西卓玛'])
    // The search index was filled chunk by chunk (chunkSize 3: a segment each), then merged into one segment.
    for (const t of ['member_name_fts', 'member_number_fts']) {
      expect(await ws.db.get(`SELECT count(DISTINCT segid) AS segments FROM ${t}_idx`)).toEqual({ segments: 1 })
    }
    expect(await search('0097')).toEqual(['扎西卓玛'])
    expect(await search(id('19881120', 33).slice(-4))).toContain('马明')
    // The search trigger is back for later writes.
    expect(await ws.db.get("SELECT 1 AS x FROM sqlite_master WHERE type = 'trigger' AND name = 'members_search_insert'")).toEqual({ x: 1 })
  })

  it('rebuilds the register’s indexes after a first import: the same ones, intact, used by search and the unique employee no.', async () => {
    const file = join(tmp.dir, 'plain.xlsx')
    const wb = new ExcelJS.Workbook()
    const s = wb.addWorksheet('花名册')
    s.addRow(HEADER)
    for (let i = 1; i <= 30; i++) {
      s.addRow([i, `成员${i}`, i % 2 ? '男' : '女', '汉族', id('19850301', i), null, '发电运行部', `1390000${String(i).padStart(4, '0')}`, '2010-07-01', `P${i}`])
    }
    await wb.xlsx.writeFile(file)
    const indexesOf = async () => ws.db.all("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'members' ORDER BY name")
    const before = await indexesOf()
    const r = await commitImport(ws.db, file, await options(file, { chunkSize: 5 }))
    expect(r).toMatchObject({ inserted: 30, errors: 0 })
    expect(await indexesOf()).toEqual(before)
    expect(await ws.db.get('PRAGMA integrity_check')).toEqual({ integrity_check: 'ok' })
    // Members of the first and the last batches are found through the indexes and the search index alike.
    const search = async (query: string) => (await ws.members.search(memberSearchSchema.parse({ query }))).rows.map((m) => m.name)
    for (const n of [3, 19, 27]) {
      expect(await search(id('19850301', n))).toEqual([`成员${n}`])
      expect(await search(`P${n}`.toLowerCase())).toContain(`成员${n}`)
    }
    expect((await ws.db.get<{ n: number }>("SELECT count(*) AS n FROM members INDEXED BY members_by_employee_no WHERE employee_no > 'P'"))!.n).toBe(30)
    await expect(ws.db.run('UPDATE members SET employee_no = ? WHERE name = ?', ['P3', '成员27'])).rejects.toThrow(/UNIQUE/)
  })

  it('skips pre-numbered empty rows, reads on past a 小计 line, ignores the notes under the totals', async () => {
    const file = join(tmp.dir, 'grouped.xlsx')
    const wb = new ExcelJS.Workbook()
    const s = wb.addWorksheet('花名册')
    s.addRow(['序号', '姓名', '身份证号码', '部门'])
    s.addRow([1, '张三', id('19850301', 11), '发电运行部'])
    s.addRow(['小计', '1人'])
    s.addRow([2, '李四', id('19870707', 55), '检修维护部'])
    s.addRow(['合计', '2人'])
    s.addRow(['说明：本表由各部门填报'])
    s.addRow([null, '2026年11月27日'])
    for (let i = 3; i <= 50; i++) s.addRow([i])
    await wb.xlsx.writeFile(file)
    const p = await previewImport(ws.db, file, await options(file))
    expect(p.counts).toEqual({ new: 2, update: 0, skip: 0, error: 0 })
    expect(p.dataRows).toBe(2)
    expect(p.ignoredRows).toBe(4)
  })

  it('reads a GBK CSV the same way', async () => {
    const file = join(tmp.dir, 'gbk.csv')
    const gbk: Record<string, number[]> = { 姓: [0xd0, 0xd5], 名: [0xc3, 0xfb], 身: [0xc9, 0xed], 份: [0xb7, 0xdd], 证: [0xd6, 0xa4],
      号: [0xba, 0xc5], 民: [0xc3, 0xf1], 族: [0xd7, 0xe5], 张: [0xd5, 0xc5], 三: [0xc8, 0xfd], 藏: [0xb2, 0xd8] }
    const text = `姓名,身份证号,民族\r\n张三,${id('19850301', 11)},藏族\r\n`
    writeFileSync(file, Buffer.from([...text].flatMap((c) => (c.charCodeAt(0) < 128 ? [c.charCodeAt(0)] : gbk[c]!))))
    const d = await detectRoster(file)
    const r = await commitImport(ws.db, file, { mapping: d.mapping!, onConflict: 'skip', fileName: 'gbk.csv', idNumbers: ws.idNumbers, now: NOW })
    expect(r.inserted).toBe(1)
    expect(await memberByName('张三')).toMatchObject({ ethnicity: '04', gender: 'M', birthDate: '1985-03-01' })
  })
})

describe('a roster whose header is not recognised', () => {
  it('imports once the user chose the header row and mapped the rest by hand', async () => {
    const file = join(tmp.dir, '职工名单.xlsx')
    const wb = new ExcelJS.Workbook()
    const s = wb.addWorksheet('职工名单')
    s.addRow(['职工名单'])
    s.addRow(['人员', '公民证件', '联系手机', '所在部门'])
    s.addRow(['张三', id('19850301', 11), '13800138000', '生产部'])
    s.addRow(['李四', wrongCheck(id('19870707', 55)), null, '生产部'])
    await wb.xlsx.writeFile(file)

    expect((await detectRoster(file)).mapping).toBeNull()
    const d = await detectRoster(file, { sheet: '职工名单', headerRow: 2 })
    expect(d.mapping!.columns).toEqual({ mobile: 3, department: 4 })
    // The secretary maps 人员 and 公民证件 in the wizard.
    const mapping = { ...d.mapping!, columns: { ...d.mapping!.columns, name: 1, idNumber: 2 } }
    const p = await previewImport(ws.db, file, { mapping, onConflict: 'skip', fileName: '职工名单.xlsx', idNumbers: ws.idNumbers, now: NOW })
    expect(p.counts).toEqual({ new: 1, update: 0, skip: 0, error: 1 })
    expect(p.errors[0]).toMatchObject({
      rowNumber: 4, column: '公民证件', columnIndex: 2, field: 'idNumber', messageKey: 'idNumber.checksum',
      params: { field: '@fields.idNumber', expected: id('19870707', 55)[17] },
      message: `第 4 行 公民证件：校验位错误，应为 ${id('19870707', 55)[17]}，请核对后重新导入`,
    })
  })
})

describe('rows that match members already in the register', () => {
  async function seedAndChange(): Promise<string> {
    const first = join(tmp.dir, 'first.xlsx')
    await messyRoster(first)
    await commitImport(ws.db, first, await options(first))
    const wb = new ExcelJS.Workbook()
    const s = wb.addWorksheet('花名册')
    s.addRow(['姓名', '身份证号码', '部门', '手机号码', '工号', '学历'])
    s.addRow(['张三', id('19850301', 11), '综合办公室', null, 'E001', '研究生'])    // moves department, new education; blank mobile erases nothing
    s.addRow(['扎西卓玛', id('19900512', 22), '检修维护部', '13900971234', 'E002', '大专']) // nothing changes
    s.addRow(['新人甲', id('20000101', 88), '检修维护部', null, 'E100', null])
    s.addRow(['冒名', id('19991111', 99), '检修维护部', null, 'E003', null])           // employee no. of 马明, another ID
    const second = join(tmp.dir, 'second.xlsx')
    await wb.xlsx.writeFile(second)
    return second
  }

  it('skip: leaves existing members untouched but shows what an update would change', async () => {
    const file = await seedAndChange()
    const p = await previewImport(ws.db, file, await options(file))
    expect(p.counts).toEqual({ new: 1, update: 0, skip: 2, error: 1 })
    expect(p.conflicts).toBe(2)
    expect(p.updates).toEqual([expect.objectContaining({ rowNumber: 2, name: '张三', diff: [
      { field: 'department', label: '部门', from: '发电运行部', to: '综合办公室' },
      { field: 'education', label: '文化程度', from: '大学本科', to: '研究生' },
    ] })])
    expect(p.errors[0]!.message).toBe('第 5 行 工号：与已登记的会员“马明”重复')
    const r = await commitImport(ws.db, file, await options(file))
    expect(r).toMatchObject({ inserted: 1, updated: 0, skipped: 2, errors: 1, departmentsCreated: 0 })
    expect((await memberByName('张三'))!.departmentName).toBe('发电运行部')
  })

  it('update: changes only what the file says, with an edit history row naming the import', async () => {
    const file = await seedAndChange()
    const p = await previewImport(ws.db, file, await options(file, { onConflict: 'update' }))
    expect(p.counts).toEqual({ new: 1, update: 1, skip: 1, error: 1 })
    const r = await commitImport(ws.db, file, await options(file, { onConflict: 'update', fileName: '更新.xlsx' }))
    expect(r).toMatchObject({ inserted: 1, updated: 1, skipped: 1, errors: 1 })
    const zhang = (await memberByName('张三'))!
    expect(zhang).toMatchObject({ departmentName: '综合办公室', education: 'postgraduate', mobile: '13800138000', ethnicity: '01', qualityIssues: [] })
    const { history } = await ws.members.get(zhang.id)
    expect(history[0]).toMatchObject({ kind: 'edit', note: '导入：更新.xlsx', changedFields: ['departmentId', 'education'] })
    expect(await count('members')).toBe(5)
  })
})

describe('all or nothing', () => {
  it('a cancel half-way leaves the register exactly as before', async () => {
    const file = join(tmp.dir, '花名册.xlsx')
    await messyRoster(file)
    await ws.departments.create('人力资源部', { id: null, name: 'test' })
    const schemaBefore = await ws.db.all('SELECT type, name, sql FROM sqlite_master ORDER BY name')
    const before = { members: await count('members'), departments: await count('departments'), history: await count('member_history') }
    const ac = new AbortController()
    const run = commitImport(ws.db, file, await options(file, {
      chunkSize: 2, signal: ac.signal, onProgress: (p) => { if (p.rowsDone >= 4) ac.abort() },
    }))
    await expect(run).rejects.toBeInstanceOf(ImportCancelledError)
    expect({ members: await count('members'), departments: await count('departments'), history: await count('member_history') }).toEqual(before)
    expect(await ws.db.all('SELECT type, name, sql FROM sqlite_master ORDER BY name')).toEqual(schemaBefore)
    // And the same file imports fine afterwards.
    const r = await commitImport(ws.db, file, await options(file))
    expect(r.inserted).toBe(4)
  })

  it('a failure while writing rolls back what was already written', async () => {
    const file = join(tmp.dir, '花名册.xlsx')
    await messyRoster(file)
    // Make the last department unwritable: the import fails after earlier chunks were inserted.
    await ws.db.exec(`CREATE TRIGGER no_office BEFORE INSERT ON departments WHEN new.name = '综合办公室'
      BEGIN SELECT RAISE(ABORT, 'test failure'); END`)
    await expect(commitImport(ws.db, file, await options(file, { chunkSize: 2 }))).rejects.toThrow('test failure')
    expect(await count('members')).toBe(0)
    expect(await count('departments')).toBe(0)
    expect(await count('member_history')).toBe(0)
  })
})

describe('the error report round trip', () => {
  it('writes the rows that failed with the original columns and 错误说明; fixed, it imports cleanly', async () => {
    const file = join(tmp.dir, '花名册.xlsx')
    await messyRoster(file)
    const first = await commitImport(ws.db, file, await options(file))
    const report = join(tmp.dir, '错误报告.xlsx')
    const d = await detectRoster(file)
    await writeErrorReport(report, { headers: first.headers, errorRows: first.errorRows, columns: d.mapping!.columns })

    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(report)
    const s = wb.worksheets[0]!
    expect(s.getRow(1).values).toEqual([undefined, ...HEADER, '错误说明'])
    expect(s.rowCount).toBe(5)
    expect(String(s.getCell('M2').value)).toMatch(/^第 7 行 身份证号：被 Excel 存成了数字/)
    expect(s.getCell('F2').value).toBe('1992-01-01')
    // The secretary fixes each row: re-types the ID as text, corrects the check digit, the gender, and drops the duplicate.
    s.getCell('E2').value = id('19920101', 44)
    s.getCell('E3').value = id('19870707', 55)
    s.getCell('C4').value = '女'
    s.spliceRows(5, 1)
    await wb.xlsx.writeFile(report)

    const fixed = await detectRoster(report, { fileName: '错误报告.xlsx' })
    expect(fixed.mapping!.columns.idNumber).toBe(5)
    const p = await previewImport(ws.db, report, { mapping: fixed.mapping!, onConflict: 'skip', fileName: '错误报告.xlsx', idNumbers: ws.idNumbers, now: NOW })
    expect(p.errors).toEqual([])
    expect(p.counts).toEqual({ new: 3, update: 0, skip: 0, error: 0 })
    const r = await commitImport(ws.db, report, { mapping: fixed.mapping!, onConflict: 'skip', fileName: '错误报告.xlsx', idNumbers: ws.idNumbers, now: NOW })
    expect(r.inserted).toBe(3)
    expect(await count('members')).toBe(7)
    expect((await memberByName('王芳'))!.gender).toBe('F')
  })
})
