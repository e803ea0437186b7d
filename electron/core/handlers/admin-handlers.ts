import { resolve } from 'node:path'
import { stat } from 'node:fs/promises'
import { ValidationError } from '../errors'
import { readNumberSetting, writeSetting } from '../accounts/settings-repository'
import { diffForAudit, type Actor } from '../audit/audit-trail'
import type { AppCore } from '../app-core'
import type { GuardedHandlers } from './types'

type AdminChannel = 'settings.getSecurity' | 'settings.saveSecurity' | 'users.list' | 'users.create' | 'users.update' | 'users.resetPassword' | 'audit.list' | 'audit.verify'
  | 'backup.list' | 'backup.create' | 'backup.exportTo' | 'backup.restore'

export function adminHandlers(core: AppCore): GuardedHandlers<AdminChannel> {
  const ws = () => core.workspace
  const record = (actor: Actor, action: string, changes: Record<string, unknown>) =>
    ws().db.transaction((tx) => ws().audit.record(tx, actor, { action, entity: 'backup', entityId: null, changes }, ws().clock.now().toISOString()))
  const readSettings = async () => ({
    maxFailedLogins: await readNumberSetting(ws().db, 'security.maxFailedLogins'),
    lockoutMinutes: await readNumberSetting(ws().db, 'security.lockoutMinutes'),
    idleLockMinutes: await readNumberSetting(ws().db, 'security.idleLockMinutes'),
    backupKeepCount: await readNumberSetting(ws().db, 'backup.keepCount'),
  })
  return {
    'settings.getSecurity': readSettings,
    'settings.saveSecurity': async (req, ctx) => {
      const before = await readSettings()
      await ws().db.transaction(async (tx) => {
        await writeSetting(tx, 'security.maxFailedLogins', req.maxFailedLogins)
        await writeSetting(tx, 'security.lockoutMinutes', req.lockoutMinutes)
        await writeSetting(tx, 'security.idleLockMinutes', req.idleLockMinutes)
        await writeSetting(tx, 'backup.keepCount', req.backupKeepCount)
        await ws().audit.record(tx, ctx.actor, { action: 'settings.saveSecurity', entity: 'settings', entityId: null,
          changes: diffForAudit(before, req, ['maxFailedLogins', 'lockoutMinutes', 'idleLockMinutes', 'backupKeepCount']) }, ws().clock.now().toISOString())
      })
      await core.reloadSettings()
      return readSettings()
    },
    'users.list': () => ws().accounts.list(),
    'users.create': (req, ctx) => ws().accounts.create(ctx.actor, req),
    'users.update': async (req, ctx) => {
      const user = await ws().accounts.update(ctx.actor, req)
      core.sessions.endForUser(user.id) // new role or disabled: no old rights in open sessions
      return user
    },
    'users.resetPassword': async (req, ctx) => {
      await ws().accounts.resetPassword(ctx.actor, req.id, req.newPassword)
      core.sessions.endForUser(req.id)
      return (await ws().accounts.list()).find((u) => u.id === req.id)!
    },

    'audit.list': (req) => ws().audit.list(ws().db, req),
    'audit.verify': async () => {
      const r = await ws().audit.verify(ws().db)
      return { ok: r.ok, count: r.count, brokenAtId: r.ok ? null : r.brokenAtId }
    },

    'backup.list': () => ws().backups.list(),
    'backup.create': async (_req, ctx) => {
      const b = await ws().backups.create('manual')
      await record(ctx.actor, 'backup.create', { name: b.name })
      return b
    },
    'backup.exportTo': async (req, ctx) => {
      const folder = resolve(req.folder)
      const isDir = await stat(folder).then((s) => s.isDirectory(), () => false)
      if (!isDir) throw new ValidationError('folder', 'backup.folder')
      const b = await ws().backups.create('manual', folder)
      await record(ctx.actor, 'backup.exportTo', { name: b.name, folder })
      return b
    },
    'backup.restore': async (req, ctx) => {
      await core.restore(req.name)
      // Written into the restored register, so its own trail says where it came from.
      await record(ctx.actor, 'backup.restore', { name: req.name })
      return core.info(ctx.host)
    },
  }
}
