import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../../../../tests/fixtures/temp-workspace'
import type { Database } from '../sqlite'
import { applyOnly, databaseAt, tableNames } from './migration-test-kit'

const addMember = (db: Database, name: string, tokens: string, employeeNoGrams: string, mobileGrams: string) =>
  db.run(`INSERT INTO members (name, name_tokens, employee_no_grams, mobile_grams, name_pinyin, name_initials, created_at, updated_at)
          VALUES (?, ?, ?, ?, 'x', 'x', 'now', 'now')`, [name, tokens, employeeNoGrams, mobileGrams])

const nameHits = async (db: Database, match: string) =>
  (await db.all<{ rowid: number }>('SELECT rowid FROM member_name_fts WHERE member_name_fts MATCH ? ORDER BY rowid', [match])).map((r) => r.rowid)
const numberHits = async (db: Database, match: string) =>
  (await db.all<{ rowid: number }>('SELECT rowid FROM member_number_fts WHERE member_number_fts MATCH ? ORDER BY rowid', [match])).map((r) => r.rowid)

describe('0130 drop-search-doc-sizes', () => {
  let tmp: ReturnType<typeof makeTempDir>
  let db: Database
  beforeEach(async () => { tmp = makeTempDir(); db = await databaseAt(tmp.dir, 120) })
  afterEach(async () => { await db.close(); tmp.cleanup() })

  it('re-indexes the members already there, without the size tables', async () => {
    await addMember(db, '张伟', '张 伟 张伟', 'e100 1004 004', '1391 3912 9123 1234 2345 3456 4567 5678 678')
    await addMember(db, '李娜', '李 娜 李娜', '', '')
    await applyOnly(db, 130)
    expect(await tableNames(db)).not.toContain('member_name_fts_docsize')
    expect(await tableNames(db)).not.toContain('member_number_fts_docsize')
    expect(await nameHits(db, '"张伟"')).toEqual([1])
    expect(await nameHits(db, '"李"')).toEqual([2])
    expect(await numberHits(db, '"1234 2345"')).toEqual([1])
    await db.exec("INSERT INTO member_name_fts(member_name_fts, rank) VALUES ('integrity-check', 0)")
  })

  it('keeps new members found and changed ones found only by their new values', async () => {
    await applyOnly(db, 130)
    await addMember(db, '王芳', '王 芳 王芳', 'q778 778', '1380 3800 8000 0000 0001 0011 0111 1111 111')
    await addMember(db, '王芳', '王 芳 王芳', '', '')
    expect(await nameHits(db, '"王芳"')).toEqual([1, 2])

    await db.run("UPDATE members SET name = '王方', name_tokens = '王 方 王方', mobile_grams = '1370 3700 7000 0000 0002 0022 0222 2222 222' WHERE id = 1")
    expect(await nameHits(db, '"王芳"')).toEqual([2])
    expect(await nameHits(db, '"王方"')).toEqual([1])
    expect(await numberHits(db, '"0011 0111"')).toEqual([])
    expect(await numberHits(db, '"0022 0222"')).toEqual([1])
    expect(await numberHits(db, '"778"')).toEqual([1]) // the employee no. was left as it was

    // The old entries are really gone from the index, not just hidden behind the new ones.
    await db.exec('CREATE VIRTUAL TABLE temp.name_terms USING fts5vocab(main, member_name_fts, row)')
    expect(await db.all("SELECT term, doc FROM temp.name_terms WHERE term IN ('芳', '方') ORDER BY term"))
      .toEqual([{ term: '方', doc: 1 }, { term: '芳', doc: 1 }])
    for (const table of ['member_name_fts', 'member_number_fts']) {
      await db.exec(`INSERT INTO ${table}(${table}, rank) VALUES ('integrity-check', 0)`)
    }
  })
})
