import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../../../../tests/fixtures/temp-workspace'
import type { Database } from '../sqlite'
import { databaseAt } from './migration-test-kit'

describe('0010 create-org-profile', () => {
  let tmp: ReturnType<typeof makeTempDir>
  let db: Database
  beforeEach(async () => { tmp = makeTempDir(); db = await databaseAt(tmp.dir, 10) })
  afterEach(async () => { await db.close(); tmp.cleanup() })

  it('keeps exactly one profile row holding valid JSON', async () => {
    await db.run("INSERT INTO org_profile (id, data, updated_at) VALUES (1, '{}', 'now')")
    await expect(db.run("INSERT INTO org_profile (id, data, updated_at) VALUES (2, '{}', 'now')")).rejects.toThrow(/CHECK/)
    await expect(db.run("UPDATE org_profile SET data = 'not json' WHERE id = 1")).rejects.toThrow(/CHECK/)
    expect((await db.get<{ user_version: number }>('PRAGMA user_version'))?.user_version).toBe(10)
  })
})
