import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fixedClock, makeTempDir } from '../../../tests/fixtures/temp-workspace'
import { devKeyFileProtector } from '../crypto/key-vault'
import { insertDepartment } from '../departments/department-repository'
import { generateDemoPeople } from '../demo/demo-people'
import { insertMembersWithHistory } from '../members/member-bulk'
import { openWorkspace, type Workspace } from '../workspace'
import { bulkInsertsFor } from '../members/bulk-load'
import { detectRoster } from './detect'
import { commitImport } from './import-commit'
import { previewImport } from './import-preview'
import { exportRoster } from './roster-export'
import { TEMPLATE_EXAMPLE, writeTemplate } from './roster-template'

const NOW = new Date('2026-11-27T09:00:00+08:00')
let tmp: ReturnType<typeof makeTempDir>
let ws: Workspace
const open = (dir: string) => openWorkspace('real', { dataDir: join(tmp.dir, dir), clock: fixedClock(), keyProtector: devKeyFileProtector })

beforeEach(async () => {
  tmp = makeTempDir('roster-export-')
  ws = await open('data')
  await ws.db.transaction(async (tx) => {
    const depts = [await insertDepartment(tx, '发电运行部', NOW.toISOString()), await insertDepartment(tx, '综合办公室', NOW.toISOString())]
    await insertMembersWithHistory(tx, generateDemoPeople(300, 7, depts), NOW.toISOString(), ws.idNumbers)
  })
})
afterEach(async () => {
  await ws.db.close()
  tmp.cleanup()
})

async function sheetRows(file: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  return wb.worksheets[0]!
}

describe('exporting the roster', () => {
  it('writes .xlsx with a title row, Chinese headers, text ID numbers, words for codes and a frozen header', async () => {
    const out = join(tmp.dir, 'out')
    const r = await exportRoster(ws.db, {
      format: 'xlsx', folder: out, unionName: '青海示例水电有限公司工会', idNumbers: ws.idNumbers, revealIdNumbers: true, now: NOW,
      filter: { departmentId: 1 },
    })
    expect(r.filePath).toBe(join(out, '青海示例水电有限公司工会会员花名册20261127.xlsx'))
    const expected = (await ws.db.get<{ n: number }>('SELECT count(*) AS n FROM members WHERE department_id = 1'))!.n
    expect(r.rows).toBe(expected)
    const s = await sheetRows(r.filePath)
    expect(s.getCell('A1').value).toBe('青海示例水电有限公司工会会员花名册（导出日期：2026-11-27）')
    expect(s.getRow(2).values).toEqual([undefined, '序号', '姓名', '性别', '民族', '身份证号码', '出生日期', '手机号码', '部门', '岗位', '职称', '工号',
      '文化程度', '政治面貌', '籍贯', '入会日期', '会员证号', '缴费工资基数（元）', '农民工', '状态'])
    expect(s.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 })
    expect(s.getColumn(5).width).toBeGreaterThanOrEqual(20)
    expect(s.rowCount).toBe(expected + 2)
    const row = s.getRow(3)
    expect(typeof row.getCell(5).value).toBe('string')
    expect(row.getCell(5).value).toMatch(/^\d{17}[\dX]$/)
    expect(['男', '女']).toContain(row.getCell(3).value)
    expect(row.getCell(4).value).toMatch(/族$/)
    expect(row.getCell(8).value).toBe('发电运行部')
    expect(['在册', '保留会籍', '已转出', '已退会', '已去世']).toContain(row.getCell(19).value)
    expect(readdirSync(out)).toEqual(['青海示例水电有限公司工会会员花名册20261127.xlsx'])
  })

  it('masks ID numbers unless asked to reveal them', async () => {
    const r = await exportRoster(ws.db, { format: 'xlsx', folder: tmp.dir, fileName: 'masked', unionName: '工会', idNumbers: ws.idNumbers, now: NOW })
    const s = await sheetRows(r.filePath)
    expect(s.getRow(3).getCell(5).value).toMatch(/^\d{6}\*{8}[\dX]{4}$/)
    expect(r.rows).toBe(300)
  })

  it('exports an imported roster that imports back into an empty register unchanged', async () => {
    const r = await exportRoster(ws.db, { format: 'xlsx', folder: tmp.dir, fileName: 'all', unionName: '工会', idNumbers: ws.idNumbers, revealIdNumbers: true, now: NOW })
    const other = await open('other')
    try {
      const d = await detectRoster(r.filePath)
      expect(d.headerRow).toBe(2)
      const result = await commitImport(other.db, r.filePath, { mapping: d.mapping!, onConflict: 'skip', fileName: 'all.xlsx', idNumbers: other.idNumbers, now: NOW })
      expect(result).toMatchObject({ inserted: 300, errors: 0 })
      const cols = 'name, gender, birth_date, ethnicity, mobile, education, political_status, native_place, post, title, employee_no, join_date, card_no, wage_base_fen, migrant_worker'
      const a = await ws.db.all(`SELECT ${cols}, id_masked FROM members ORDER BY employee_no`)
      const b = await other.db.all(`SELECT ${cols}, id_masked FROM members ORDER BY employee_no`)
      expect(b).toEqual(a)
    } finally {
      await other.db.close()
    }
  })

  it('writes CSV as UTF-8 with a BOM, long numbers kept as text for Excel', async () => {
    const r = await exportRoster(ws.db, { format: 'csv', folder: tmp.dir, fileName: '花名册.csv', unionName: '工会', idNumbers: ws.idNumbers, revealIdNumbers: true, now: NOW })
    const bytes = readFileSync(r.filePath)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = bytes.toString('utf8').slice(1).split('\r\n')
    expect(lines[0]).toBe('序号,姓名,性别,民族,身份证号码,出生日期,手机号码,部门,岗位,职称,工号,文化程度,政治面貌,籍贯,入会日期,会员证号,缴费工资基数（元）,农民工,状态')
    expect(lines).toHaveLength(302)
    expect(lines[1]).toMatch(/^1,[^,]+,[男女],[^,]+族,"\t\d{17}[\dX]",/)
  })

  it('never writes outside the chosen folder', async () => {
    const r = await exportRoster(ws.db, { format: 'csv', folder: join(tmp.dir, 'safe'), fileName: '../../evil', unionName: '工会', idNumbers: ws.idNumbers, now: NOW })
    expect(r.filePath).toBe(join(tmp.dir, 'safe', '_.._evil.csv'))
  })
})

