import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../../../../tests/fixtures/temp-workspace'
import type { Database } from '../sqlite'
import { databaseAt } from './migration-test-kit'

describe('0020 create-departments', () => {
  let tmp: ReturnType<typeof makeTempDir>
  let db: Database
  beforeEach(async () => { tmp = makeTempDir(); db = await databaseAt(tmp.dir, 20) })
  afterEach(async () => { await db.close(); tmp.cleanup() })

  it('refuses two departments with the same name', async () => {
    await db.run("INSERT INTO departments (name, created_at) VALUES ('检修维护部', 'now')")
    await expect(db.run("INSERT INTO departments (name, created_at) VALUES ('检修维护部', 'now')")).rejects.toThrow(/UNIQUE/)
  })
})
