import type { User } from '../../../shared/domain/account'
import type { Role } from '../../../shared/domain/roles'
import type { Actor, AuditTrail } from '../audit/audit-trail'
import type { Clock } from '../clock'
import type { Database, Queryable } from '../db/sqlite'
import { ConflictError, NotFoundError, UnauthenticatedError, ValidationError } from '../errors'
import { checkPasswordPolicy, hashPassword, verifyPassword } from './password'
import { readNumberSetting } from './settings-repository'
import {
  clearLoginFailures, countActiveChairs, countUsers, findUser, findUserByName, insertUser, listUsers,
  recordLoginFailure, setPassword, updateUserProfile, type UserRecord,
} from './user-repository'

export function toPublicUser(u: UserRecord): User {
  return {
    id: u.id, username: u.username, displayName: u.displayName, role: u.role, disabled: u.disabled,
    mustChangePassword: u.mustChangePassword, lockedUntil: u.lockedUntil,
  }
}

const asActor = (u: UserRecord): Actor => ({ id: u.id, name: u.displayName })

function assertPolicy(field: string, password: string): void {
  const problem = checkPasswordPolicy(password)
  if (problem) throw new ValidationError(field, problem)
}

/** Local accounts: scrypt hashes, lock-out after repeated failures, chair-only management. */
export class AccountService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  private now(): string {
    return this.clock.now().toISOString()
  }

  async needsSetup(): Promise<boolean> {
    return (await countUsers(this.db)) === 0
  }

  async list(): Promise<User[]> {
    return (await listUsers(this.db)).map(toPublicUser)
  }

  async get(id: number): Promise<UserRecord> {
    const u = await findUser(this.db, id)
    if (!u) throw new NotFoundError()
    return u
  }

  /** First run only: the chair's account. Refused once any account exists. */
  async setupChair(input: { username: string; displayName: string; password: string }): Promise<UserRecord> {
    assertPolicy('password', input.password)
    const hash = await hashPassword(input.password)
    const id = await this.db.transaction(async (tx) => {
      if ((await countUsers(tx)) > 0) throw new ConflictError(undefined, 'auth.alreadySetUp')
      const id = await insertUser(tx, { ...input, role: 'chair', passwordHash: hash, mustChangePassword: false }, this.now())
      await this.audit.record(tx, { id, name: input.displayName }, {
        action: 'user.create', entity: 'user', entityId: id, changes: { username: [null, input.username], role: [null, 'chair'] },
      }, this.now())
      return id
    })
    return this.get(id)
  }

  /**
   * Checks a password. Wrong passwords count towards a lock-out (settings; default 5 → 15 minutes);
   * the message never says whether the user name exists.
   */
  async authenticate(username: string, password: string): Promise<UserRecord> {
    const user = await findUserByName(this.db, username)
    const nowMs = this.clock.now().getTime()
    if (!user || user.disabled) {
      await hashPassword(password) // same cost either way, so timing does not reveal accounts
      throw new UnauthenticatedError('auth.invalid')
    }
    if (user.lockedUntil && Date.parse(user.lockedUntil) > nowMs) {
      throw new UnauthenticatedError('auth.lockedOut', { minutes: Math.ceil((Date.parse(user.lockedUntil) - nowMs) / 60_000) })
    }
    if (await verifyPassword(password, user.passwordHash)) {
      if (user.failedAttempts > 0 || user.lockedUntil) await this.db.transaction((tx) => clearLoginFailures(tx, user.id))
      await this.db.transaction((tx) => this.audit.record(tx, asActor(user), { action: 'auth.login', entity: 'user', entityId: user.id, changes: {} }, this.now()))
      return user
    }
    const max = await readNumberSetting(this.db, 'security.maxFailedLogins')
    const minutes = await readNumberSetting(this.db, 'security.lockoutMinutes')
    const attempts = user.failedAttempts + 1
    const lockNow = attempts >= max
    await this.db.transaction(async (tx) => {
      await recordLoginFailure(tx, user.id, lockNow ? 0 : attempts, lockNow ? new Date(nowMs + minutes * 60_000).toISOString() : null, this.now())
      await this.audit.record(tx, { id: null, name: username }, {
        action: lockNow ? 'auth.lockout' : 'auth.failed', entity: 'user', entityId: user.id, changes: { attempts },
      }, this.now())
    })
    if (lockNow) throw new UnauthenticatedError('auth.lockedOut', { minutes })
    throw new UnauthenticatedError('auth.invalidRemaining', { remaining: max - attempts })
  }

  async changePassword(userId: number, oldPassword: string, newPassword: string): Promise<void> {
    const user = await this.get(userId)
    if (!(await verifyPassword(oldPassword, user.passwordHash))) throw new ValidationError('oldPassword', 'password.wrongOld')
    assertPolicy('newPassword', newPassword)
    const hash = await hashPassword(newPassword)
    await this.db.transaction(async (tx) => {
      await setPassword(tx, userId, hash, false, this.now())
      await this.audit.record(tx, asActor(user), { action: 'user.changePassword', entity: 'user', entityId: userId, changes: {} }, this.now())
    })
  }

  async create(actor: Actor, input: { username: string; displayName: string; role: Role; password: string }): Promise<User> {
    assertPolicy('password', input.password)
    const hash = await hashPassword(input.password)
    const id = await this.db.transaction(async (tx) => {
      if (await findUserByName(tx, input.username)) throw new ConflictError('username', 'duplicate.username', { name: input.username })
      const id = await insertUser(tx, { ...input, passwordHash: hash, mustChangePassword: true }, this.now())
      await this.audit.record(tx, actor, {
        action: 'user.create', entity: 'user', entityId: id,
        changes: { username: [null, input.username], displayName: [null, input.displayName], role: [null, input.role] },
      }, this.now())
      return id
    })
    return toPublicUser(await this.get(id))
  }

  async update(actor: Actor, input: { id: number; displayName: string; role: Role; disabled: boolean }): Promise<User> {
    await this.db.transaction(async (tx) => {
      const before = await findUser(tx, input.id)
      if (!before) throw new NotFoundError()
      await this.assertChairRemains(tx, before, input)
      await updateUserProfile(tx, input.id, input, this.now())
      await this.audit.record(tx, actor, {
        action: 'user.update', entity: 'user', entityId: input.id,
        changes: { displayName: [before.displayName, input.displayName], role: [before.role, input.role], disabled: [before.disabled, input.disabled] },
      }, this.now())
    })
    return toPublicUser(await this.get(input.id))
  }

  /** The chair sets a temporary password; the user must change it at next sign-in. */
  async resetPassword(actor: Actor, id: number, newPassword: string): Promise<void> {
    assertPolicy('newPassword', newPassword)
    const hash = await hashPassword(newPassword)
    await this.db.transaction(async (tx) => {
      if (!(await findUser(tx, id))) throw new NotFoundError()
      await setPassword(tx, id, hash, true, this.now())
      await this.audit.record(tx, actor, { action: 'user.resetPassword', entity: 'user', entityId: id, changes: {} }, this.now())
    })
  }

  private async assertChairRemains(tx: Queryable, before: UserRecord, next: { role: Role; disabled: boolean }): Promise<void> {
    const losesChair = before.role === 'chair' && !before.disabled && (next.role !== 'chair' || next.disabled)
    if (losesChair && (await countActiveChairs(tx)) <= 1) throw new ConflictError('role', 'user.lastChair')
  }
}
