import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { memberSearchSchema } from '../../../shared/domain/member'
import { makeTempDir } from '../../../tests/fixtures/temp-workspace'
import { devKeyFileProtector } from '../crypto/key-vault'
import { DEMO_DEPARTMENTS, generateDemoPeople } from '../demo/demo-people'
import { insertDepartment } from '../departments/department-repository'
import { openWorkspace, type Workspace } from '../workspace'
import type { Queryable } from '../db/sqlite'
import { withBulkLoad } from './bulk-load'

import { insertMembersWithHistory } from './member-bulk'

const FTS = ['member_name_fts', 'member_number_fts']

/**
 * Members each index finds by a token of their own (the surname; the mobile's last 3 digits): the
 * indexes keep no per-row table that could simply be counted.
 */
const INDEXED: Record<string, string> = {
  member_name_fts: `SELECT count(*) AS n FROM members m WHERE EXISTS (SELECT 1 FROM member_name_fts f
    WHERE f.member_name_fts MATCH '"' || substr(m.name, 1, 1) || '"' AND f.rowid = m.id)`,
  member_number_fts: `SELECT count(*) AS n FROM members m WHERE EXISTS (SELECT 1 FROM member_number_fts f
    WHERE f.member_number_fts MATCH 'mobile:"' || substr(m.mobile, -3) || '"' AND f.rowid = m.id)`,
}

describe('bulk load with the search index caught up in batches', () => {
  let tmp: ReturnType<typeof makeTempDir>
  let ws: Workspace
  beforeEach(async () => {
    tmp = makeTempDir('uniondesk-bulk-')
    ws = await openWorkspace('real', { dataDir: tmp.dir, keyProtector: devKeyFileProtector })
  })
  afterEach(async () => {
    await ws.db.close()
    tmp.cleanup()
  })

  it('indexes every batch, leaves one FTS segment per index, and puts the per-row trigger back', async () => {
    const now = '2026-11-27T01:00:00.000Z'
    const people = await ws.db.transaction(async (tx) => {
      const depts = await Promise.all(DEMO_DEPARTMENTS.slice(0, 3).map((d) => insertDepartment(tx, d, now)))
      return generateDemoPeople(90, 11, depts)
    })
    const catchUps: number[] = []
    await ws.db.transaction((tx) => withBulkLoad(tx, async (catchUp) => {
      for (let i = 0; i < people.length; i += 30) {
        const ids = await insertMembersWithHistory(tx, people.slice(i, i + 30), now, ws.idNumbers)
        await catchUp(ids.at(-1))
        catchUps.push((await tx.get<{ n: number }>(INDEXED.member_name_fts!))!.n)
      }
    }, 50))
    // Caught up once 50 rows were waiting (after 60), the rest at the end.
    expect(catchUps).toEqual([0, 60, 60])
    for (const t of FTS) {
      expect(await ws.db.get(`SELECT count(*) AS rows, count(DISTINCT segid) AS segments FROM ${t}_idx`))
        .toMatchObject({ segments: 1 })
      expect(await ws.db.get(INDEXED[t]!)).toEqual({ n: 90 })
    }
    for (const p of [people[0]!, people[45]!, people[89]!]) {
      const page = await ws.members.search(memberSearchSchema.parse({ query: p.fields.mobile!.slice(-6) }))
      expect(page.rows.map((r) => r.name)).toContain(p.fields.name)
    }
    expect(await ws.db.get("SELECT 1 AS x FROM sqlite_master WHERE type = 'trigger' AND name = 'members_search_insert'")).toEqual({ x: 1 })
  })

  it('gives FTS5 room for a whole catch-up while it loads (one segment per statement), then sets it back to its default', async () => {
    const now = '2026-11-27T01:00:00.000Z'
    const hashsize = (tx: Queryable, t: string) => tx.get<{ v: number }>(`SELECT v FROM ${t}_config WHERE k = 'hashsize'`)
    const during: unknown[] = []
    await ws.db.transaction(async (tx) => {
      const depts = await Promise.all(DEMO_DEPARTMENTS.slice(0, 3).map((d) => insertDepartment(tx, d, now)))
      await withBulkLoad(tx, async () => {
        await insertMembersWithHistory(tx, generateDemoPeople(50, 12, depts), now, ws.idNumbers)
        for (const t of FTS) during.push(await hashsize(tx, t))
      })
    })
    expect(during).toEqual([{ v: 64 * 1024 * 1024 }, { v: 64 * 1024 * 1024 }])
    for (const t of FTS) {
      expect(await ws.db.get(`SELECT count(DISTINCT segid) AS segments FROM ${t}_idx`)).toEqual({ segments: 1 })
      expect(await hashsize(ws.db, t)).toEqual({ v: 1024 * 1024 })
    }
  })
})
