import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../../../../tests/fixtures/temp-workspace'
import type { Database } from '../sqlite'
import { databaseAt } from './migration-test-kit'

describe('0060 create-users', () => {
  let tmp: ReturnType<typeof makeTempDir>
  let db: Database
  beforeEach(async () => { tmp = makeTempDir(); db = await databaseAt(tmp.dir, 60) })
  afterEach(async () => { await db.close(); tmp.cleanup() })

  it('keeps user names unique regardless of case, checks roles, never deletes', async () => {
    const add = (name: string, role = 'chair') => db.run(
      "INSERT INTO users (username, display_name, role, password_hash, created_at, updated_at) VALUES (?, 'x', ?, 'h', 'now', 'now')", [name, role])
    await add('zhuxi')
    await expect(add('ZhuXi')).rejects.toThrow(/UNIQUE/)
    await expect(add('other', 'admin')).rejects.toThrow(/CHECK/)
    await expect(db.run('DELETE FROM users')).rejects.toThrow(/never deleted/)
  })
})
