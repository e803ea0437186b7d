import type { AppCore } from '../app-core'
import type { GuardedHandlers } from './types'

type AppChannel = 'app.info' | 'app.useDemo' | 'app.useReal' | 'auth.session' | 'auth.setupChair' | 'auth.login'
  | 'auth.logout' | 'auth.lock' | 'auth.unlock' | 'auth.changePassword'

export function appHandlers(core: AppCore): GuardedHandlers<AppChannel> {
  const now = () => core.workspace.clock.now().getTime()
  const signIn = async (key: string, user: { id: number; username: string; displayName: string; role: 'chair' | 'secretary' | 'treasurer' | 'viewer'; mustChangePassword: boolean }) => {
    core.sessions.start(key, { userId: user.id, username: user.username, displayName: user.displayName, role: user.role, mustChangePassword: user.mustChangePassword }, now())
    return core.sessionInfo(key)
  }
  return {
    'app.info': (_req, ctx) => core.info(ctx.host),
    'app.useDemo': async (_req, ctx) => { await core.switchTo('demo'); return core.info(ctx.host) },
    'app.useReal': async (_req, ctx) => { await core.switchTo('real'); return core.info(ctx.host) },

    'auth.session': (_req, ctx) => core.sessionInfo(ctx.sessionKey),
    'auth.setupChair': async (req, ctx) => signIn(ctx.sessionKey, await core.workspace.accounts.setupChair(req)),
    'auth.login': async (req, ctx) => signIn(ctx.sessionKey, await core.workspace.accounts.authenticate(req.username, req.password)),
    'auth.logout': async (_req, ctx) => {
      if (ctx.actor.id !== null && core.workspace.kind === 'real') {
        await core.workspace.db.transaction((tx) => core.workspace.audit.record(tx, ctx.actor,
          { action: 'auth.logout', entity: 'user', entityId: ctx.actor.id, changes: {} }, core.workspace.clock.now().toISOString()))
      }
      core.sessions.end(ctx.sessionKey)
      return core.sessionInfo(ctx.sessionKey)
    },
    'auth.lock': async (_req, ctx) => { core.sessions.lock(ctx.sessionKey); return core.sessionInfo(ctx.sessionKey) },
    'auth.unlock': async (req, ctx) => {
      const info = await core.sessionInfo(ctx.sessionKey)
      if (!info.user) return info
      // Same rules as signing in: wrong passwords count towards the lock-out.
      await core.workspace.accounts.authenticate(info.user.username, req.password)
      core.sessions.unlock(ctx.sessionKey, now())
      return core.sessionInfo(ctx.sessionKey)
    },
    'auth.changePassword': async (req, ctx) => {
      const info = await core.sessionInfo(ctx.sessionKey)
      await core.workspace.accounts.changePassword(info.user!.id, req.oldPassword, req.newPassword)
      return signIn(ctx.sessionKey, await core.workspace.accounts.get(info.user!.id))
    },
  }
}
