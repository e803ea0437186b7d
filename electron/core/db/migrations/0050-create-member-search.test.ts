import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../../../../tests/fixtures/temp-workspace'
import type { Database } from '../sqlite'
import { applyOnly, databaseAt } from './migration-test-kit'

const addMember = (db: Database, name: string, tokens: string, mobile: string) =>
  db.run(`INSERT INTO members (name, mobile, name_tokens, name_pinyin, name_initials, created_at, updated_at)
          VALUES (?, ?, ?, 'x', 'x', 'now', 'now')`, [name, mobile, tokens])

const nameHits = (db: Database, phrase: string) =>
  db.all<{ rowid: number }>('SELECT rowid FROM member_name_fts WHERE member_name_fts MATCH ?', [`"${phrase}"`])

describe('0050 create-member-search', () => {
  let tmp: ReturnType<typeof makeTempDir>
  let db: Database
  beforeEach(async () => { tmp = makeTempDir(); db = await databaseAt(tmp.dir, 40) })
  afterEach(async () => { await db.close(); tmp.cleanup() })

  it('indexes members that existed before it ran, then keeps the index in step', async () => {
    await addMember(db, '扎西卓玛', '扎 西 卓 玛', '13912345678')
    await applyOnly(db, 50)
    expect(await nameHits(db, '卓 玛')).toEqual([{ rowid: 1 }])
    await addMember(db, '王芳', '王 芳', '13800001111')
    expect(await nameHits(db, '王 芳')).toEqual([{ rowid: 2 }])
    await db.run("UPDATE members SET name = '王芳芳', name_tokens = '王 芳 芳', mobile = '13700002222' WHERE id = 2")
    expect(await nameHits(db, '芳 芳')).toEqual([{ rowid: 2 }])
    const digits = await db.all('SELECT rowid FROM member_number_fts WHERE member_number_fts MATCH ?', ['"0000111"'])
    expect(digits).toEqual([])
    const now = await db.all('SELECT rowid FROM member_number_fts WHERE member_number_fts MATCH ?', ['"0002222"'])
    expect(now).toEqual([{ rowid: 2 }])
  })

  it('finds a two-character name only as adjacent characters', async () => {
    await applyOnly(db, 50)
    await addMember(db, '张三', '张 三', '')
    await addMember(db, '三张', '三 张', '')
    expect(await nameHits(db, '张 三')).toEqual([{ rowid: 1 }])
  })
})
