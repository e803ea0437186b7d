import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../../../tests/fixtures/temp-workspace'
import { AuditTrail } from '../audit/audit-trail'
import type { Clock } from '../clock'
import { migrate } from '../db/migrate'
import { Database } from '../db/sqlite'
import { AccountService } from './account-service'
import { checkPasswordPolicy, hashPassword, verifyPassword } from './password'
import { join } from 'node:path'

describe('passwords', () => {
  it('hashes with scrypt and a per-user salt', async () => {
    const a = await hashPassword('Qinghai2026')
    const b = await hashPassword('Qinghai2026')
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/)
    expect(a).not.toBe(b)
    expect(await verifyPassword('Qinghai2026', a)).toBe(true)
    expect(await verifyPassword('qinghai2026', a)).toBe(false)
  })
  it('applies the minimum policy', () => {
    expect(checkPasswordPolicy('short1')).toBe('password.tooShort')
    expect(checkPasswordPolicy('abcdefghij')).toBe('password.oneClass')
    expect(checkPasswordPolicy('12345678')).toBe('password.oneClass')
    expect(checkPasswordPolicy('abcd1234')).toBeNull()
  })
})

describe('AccountService', () => {
  let tmp: ReturnType<typeof makeTempDir>
  let db: Database
  let accounts: AccountService
  let now = Date.parse('2026-11-27T09:00:00Z')
  const clock: Clock = { now: () => new Date(now) }
  const audit = new AuditTrail(Buffer.alloc(32, 7))

  beforeEach(async () => {
    tmp = makeTempDir()
    db = await Database.open(join(tmp.dir, 'a.sqlite'))
    await migrate(db)
    accounts = new AccountService(db, audit, clock)
  })
  afterEach(async () => { await db.close(); tmp.cleanup() })

  it('creates the chair once, on first run only', async () => {
    expect(await accounts.needsSetup()).toBe(true)
    const chair = await accounts.setupChair({ username: 'zhuxi', displayName: '李卫东', password: 'Chair2026!' })
    expect(chair.role).toBe('chair')
    expect(await accounts.needsSetup()).toBe(false)
    await expect(accounts.setupChair({ username: 'x2', displayName: 'x', password: 'Chair2026!' })).rejects.toMatchObject({ messageKey: 'auth.alreadySetUp' })
  })

  it('locks an account for 15 minutes after 5 wrong passwords, then lets it in again', async () => {
    await accounts.setupChair({ username: 'zhuxi', displayName: '李卫东', password: 'Chair2026!' })
    for (let i = 1; i <= 4; i++) {
      await expect(accounts.authenticate('zhuxi', 'wrong-pass1')).rejects.toMatchObject({ code: 'unauthenticated', params: { remaining: 5 - i } })
    }
    await expect(accounts.authenticate('zhuxi', 'wrong-pass1')).rejects.toMatchObject({ messageKey: 'auth.lockedOut', params: { minutes: 15 } })
    // Even the right password is refused while locked.
    await expect(accounts.authenticate('zhuxi', 'Chair2026!')).rejects.toMatchObject({ messageKey: 'auth.lockedOut' })
    now += 16 * 60_000
    await expect(accounts.authenticate('zhuxi', 'Chair2026!')).resolves.toMatchObject({ username: 'zhuxi' })
    const trail = await audit.list(db, { offset: 0, limit: 50 })
    expect(trail.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['auth.failed', 'auth.lockout', 'auth.login']))
  })

  it('does not say whether a user name exists', async () => {
    await accounts.setupChair({ username: 'zhuxi', displayName: '李卫东', password: 'Chair2026!' })
    await expect(accounts.authenticate('nobody', 'whatever1')).rejects.toMatchObject({ messageKey: 'auth.invalid' })
  })

  it('lets the chair add users with a temporary password and never removes the last chair', async () => {
    const chair = await accounts.setupChair({ username: 'zhuxi', displayName: '李卫东', password: 'Chair2026!' })
    const actor = { id: chair.id, name: chair.displayName }
    const sec = await accounts.create(actor, { username: 'ganshi', displayName: '马秀英', role: 'secretary', password: 'Temp2026!' })
    expect(sec).toMatchObject({ role: 'secretary', mustChangePassword: true })
    await expect(accounts.create(actor, { username: 'GANSHI', displayName: 'x', role: 'viewer', password: 'Temp2026!' }))
      .rejects.toMatchObject({ messageKey: 'duplicate.username' })
    await expect(accounts.update(actor, { id: chair.id, displayName: '李卫东', role: 'viewer', disabled: false }))
      .rejects.toMatchObject({ messageKey: 'user.lastChair' })
    await accounts.resetPassword(actor, sec.id, 'NewTemp2026')
    const signedIn = await accounts.authenticate('ganshi', 'NewTemp2026')
    expect(signedIn.mustChangePassword).toBe(true)
    await accounts.changePassword(sec.id, 'NewTemp2026', 'Mine2026!')
    expect((await accounts.authenticate('ganshi', 'Mine2026!')).mustChangePassword).toBe(false)
    await accounts.update(actor, { id: sec.id, displayName: '马秀英', role: 'secretary', disabled: true })
    await expect(accounts.authenticate('ganshi', 'Mine2026!')).rejects.toMatchObject({ messageKey: 'auth.invalid' })
  })
})
