import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../../../../tests/fixtures/temp-workspace'
import type { Database } from '../sqlite'
import { applyOnly, databaseAt, queryPlan } from './migration-test-kit'

describe('0140 index-initials-with-pinyin', () => {
  let tmp: ReturnType<typeof makeTempDir>
  let db: Database
  beforeEach(async () => { tmp = makeTempDir(); db = await databaseAt(tmp.dir, 130) })
  afterEach(async () => { await db.close(); tmp.cleanup() })

  it('replaces the initials index with one that also holds the pinyin, so initials hits are checked without their rows', async () => {
    await db.run(`INSERT INTO members (name, name_tokens, name_pinyin, name_initials, created_at, updated_at)
                  VALUES ('张三', '张 三 张三', 'zhangsan', 'zs', 'now', 'now'), ('赵思', '赵 思 赵思', 'zhaosi', 'zs', 'now', 'now')`)
    await applyOnly(db, 140)
    const indexes = await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'members_by_initials%'")
    expect(indexes.map((i) => i.name)).toEqual(['members_by_initials_pinyin'])
    const sql = "SELECT id FROM members WHERE name_initials >= ? AND name_initials < ? AND NOT (name_pinyin >= ? AND name_pinyin < ?)"
    expect(await db.all(sql, ['zs', 'zt', 'zhang', 'zhanh'])).toEqual([{ id: 2 }])
    expect(await queryPlan(db, sql, ['zs', 'zt', 'zhang', 'zhanh'])).toMatch(/USING COVERING INDEX members_by_initials_pinyin/)
  })
})
