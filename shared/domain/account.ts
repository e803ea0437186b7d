import { z } from 'zod'
import { ROLES } from './roles'
import { idSchema } from './schema-parts'

const username = z.string().trim().min(2, 'username.format').max(32, 'username.format')
  .regex(/^[\p{L}\p{N}_.-]+$/u, 'username.format')
const displayName = z.string().trim().min(1, 'required').max(30, 'tooLong')
const password = z.string().min(1, 'required').max(128, 'password.tooLong')

export const userSchema = z.object({
  id: idSchema,
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
})
export type User = z.output<typeof userSchema>

export const sessionSchema = z.object({
  /** No account exists yet: the first-run wizard creates the chair. */
  needsSetup: z.boolean(),
  user: userSchema.nullable(),
  locked: z.boolean(),
  idleLockMinutes: z.number().int(),
  /** The demo workspace runs as a built-in chair so it can be explored without an account. */
  demo: z.boolean(),
})
export type SessionInfo = z.output<typeof sessionSchema>

export const setupChairSchema = z.object({ username, displayName, password })
export const loginSchema = z.object({ username: z.string().trim().min(1, 'required'), password })
export const unlockSchema = z.object({ password })
export const changePasswordSchema = z.object({ oldPassword: password, newPassword: password })
export const createUserSchema = z.object({ username, displayName, role: z.enum(ROLES, 'invalidOption'), password })
export const updateUserSchema = z.object({ id: idSchema, displayName, role: z.enum(ROLES, 'invalidOption'), disabled: z.boolean() })
export const resetPasswordSchema = z.object({ id: idSchema, newPassword: password })
