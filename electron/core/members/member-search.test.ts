import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock, makeTempDir, memberInput, TEST_ACTOR, devKeyFileProtector } from '../../../tests/fixtures/temp-workspace'
import { makeIdNumber } from '../../../shared/domain/id-number'
import { memberSearchSchema, type Member, type MemberSearch } from '../../../shared/domain/member'
import { seedDemo } from '../demo/seed-demo'
import { openWorkspace, type Workspace } from '../workspace'
import { buildMemberSearch, classifySearch } from './member-search-sql'

const search = (ws: Workspace, q: Partial<MemberSearch>) => ws.members.search(memberSearchSchema.parse(q))

describe('member search', () => {
  let tmp: ReturnType<typeof makeTempDir>
  let ws: Workspace
  let zhangSan: Member
  let danTian: Member
  let zhangSi: Member & { idNumberFull: string }

  beforeAll(async () => {
    tmp = makeTempDir()
    ws = await openWorkspace('real', { dataDir: tmp.dir, clock: fixedClock(), keyProtector: devKeyFileProtector })
    await seedDemo(ws.db, fixedClock(), ws.idNumbers, 3000)
    zhangSan = await ws.members.create(memberInput({
      name: '张三', employeeNo: 'Q77881', mobile: '13987650001', idNumber: makeIdNumber('632801', '19791203', 555),
    }), TEST_ACTOR)
    danTian = await ws.members.create(memberInput({ name: '单田芳', seq: 400, ethnicity: '35' }), TEST_ACTOR)
    // Someone with 张三's last 4 but another 5th and 6th from the end: a longer end tells them apart.
    const id = makeIdNumber('632801', '19791203', 555)
    const others = Array.from({ length: 28 * 12 }, (_, i) =>
      makeIdNumber('632801', `1980${String(1 + (i % 12)).padStart(2, '0')}${String(1 + Math.floor(i / 12)).padStart(2, '0')}`, 555))
    const sameLast4 = others.find((other) => other.slice(-4) === id.slice(-4) && other.slice(-5) !== id.slice(-5))!
    zhangSi = { ...(await ws.members.create(memberInput({ name: '张四', idNumber: sameLast4 }), TEST_ACTOR)), idNumberFull: sameLast4 }
  })
  afterAll(async () => { await ws.db.close(); tmp.cleanup() })

  it('classifies what was typed', () => {
    expect(classifySearch(' 张 三 ')).toEqual({ kind: 'name', text: '张三' })
    expect(classifySearch('ZS')).toEqual({ kind: 'initials', text: 'zs' })
    expect(classifySearch('zhangs')).toEqual({ kind: 'pinyin', text: 'zhangs' })
    expect(classifySearch('１３９')).toEqual({ kind: 'number', text: '139' })
    expect(classifySearch('12')).toEqual({ kind: 'numberPrefix', text: '12' })
    expect(classifySearch('')).toEqual({ kind: 'none', text: '' })
  })

  it('finds a two-character name, by initials and by full pinyin', async () => {
    for (const query of ['张三', 'zs', 'zhangsan', 'zhangs']) {
      const r = await search(ws, { query, limit: 500 })
      expect(r.rows.map((m) => m.id), query).toContain(zhangSan.id)
      expect(r.total).toBe(r.rows.length)
    }
    const exact = await search(ws, { query: '张三' })
    expect(exact.rows.every((m) => m.name.includes('张三'))).toBe(true)
  })

  it('reads 单 as the surname Shan', async () => {
    expect((await search(ws, { query: 'stf' })).rows.map((m) => m.id)).toContain(danTian.id)
    expect((await search(ws, { query: 'shantianfang' })).rows.map((m) => m.id)).toEqual([danTian.id])
  })

  it('finds by a fragment of employee no. or mobile, and an ID number whole or by its last 4–6', async () => {
    const id = makeIdNumber('632801', '19791203', 555)
    for (const query of ['77881', '8765000', id, id.slice(-6), id.slice(-5).toLowerCase()]) {
      expect((await search(ws, { query })).rows.map((m) => m.id), query).toEqual([zhangSan.id])
    }
    expect((await search(ws, { query: zhangSi.idNumberFull.slice(-6) })).rows.map((m) => m.id)).toEqual([zhangSi.id])
    expect((await search(ws, { query: id.slice(-4) })).rows.map((m) => m.id)).toEqual(expect.arrayContaining([zhangSan.id, zhangSi.id]))
    // Three characters: inside a number and at its end.
    for (const query of ['778', '881', '001']) {
      expect((await search(ws, { query, limit: 500 })).rows.map((m) => m.id), query).toContain(zhangSan.id)
    }
    // Dashes and spaces typed into a number are ignored; dashes alone find nothing (and do not fail).
    expect((await search(ws, { query: '139-8765-0001' })).rows.map((m) => m.id)).toEqual([zhangSan.id])
    expect((await search(ws, { query: '---' })).rows).toEqual([])
    // Stored sealed: a fragment from the middle of an ID number cannot be searched.
    expect((await search(ws, { query: id.slice(6, 14) })).rows.map((m) => m.id)).not.toContain(zhangSan.id)
  })

  it('filters by department, status, gender and ethnicity, together with text', async () => {
    const tibetanWomen = await search(ws, { ethnicity: '04', gender: 'F', status: 'active', limit: 500 })
    expect(tibetanWomen.total).toBeGreaterThan(50)
    expect(tibetanWomen.rows.every((m) => m.ethnicity === '04' && m.gender === 'F' && m.status === 'active')).toBe(true)
    const zhuoma = await search(ws, { query: '卓玛', gender: 'F', limit: 500 })
    expect(zhuoma.total).toBeGreaterThan(0)
    expect(zhuoma.rows.every((m) => m.name.includes('卓玛') && m.gender === 'F')).toBe(true)
    const dept = await search(ws, { departmentId: 2, limit: 500 })
    expect(dept.rows.every((m) => m.departmentId === 2)).toBe(true)
  })

  it('caps the count of a very common text at 1,000 and says so', async () => {
    const common = await search(ws, { query: 'z' })
    expect(common.rows).toHaveLength(50)
    expect(common.total).toBeGreaterThan(50)
    const all = await search(ws, { query: '', limit: 1 })
    expect(all.totalCapped).toBe(false)
    expect(all.total).toBe(3003)
  })

  it('sorts and pages without gaps or repeats', async () => {
    const all = await search(ws, { sort: 'joinDate', order: 'desc', limit: 500 })
    const pages = [await search(ws, { sort: 'joinDate', order: 'desc', limit: 250 }),
      await search(ws, { sort: 'joinDate', order: 'desc', limit: 250, offset: 250 })]
    expect(pages.flatMap((p) => p.rows.map((m) => m.id))).toEqual(all.rows.map((m) => m.id))
    const dates = all.rows.map((m) => m.joinDate ?? '')
    expect([...dates].sort().reverse()).toEqual(dates)
    expect(all.total).toBe(3003)
  })

  it('finds names by any run of their characters, in order', async () => {
    const zhang = await ws.members.create(memberInput({ name: '欧阳明华', seq: 401 }), TEST_ACTOR)
    for (const query of ['欧阳明华', '阳明华', '明华', '阳明', '欧']) {
      const r = await search(ws, { query, limit: 500 })
      expect(r.rows.map((m) => m.id), query).toContain(zhang.id)
      expect(r.rows.every((m) => m.name.includes(query)), query).toBe(true)
    }
    expect((await search(ws, { query: '华明' })).rows.map((m) => m.id)).not.toContain(zhang.id)
    expect((await search(ws, { query: '欧明' })).rows.map((m) => m.id)).not.toContain(zhang.id)
  })

  it('returns list rows: the fields the table shows, the ID number masked, and the count with every page', async () => {
    const r = await search(ws, { query: '张三' })
    const row = r.rows.find((m) => m.id === zhangSan.id)!
    expect(Object.keys(row).sort()).toEqual(['departmentId', 'departmentName', 'employeeNo', 'ethnicity', 'gender', 'id',
      'idNumber', 'joinDate', 'mobile', 'name', 'qualityIssues', 'status'])
    expect(row).toMatchObject({ name: '张三', employeeNo: 'Q77881', mobile: '13987650001', status: 'active', departmentName: zhangSan.departmentName })
    expect(row.idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/)
    const second = await search(ws, { query: '', offset: 100, limit: 50 })
    expect(second.total).toBe(3004)
  })

  it('binds nothing SQLite plans by, so a kept search statement is not recompiled on every search', async () => {
    // A bound LIMIT, OFFSET or GLOB pattern marks a statement to be recompiled whenever it is bound again.
    for (const query of ['张三', 'zs', 'zhangs', 'z', '139', '12', 'Q7', '']) {
      for (const sort of ['relevance', 'name'] as const) {
        const built = buildMemberSearch(memberSearchSchema.parse({ query, sort, offset: 40 }), 'm.id', null)
        for (const { sql } of [built.query, built.page]) expect(sql).not.toMatch(/(LIMIT|OFFSET|GLOB|LIKE)\s+\?/)
      }
    }
    // The prefix ranges still search their indexes.
    const plans: Record<string, string[]> = {
      zs: ['members_by_initials_pinyin'], zhangs: ['members_by_pinyin', 'members_by_initials_pinyin'], Q7: ['members_by_employee_no'],
    }
    for (const [query, indexes] of Object.entries(plans)) {
      const { query: q } = buildMemberSearch(memberSearchSchema.parse({ query }), 'm.id', null)
      const plan = (await ws.db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${q.sql}`, q.params)).map((p) => p.detail).join('\n')
      for (const index of indexes) expect(plan).toContain(`USING COVERING INDEX ${index}`)
    }
  })

  it('drives a text query from its hits, not from a walk of the register', async () => {
    const { query } = buildMemberSearch(memberSearchSchema.parse({ query: '张三', sort: 'name' }), 'm.id', null)
    const plan = await ws.db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${query.sql}`, query.params)
    const text = plan.map((p) => p.detail).join('\n')
    expect(text).toMatch(/SCAN member_name_fts VIRTUAL TABLE INDEX/)
    expect(text).toMatch(/SEARCH m USING INTEGER PRIMARY KEY/)
    expect(text).not.toMatch(/SCAN m\b/)
  })
})