describe('the import template', () => {
  it('has the expected headers and one example row that imports cleanly', async () => {
    const file = join(tmp.dir, '会员花名册导入模板.xlsx')
    await writeTemplate(file)
    const d = await detectRoster(file)
    expect(d.sheets).toEqual(['会员花名册', '填写说明'])
    expect(d.headerRow).toBe(2)
    expect(d.columns.every((c) => c.field !== null)).toBe(true)
    expect(Object.keys(d.mapping!.columns)).toHaveLength(17)
    const p = await previewImport(ws.db, file, { mapping: d.mapping!, onConflict: 'skip', fileName: 't.xlsx', idNumbers: ws.idNumbers, now: NOW })
    expect(p.errors).toEqual([])
    expect(p.counts).toEqual({ new: 1, update: 0, skip: 0, error: 0 })
    const s = await sheetRows(file)
    expect(s.getRow(3).getCell(4).value).toBe(TEMPLATE_EXAMPLE.idNumber)
    expect(s.getColumn(4).numFmt).toBe('@')
  })
})

describe('bulk statements from the search trigger', () => {
  it('turns each INSERT … VALUES over new.* into an INSERT … SELECT over the new rows', () => {
    const sql = `CREATE TRIGGER members_search_insert AFTER INSERT ON members BEGIN
      INSERT INTO member_name_fts(rowid, tokens) VALUES (new.id, new.name_tokens);
      INSERT INTO member_number_fts(rowid, employee_no, mobile)
        VALUES (new.id, coalesce(new.employee_no, ''), coalesce(new.mobile, ''));
    END`
    expect(bulkInsertsFor(sql)?.map((b) => b.sql)).toEqual([
      'INSERT INTO member_name_fts(rowid, tokens) SELECT new.id, new.name_tokens FROM members AS new WHERE new.id > ? AND new.id <= ? ORDER BY new.id',
      "INSERT INTO member_number_fts(rowid, employee_no, mobile) SELECT new.id, coalesce(new.employee_no, ''), coalesce(new.mobile, '') FROM members AS new WHERE new.id > ? AND new.id <= ? ORDER BY new.id",
    ])
    expect(bulkInsertsFor('CREATE TRIGGER t AFTER INSERT ON members BEGIN UPDATE x SET y = 1; END')).toBeNull()
  })
})
