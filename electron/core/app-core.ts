import { copyFile, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { CHANNEL_ACCESS } from '../../shared/access'
import type { SessionInfo } from '../../shared/domain/account'
import { can, type Role } from '../../shared/domain/roles'
import type { Channel } from '../../shared/contract'
import { toPublicUser } from './accounts/account-service'
import { SessionStore } from './accounts/session-store'
import { readNumberSetting } from './accounts/settings-repository'
import type { Actor } from './audit/audit-trail'
import { checkIntegrity } from './backup/backup-service'
import { FileStore } from './files/file-store'
import type { HostDialogs } from './files/host-dialogs'
import { ImportJobs } from './import-jobs/import-jobs'
import { ForbiddenError, UnauthenticatedError, ValidationError } from './errors'
import {
  databaseFile, openWorkspace, readLastWorkspace, writeLastWorkspace, type CoreOptions, type Workspace, type WorkspaceKind,
} from './workspace'

/** What a host knows about a call: which host, and which signed-in session (window or cookie). */
export type CallContext = { host: 'electron' | 'web'; sessionKey?: string }
/** What a handler gets after the access check: who is acting, in which role. */
export type HandlerContext = CallContext & { sessionKey: string; actor: Actor; role: Role | null }

const DEMO_ACTOR: Actor = { id: null, name: '示例主席' }
const ANONYMOUS = 'anonymous'

/**
 * Everything the contract handlers reach: the current workspace (real register or demo), the
 * signed-in sessions, and the access rules applied to every call.
 */
export type AppCoreOptions = CoreOptions & {
  version: string
  log?: (err: unknown) => void
  /** Electron's open/save dialogs; absent in the web host, where the browser uploads and downloads. */
  dialogs?: HostDialogs
}

export class AppCore {
  readonly sessions = new SessionStore()
  readonly imports = new ImportJobs()
  readonly files: FileStore
  readonly dialogs: HostDialogs | undefined
  /** The start-up backup, for tests and for closing cleanly. */
  pendingBackup: Promise<unknown> = Promise.resolve()
  private idleMs = 0

  private constructor(
    private current: Workspace,
    private readonly options: AppCoreOptions,
    readonly version: string,
    private readonly log: (err: unknown) => void,
  ) {
    this.files = new FileStore(join(options.dataDir, 'tmp'))
    this.dialogs = options.dialogs
  }

  static async open(options: AppCoreOptions): Promise<AppCore> {
    const kind = await readLastWorkspace(options.dataDir)
    const core = new AppCore(await openWorkspace(kind, options), options, options.version, options.log ?? ((e) => console.error('[uniondesk]', e)))
    await core.files.reset()
    await core.afterOpen()
    return core
  }

  get workspace(): Workspace {
    return this.current
  }

  /** After the chair changes the rules: the idle limit applies from the next call. */
  async reloadSettings(): Promise<void> {
    this.idleMs = (await readNumberSetting(this.current.db, 'security.idleLockMinutes')) * 60_000
  }

  private async afterOpen(): Promise<void> {
    await this.reloadSettings()
    // At most daily, in the background: the backup reads through its own connection.
    if (this.current.kind === 'real') this.pendingBackup = this.current.backups.createDailyIfDue().catch(this.log)
  }

  async switchTo(kind: WorkspaceKind): Promise<Workspace> {
    if (this.current.kind !== kind) {
      await this.imports.cancelAll()
      const next = await openWorkspace(kind, this.options)
      const previous = this.current
      this.current = next
      this.sessions.clear()
      await this.pendingBackup
      await previous.db.close()
      await writeLastWorkspace(this.options.dataDir, kind)
      await this.afterOpen()
    }
    return this.current
  }

  /**
   * The access check for one call (shared/access.ts). Public channels pass with whoever is signed
   * in; the rest need an unlocked session whose role has the channel's permission. The demo
   * workspace runs as a built-in chair.
   */
  authorize(channel: Channel, ctx: CallContext): HandlerContext {
    const sessionKey = ctx.sessionKey ?? ANONYMOUS
    if (this.current.kind === 'demo') return { ...ctx, sessionKey, actor: DEMO_ACTOR, role: 'chair' }
    const now = this.current.clock.now().getTime()
    const session = sessionKey === ANONYMOUS ? null : this.sessions.current(sessionKey, now, this.idleMs)
    const access = CHANNEL_ACCESS[channel]
    const actor: Actor = session ? { id: session.userId, name: session.displayName } : { id: null, name: '未登录' }
    if (access === 'public') return { ...ctx, sessionKey, actor, role: session?.role ?? null }
    if (!session) throw new UnauthenticatedError('auth.required')
    if (session.locked) throw new UnauthenticatedError('auth.sessionLocked')
    if (session.mustChangePassword && channel !== 'auth.changePassword') throw new UnauthenticatedError('auth.mustChangePassword')
    if (access !== 'signedIn' && !can(session.role, access)) throw new ForbiddenError()
    this.sessions.touch(sessionKey, now)
    return { ...ctx, sessionKey, actor, role: session.role }
  }

  /** What the start screen needs: version, workspace, whether the profile exists, how many members. */
  async info(host: CallContext['host']) {
    const ws = this.current
    return {
      version: this.version, workspace: ws.kind, host,
      hasProfile: (await ws.profile.get()) !== null, memberCount: await ws.memberCount(),
    }
  }

  async sessionInfo(sessionKey: string): Promise<SessionInfo> {
    const ws = this.current
    const idleLockMinutes = Math.round(this.idleMs / 60_000)
    if (ws.kind === 'demo') {
      return {
        needsSetup: false, locked: false, idleLockMinutes, demo: true,
        user: { id: 1, username: 'demo', displayName: DEMO_ACTOR.name, role: 'chair', disabled: false, mustChangePassword: false, lockedUntil: null },
      }
    }
    const session = this.sessions.current(sessionKey, ws.clock.now().getTime(), this.idleMs)
    const record = session?.userId ? await ws.accounts.get(session.userId).catch(() => null) : null
    return {
      needsSetup: await ws.accounts.needsSetup(), locked: session?.locked ?? false, idleLockMinutes, demo: false,
      user: record ? toPublicUser(record) : null,
    }
  }

  /**
   * Replaces the register with a backup: checks the backup, backs up the current state, swaps the
   * file while the database is closed, and reopens (migrating an older backup forward).
   */
  async restore(name: string): Promise<void> {
    const ws = this.current
    if (ws.kind !== 'real') throw new ValidationError('name', 'backup.unknown')
    const source = ws.backups.resolve(name)
    if (!(await checkIntegrity(source).catch(() => false))) throw new ValidationError('name', 'backup.restoreCorrupt')
    await this.imports.cancelAll()
    await ws.backups.create('preRestore')
    await this.pendingBackup
    const target = databaseFile(this.options.dataDir, 'real')
    await copyFile(source, `${target}.restoring`)
    await ws.db.close()
    await rm(`${target}-wal`, { force: true })
    await rm(`${target}-shm`, { force: true })
    await rename(`${target}.restoring`, target)
    this.sessions.clear()
    this.current = await openWorkspace('real', this.options)
    await this.afterOpen()
  }

  async close(): Promise<void> {
    await this.imports.cancelAll()
    await this.pendingBackup
    await this.current.db.close()
  }
}
