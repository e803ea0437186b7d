import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../../../../tests/fixtures/temp-workspace'
import type { Database } from '../sqlite'
import { applyOnly, databaseAt, queryPlan } from './migration-test-kit'

describe('0100 drop-long-id-tail-indexes', () => {
  let tmp: ReturnType<typeof makeTempDir>
  let db: Database
  beforeEach(async () => { tmp = makeTempDir(); db = await databaseAt(tmp.dir, 90) })
  afterEach(async () => { await db.close(); tmp.cleanup() })

  it('drops the last-5/6 indexes, keeps their columns, and a long tail is found through the last-4 index', async () => {
    await db.run(`INSERT INTO members (name, name_tokens, name_pinyin, name_initials, id_tail4_hash, id_tail5_hash, id_tail6_hash, created_at, updated_at)
                  VALUES ('甲', '甲', 'jia', 'j', 't4', 't5', 't6', 'now', 'now')`)
    await applyOnly(db, 100)
    const indexes = await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'members_by_id_tail%' ORDER BY name")
    expect(indexes.map((i) => i.name)).toEqual(['members_by_id_tail4'])
    const sql = 'SELECT id FROM members WHERE id_tail4_hash = ? AND id_tail6_hash = ?'
    expect(await db.all(sql, ['t4', 't6'])).toEqual([{ id: 1 }])
    expect(await db.all(sql, ['t4', 'other'])).toEqual([])
    expect(await queryPlan(db, sql, ['t4', 't6'])).toMatch(/USING INDEX members_by_id_tail4/)
  })
})
