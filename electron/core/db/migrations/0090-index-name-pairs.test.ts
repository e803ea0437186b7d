import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../../../../tests/fixtures/temp-workspace'
import type { Database } from '../sqlite'
import { applyOnly, databaseAt, queryPlan } from './migration-test-kit'

const addMember = (db: Database, name: string, tokens: string) =>
  db.run(`INSERT INTO members (name, name_tokens, name_pinyin, name_initials, created_at, updated_at)
          VALUES (?, ?, 'x', 'x', 'now', 'now')`, [name, tokens])

const hits = async (db: Database, match: string) =>
  (await db.all<{ rowid: number }>('SELECT rowid FROM member_name_fts WHERE member_name_fts MATCH ? ORDER BY rowid', [match]))
    .map((r) => r.rowid)

describe('0090 index-name-pairs', () => {
  let tmp: ReturnType<typeof makeTempDir>
  let db: Database
  beforeEach(async () => { tmp = makeTempDir(); db = await databaseAt(tmp.dir, 80) })
  afterEach(async () => { await db.close(); tmp.cleanup() })

  it('adds the adjacent pairs to the names already stored and re-indexes them', async () => {
    await addMember(db, '张伟华', '张 伟 华')
    await addMember(db, '伟张', '伟 张')
    await addMember(db, '扎西卓玛', '扎 西 卓 玛')
    await addMember(db, '李', '李')
    expect(await hits(db, '"张伟"')).toEqual([]) // before: no pair tokens
    await applyOnly(db, 90)

    const stored = await db.all<{ name_tokens: string }>('SELECT name_tokens FROM members ORDER BY id')
    expect(stored.map((r) => r.name_tokens)).toEqual(['张 伟 华 张伟 伟华', '伟 张 伟张', '扎 西 卓 玛 扎西 西卓 卓玛', '李'])
    expect(await hits(db, '"张伟"')).toEqual([1]) // a pair in order, not 伟张
    expect(await hits(db, '"西卓 卓玛"')).toEqual([3]) // 3+ characters: consecutive pairs
    expect(await hits(db, '"卓玛 扎西"')).toEqual([]) // pairs out of order do not match
    expect(await hits(db, '"李"')).toEqual([4])
    expect(await hits(db, '"伟"')).toEqual([1, 2]) // single characters still work
  })

  it('keeps the insert trigger indexing new names with their pairs', async () => {
    for (let i = 0; i < 50; i++) await addMember(db, '王芳', '王 芳')
    await applyOnly(db, 90)
    await addMember(db, '王芳芳', '王 芳 芳 王芳 芳芳')
    expect(await hits(db, '"芳芳"')).toEqual([51])
    expect(await hits(db, '"王芳"')).toHaveLength(51)
    expect(await queryPlan(db, 'SELECT rowid FROM member_name_fts WHERE member_name_fts MATCH ?', ['"王芳"'])).toMatch(/VIRTUAL TABLE INDEX/)
  })
})
