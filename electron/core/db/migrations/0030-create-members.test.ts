import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../../../../tests/fixtures/temp-workspace'
import type { Database } from '../sqlite'
import { databaseAt, queryPlan } from './migration-test-kit'

const insert = (db: Database, id: string | null, emp: string | null) =>
  db.run(`INSERT INTO members (name, id_number, employee_no, name_tokens, name_pinyin, name_initials, created_at, updated_at)
          VALUES ('张三', ?, ?, '张 三', 'zhangsan', 'zs', 'now', 'now')`, [id, emp])

describe('0030 create-members', () => {
  let tmp: ReturnType<typeof makeTempDir>
  let db: Database
  beforeEach(async () => { tmp = makeTempDir(); db = await databaseAt(tmp.dir, 30) })
  afterEach(async () => { await db.close(); tmp.cleanup() })

  it('enforces unique ID numbers and employee numbers but allows many blanks', async () => {
    await insert(db, '11010519491231002X', 'E1')
    await insert(db, null, null)
    await insert(db, null, null)
    await expect(insert(db, '11010519491231002X', 'E2')).rejects.toThrow(/UNIQUE/)
    await expect(insert(db, null, 'E1')).rejects.toThrow(/UNIQUE/)
  })

  it('never deletes a member and checks the status values', async () => {
    await insert(db, null, null)
    await expect(db.run('DELETE FROM members')).rejects.toThrow(/never deleted/)
    await expect(db.run("UPDATE members SET status = 'gone'")).rejects.toThrow(/CHECK/)
  })

  it('answers pinyin prefix look-ups from an index', async () => {
    const plan = await queryPlan(db, "SELECT id FROM members WHERE name_initials GLOB 'zs*'")
    expect(plan).toMatch(/USING (COVERING )?INDEX members_by_initials/)
  })
})
