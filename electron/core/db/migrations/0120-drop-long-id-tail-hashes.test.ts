import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../../../../tests/fixtures/temp-workspace'
import type { Database } from '../sqlite'
import { applyOnly, databaseAt } from './migration-test-kit'

describe('0120 drop-long-id-tail-hashes', () => {
  let tmp: ReturnType<typeof makeTempDir>
  let db: Database
  beforeEach(async () => { tmp = makeTempDir(); db = await databaseAt(tmp.dir, 110) })
  afterEach(async () => { await db.close(); tmp.cleanup() })

  it('drops the last-5/6 blind indexes and keeps every member, its sealed number and its last-4 index', async () => {
    await db.run(`INSERT INTO members (name, name_tokens, name_pinyin, name_initials, id_number_enc, id_number_hash, id_tail4_hash,
                    id_tail5_hash, id_tail6_hash, created_at, updated_at)
                  VALUES ('甲', '甲', 'jia', 'j', 'v1.sealed', 'whole', 't4', 't5', 't6', 'now', 'now')`)
    await applyOnly(db, 120)
    const columns = (await db.all<{ name: string }>("SELECT name FROM pragma_table_info('members')")).map((c) => c.name)
    expect(columns).toContain('id_tail4_hash')
    expect(columns.filter((c) => /^id_tail[56]/.test(c))).toEqual([])
    expect(await db.all('SELECT id, name, id_number_enc AS enc, id_number_hash AS hash FROM members WHERE id_tail4_hash = ?', ['t4']))
      .toEqual([{ id: 1, name: '甲', enc: 'v1.sealed', hash: 'whole' }])
    // The search trigger still indexes new members after the table was rebuilt.
    await db.run("INSERT INTO members (name, name_tokens, name_pinyin, name_initials, created_at, updated_at) VALUES ('乙', '乙', 'yi', 'y', 'now', 'now')")
    expect(await db.all("SELECT rowid FROM member_name_fts WHERE member_name_fts MATCH '乙'")).toEqual([{ rowid: 2 }])
  })
})
