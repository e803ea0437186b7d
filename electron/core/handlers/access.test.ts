import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { devKeyFileProtector, makeTempDir } from '../../../tests/fixtures/temp-workspace'
import { CHANNEL_ACCESS } from '../../../shared/access'
import { CHANNELS, type Channel } from '../../../shared/contract'
import { AppCore } from '../app-core'
import { dispatch } from '../dispatch'
import { createHandlers, type Handlers } from './index'

const member = {
  name: '韩学明', cardNo: null, gender: null, birthDate: null, ethnicity: '35', idNumber: '11010519491231002X',
  mobile: null, education: null, politicalStatus: null, nativePlace: null, departmentId: 1, post: null, title: null,
  employeeNo: null, joinDate: '2010-05-01', wageBaseFen: null, migrantWorker: false,
}

describe('access rules enforced in core on every call', () => {
  let tmp: ReturnType<typeof makeTempDir>
  let core: AppCore
  let h: Handlers
  let now = Date.parse('2026-11-27T09:00:00Z')
  const as = (sessionKey: string) => ({ host: 'web' as const, sessionKey })
  const call = (c: Channel, req: unknown, key: string) => dispatch(h, c, req, as(key))

  beforeEach(async () => {
    tmp = makeTempDir()
    core = await AppCore.open({ dataDir: tmp.dir, keyProtector: devKeyFileProtector, version: '1', clock: { now: () => new Date(now) } })
    h = createHandlers(core)
    await call('auth.setupChair', { username: 'zhuxi', displayName: '李卫东', password: 'Chair2026!' }, 'chair')
    await call('departments.create', { name: '综合办公室' }, 'chair')
    for (const [username, role] of [['ganshi', 'secretary'], ['caiwu', 'treasurer'], ['chakan', 'viewer']] as const) {
      await call('users.create', { username, displayName: username, role, password: 'Temp2026!' }, 'chair')
      await call('auth.login', { username, password: 'Temp2026!' }, username)
      await call('auth.changePassword', { oldPassword: 'Temp2026!', newPassword: 'Mine2026!' }, username)
    }
  })
  afterEach(async () => { await core.close(); tmp.cleanup() })

  it('declares an access rule for every channel', () => {
    expect(Object.keys(CHANNEL_ACCESS).sort()).toEqual([...CHANNELS].sort())
  })

  it('refuses everything but public channels before sign-in', async () => {
    expect(await call('members.search', {}, 'stranger')).toMatchObject({ ok: false, error: { code: 'unauthenticated', message: '请先登录' } })
    expect(await call('app.info', {}, 'stranger')).toMatchObject({ ok: true })
    expect(await call('auth.setupChair', { username: 'x2', displayName: 'x', password: 'Chair2026!' }, 'stranger'))
      .toMatchObject({ ok: false, error: { code: 'conflict' } })
  })

  it('lets a viewer read but not write, and a secretary write but not manage users', async () => {
    expect(await call('members.search', {}, 'chakan')).toMatchObject({ ok: true })
    expect(await call('members.create', member, 'chakan')).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('没有权限') } })
    expect(await call('members.create', member, 'caiwu')).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await call('members.create', member, 'ganshi')).toMatchObject({ ok: true })
    expect(await call('users.list', {}, 'ganshi')).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await call('audit.list', {}, 'ganshi')).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await call('members.revealIdNumber', { id: 1 }, 'chakan')).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await call('members.revealIdNumber', { id: 1 }, 'ganshi')).toMatchObject({ ok: true, value: { idNumber: '11010519491231002X' } })
  })

  it('audits every write with who did it, and reveals', async () => {
    await call('members.create', member, 'ganshi')
    await call('members.revealIdNumber', { id: 1 }, 'chair')
    const r = await call('audit.list', { entity: 'member' }, 'chair')
    expect(r).toMatchObject({ ok: true })
    const rows = (r as { value: { rows: Array<{ action: string; actorName: string; changes: Record<string, unknown> }> } }).value.rows
    expect(rows.map((x) => [x.action, x.actorName])).toEqual([['member.revealIdNumber', '李卫东'], ['member.create', 'ganshi']])
    expect(rows[1]!.changes.idNumber).toEqual([null, '110105********002X'])
    expect(await call('audit.verify', {}, 'chair')).toMatchObject({ ok: true, value: { ok: true, brokenAtId: null } })
  })

  it('locks an idle session and unlocks it with the password', async () => {
    now += 11 * 60_000
    expect(await call('members.search', {}, 'ganshi')).toMatchObject({ ok: false, error: { messageKey: 'auth.sessionLocked' } })
    expect(await call('auth.unlock', { password: 'wrong-one1' }, 'ganshi')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } })
    expect(await call('auth.unlock', { password: 'Mine2026!' }, 'ganshi')).toMatchObject({ ok: true, value: { locked: false } })
    expect(await call('members.search', {}, 'ganshi')).toMatchObject({ ok: true })
  })

  it('takes rights away at once when the chair changes a role', async () => {
    await call('users.update', { id: 2, displayName: 'ganshi', role: 'viewer', disabled: false }, 'chair')
    expect(await call('members.search', {}, 'ganshi')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } })
  })

  it('holds a user with a reset password to changing it first', async () => {
    await call('users.resetPassword', { id: 4, newPassword: 'Reset2026!' }, 'chair')
    await call('auth.login', { username: 'chakan', password: 'Reset2026!' }, 'chakan2')
    expect(await call('members.search', {}, 'chakan2')).toMatchObject({ ok: false, error: { messageKey: 'auth.mustChangePassword' } })
  })
})

