import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../../../tests/fixtures/temp-workspace'
import { migrate } from '../db/migrate'
import { Database } from '../db/sqlite'
import { AuditTrail, diffForAudit } from './audit-trail'

describe('audit trail', () => {
  let tmp: ReturnType<typeof makeTempDir>
  let db: Database
  const trail = new AuditTrail(Buffer.alloc(32, 1))
  const actor = { id: 1, name: '李卫东' }
  beforeEach(async () => {
    tmp = makeTempDir()
    db = await Database.open(join(tmp.dir, 'a.sqlite'))
    await migrate(db)
    for (let i = 1; i <= 5; i++) {
      await db.transaction((tx) => trail.record(tx, actor, { action: 'member.update', entity: 'member', entityId: i, changes: { post: ['a', `b${i}`] } }, `2026-11-27T0${i}:00:00Z`))
    }
  })
  afterEach(async () => { await db.close(); tmp.cleanup() })

  it('verifies an intact chain', async () => {
    expect(await trail.verify(db)).toEqual({ ok: true, count: 5 })
  })

  it('refuses UPDATE and DELETE', async () => {
    await expect(db.run("UPDATE audit_log SET actor_name = 'x'")).rejects.toThrow(/append-only/)
    await expect(db.run('DELETE FROM audit_log WHERE id = 1')).rejects.toThrow(/append-only/)
  })

  it('finds the first broken link when a row is edited around the triggers', async () => {
    await db.exec('DROP TRIGGER audit_log_no_update')
    await db.run(`UPDATE audit_log SET changes = '{"post":["a","forged"]}' WHERE id = 3`)
    expect(await trail.verify(db)).toEqual({ ok: false, count: 5, brokenAtId: 3 })
  })

  it('finds a removed row, and a chain rebuilt without the key', async () => {
    await db.exec('DROP TRIGGER audit_log_no_delete')
    await db.run('DELETE FROM audit_log WHERE id = 2')
    expect(await trail.verify(db)).toMatchObject({ ok: false, brokenAtId: 3 })
    const forger = new AuditTrail(Buffer.alloc(32, 9))
    expect(await forger.verify(db)).toMatchObject({ ok: false, brokenAtId: 1 })
  })

  it('masks sensitive values in the recorded difference', () => {
    const d = diffForAudit({ idNumber: '63010219900101123X', name: 'a' }, { idNumber: '630102199001011255', name: 'a' }, ['idNumber', 'name'],
      (f, v) => (f === 'idNumber' && typeof v === 'string' ? `${v.slice(0, 6)}********${v.slice(14)}` : v))
    expect(d).toEqual({ idNumber: ['630102********123X', '630102********1255'] })
  })
})
