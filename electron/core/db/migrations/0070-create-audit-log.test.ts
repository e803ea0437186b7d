import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../../../../tests/fixtures/temp-workspace'
import type { Database } from '../sqlite'
import { databaseAt, queryPlan } from './migration-test-kit'

describe('0070 create-audit-log', () => {
  let tmp: ReturnType<typeof makeTempDir>
  let db: Database
  beforeEach(async () => { tmp = makeTempDir(); db = await databaseAt(tmp.dir, 70) })
  afterEach(async () => { await db.close(); tmp.cleanup() })

  it('is append-only, holds JSON changes, and finds a record’s entries by index', async () => {
    const add = (changes: string) => db.run(
      `INSERT INTO audit_log (at, actor_name, action, entity, entity_id, changes, prev_hash, hash)
       VALUES ('now', 'a', 'member.create', 'member', '1', ?, 'genesis', 'h')`, [changes])
    await add('{}')
    await expect(add('not json')).rejects.toThrow(/CHECK/)
    await expect(db.run("UPDATE audit_log SET action = 'x'")).rejects.toThrow(/append-only/)
    await expect(db.run('DELETE FROM audit_log')).rejects.toThrow(/append-only/)
    expect(await queryPlan(db, "SELECT * FROM audit_log WHERE entity = 'member' AND entity_id = '1'")).toMatch(/audit_log_by_entity/)
  })
})