describe('security settings', () => {
  it('lets the chair tighten the rules, which apply at once, and records the change', async () => {
    const tmp = makeTempDir()
    let now = Date.parse('2026-11-27T09:00:00Z')
    const core = await AppCore.open({ dataDir: tmp.dir, keyProtector: devKeyFileProtector, version: '1', clock: { now: () => new Date(now) } })
    try {
      const h = createHandlers(core)
      const chair = { host: 'web' as const, sessionKey: 'c' }
      await dispatch(h, 'auth.setupChair', { username: 'zhuxi', displayName: '李卫东', password: 'Chair2026!' }, chair)
      expect(await dispatch(h, 'settings.getSecurity', {}, chair)).toMatchObject({ ok: true, value: { maxFailedLogins: 5, lockoutMinutes: 15, idleLockMinutes: 10 } })
      const saved = await dispatch(h, 'settings.saveSecurity', { maxFailedLogins: 3, lockoutMinutes: 30, idleLockMinutes: 2, backupKeepCount: 7 }, chair)
      expect(saved).toMatchObject({ ok: true, value: { idleLockMinutes: 2 } })
      now += 3 * 60_000
      expect(await dispatch(h, 'members.search', {}, chair)).toMatchObject({ ok: false, error: { messageKey: 'auth.sessionLocked' } })
      expect(await dispatch(h, 'settings.saveSecurity', { maxFailedLogins: 1, lockoutMinutes: 30, idleLockMinutes: 2, backupKeepCount: 7 }, chair))
        .toMatchObject({ ok: false })
      const trail = await core.workspace.audit.list(core.workspace.db, { entity: 'settings', offset: 0, limit: 5 })
      expect(trail.rows[0]!.changes).toMatchObject({ idleLockMinutes: [10, 2], maxFailedLogins: [5, 3] })
    } finally {
      await core.close()
      tmp.cleanup()
    }
  })
})

describe('refusal before validation', () => {
  it('tells a viewer "forbidden", not which fields a write would need', async () => {
    const tmp = makeTempDir()
    const core = await AppCore.open({ dataDir: tmp.dir, keyProtector: devKeyFileProtector, version: '1' })
    try {
      const h = createHandlers(core)
      expect(await dispatch(h, 'members.create', { name: '' }, { host: 'web', sessionKey: 'nobody' }))
        .toMatchObject({ ok: false, error: { code: 'unauthenticated' } })
    } finally {
      await core.close()
      tmp.cleanup()
    }
  })
})
