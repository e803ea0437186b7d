import type { Role } from '../../../shared/domain/roles'

export type Session = {
  userId: number | null
  username: string
  displayName: string
  role: Role
  /** After a reset by the chair: nothing but a password change until it is done. */
  mustChangePassword: boolean
  lastActivity: number
  locked: boolean
}

/**
 * Signed-in sessions, keyed by what the host knows about its caller (the Electron window's
 * webContents, the web host's session cookie). In memory only: a restart means signing in again.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>()

  /** The caller's session, locked if it has been idle longer than `idleMs`. */
  current(key: string, nowMs: number, idleMs: number): Session | null {
    const s = this.sessions.get(key)
    if (!s) return null
    if (!s.locked && idleMs > 0 && nowMs - s.lastActivity > idleMs) s.locked = true
    return s
  }

  touch(key: string, nowMs: number): void {
    const s = this.sessions.get(key)
    if (s && !s.locked) s.lastActivity = nowMs
  }

  start(key: string, s: Omit<Session, 'locked' | 'lastActivity'>, nowMs: number): Session {
    const session = { ...s, locked: false, lastActivity: nowMs }
    this.sessions.set(key, session)
    return session
  }

  lock(key: string): void {
    const s = this.sessions.get(key)
    if (s) s.locked = true
  }

  unlock(key: string, nowMs: number): void {
    const s = this.sessions.get(key)
    if (s) { s.locked = false; s.lastActivity = nowMs }
  }

  end(key: string): void {
    this.sessions.delete(key)
  }

  /** After a role change or a disable: the user's open sessions must not keep old rights. */
  endForUser(userId: number): void {
    for (const [k, s] of this.sessions) if (s.userId === userId) this.sessions.delete(k)
  }

  clear(): void {
    this.sessions.clear()
  }
}
