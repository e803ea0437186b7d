import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../../../../tests/fixtures/temp-workspace'
import type { Database } from '../sqlite'
import { databaseAt, queryPlan } from './migration-test-kit'

describe('0040 create-member-history', () => {
  let tmp: ReturnType<typeof makeTempDir>
  let db: Database
  beforeEach(async () => { tmp = makeTempDir(); db = await databaseAt(tmp.dir, 40) })
  afterEach(async () => { await db.close(); tmp.cleanup() })

  it('is append-only and tied to an existing member', async () => {
    await db.run(`INSERT INTO members (id, name, name_tokens, name_pinyin, name_initials, created_at, updated_at)
                  VALUES (1, '李四', '李 四', 'lisi', 'ls', 'now', 'now')`)
    await db.run("INSERT INTO member_history (member_id, kind, event_date, created_at) VALUES (1, 'join', '2020-01-01', 'now')")
    await expect(db.run("UPDATE member_history SET kind = 'exit'")).rejects.toThrow(/append-only/)
    await expect(db.run('DELETE FROM member_history')).rejects.toThrow(/append-only/)
    await expect(db.run("INSERT INTO member_history (member_id, kind, event_date, created_at) VALUES (99, 'join', '2020-01-01', 'now')"))
      .rejects.toThrow(/FOREIGN KEY/)
    expect(await queryPlan(db, 'SELECT * FROM member_history WHERE member_id = 1 ORDER BY id')).toMatch(/member_history_by_member/)
  })
})
