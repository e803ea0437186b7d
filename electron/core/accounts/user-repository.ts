import type { Role } from '../../../shared/domain/roles'
import type { Queryable } from '../db/sqlite'

export type UserRecord = {
  id: number; username: string; displayName: string; role: Role; passwordHash: string
  failedAttempts: number; lockedUntil: string | null; disabled: boolean; mustChangePassword: boolean
  createdAt: string; updatedAt: string
}

const SELECT = `SELECT id, username, display_name AS displayName, role, password_hash AS passwordHash,
  failed_attempts AS failedAttempts, locked_until AS lockedUntil, disabled, must_change_password AS mustChangePassword,
  created_at AS createdAt, updated_at AS updatedAt FROM users`

type Raw = Omit<UserRecord, 'disabled' | 'mustChangePassword'> & { disabled: number; mustChangePassword: number }
const toUser = (r: Raw): UserRecord => ({ ...r, disabled: r.disabled === 1, mustChangePassword: r.mustChangePassword === 1 })

export async function countUsers(db: Queryable): Promise<number> {
  return (await db.get<{ n: number }>('SELECT count(*) AS n FROM users'))?.n ?? 0
}

export async function listUsers(db: Queryable): Promise<UserRecord[]> {
  return (await db.all<Raw>(`${SELECT} ORDER BY id`)).map(toUser)
}

export async function findUserByName(db: Queryable, username: string): Promise<UserRecord | undefined> {
  const r = await db.get<Raw>(`${SELECT} WHERE username = ?`, [username])
  return r && toUser(r)
}

export async function findUser(db: Queryable, id: number): Promise<UserRecord | undefined> {
  const r = await db.get<Raw>(`${SELECT} WHERE id = ?`, [id])
  return r && toUser(r)
}

export async function insertUser(
  db: Queryable, u: { username: string; displayName: string; role: Role; passwordHash: string; mustChangePassword: boolean }, now: string,
): Promise<number> {
  const r = await db.run(
    `INSERT INTO users (username, display_name, role, password_hash, must_change_password, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [u.username, u.displayName, u.role, u.passwordHash, u.mustChangePassword ? 1 : 0, now, now])
  return r.lastID
}

export async function recordLoginFailure(db: Queryable, id: number, attempts: number, lockedUntil: string | null, now: string): Promise<void> {
  await db.run('UPDATE users SET failed_attempts = ?, locked_until = ?, updated_at = ? WHERE id = ?', [attempts, lockedUntil, now, id])
}

export async function clearLoginFailures(db: Queryable, id: number): Promise<void> {
  await db.run('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?', [id])
}

export async function setPassword(db: Queryable, id: number, hash: string, mustChange: boolean, now: string): Promise<void> {
  await db.run(
    'UPDATE users SET password_hash = ?, must_change_password = ?, failed_attempts = 0, locked_until = NULL, updated_at = ? WHERE id = ?',
    [hash, mustChange ? 1 : 0, now, id])
}

export async function updateUserProfile(db: Queryable, id: number, u: { displayName: string; role: Role; disabled: boolean }, now: string): Promise<void> {
  await db.run('UPDATE users SET display_name = ?, role = ?, disabled = ?, updated_at = ? WHERE id = ?',
    [u.displayName, u.role, u.disabled ? 1 : 0, now, id])
}

export async function countActiveChairs(db: Queryable): Promise<number> {
  return (await db.get<{ n: number }>("SELECT count(*) AS n FROM users WHERE role = 'chair' AND disabled = 0"))?.n ?? 0
}
