import { z } from 'zod'
import { departmentSchema, departmentCreateSchema, departmentRenameSchema } from './domain/department'
import {
  historyEntrySchema, memberFormSchema, memberPageSchema, memberSchema, memberSearchSchema, memberUpdateSchema, statusChangeSchema,
} from './domain/member'
import { orgProfileSchema } from './domain/org-profile'
import { idSchema } from './domain/schema-parts'
import {
  changePasswordSchema, createUserSchema, loginSchema, resetPasswordSchema, sessionSchema, setupChairSchema, unlockSchema,
  updateUserSchema, userSchema,
} from './domain/account'
import { auditListSchema, auditPageSchema, auditVerifySchema, backupInfoSchema, backupNameSchema } from './domain/admin'

const none = z.object({}).strict()

export const appInfoSchema = z.object({
  version: z.string(),
  workspace: z.enum(['real', 'demo']),
  hasProfile: z.boolean(),
  memberCount: z.number().int(),
  host: z.enum(['electron', 'web']),
})

/**
 * The one list of channels. Main registers a handler for each (a missing one does not compile),
 * preload whitelists exactly these names, the web host serves the same map, and the renderer's
 * client is typed from it.
 */
export const contract = {
  'app.info': { req: none, res: appInfoSchema },
  /** Switch to the separate demo database (created with generated members on first use). */
  'app.useDemo': { req: none, res: appInfoSchema },
  'app.useReal': { req: none, res: appInfoSchema },

  'auth.session': { req: none, res: sessionSchema },
  /** First run only: creates the chair's account and signs it in. */
  'auth.setupChair': { req: setupChairSchema, res: sessionSchema },
  'auth.login': { req: loginSchema, res: sessionSchema },
  'auth.logout': { req: none, res: sessionSchema },
  'auth.lock': { req: none, res: sessionSchema },
  'auth.unlock': { req: unlockSchema, res: sessionSchema },
  'auth.changePassword': { req: changePasswordSchema, res: sessionSchema },

  'users.list': { req: none, res: z.array(userSchema) },
  'users.create': { req: createUserSchema, res: userSchema },
  'users.update': { req: updateUserSchema, res: userSchema },
  'users.resetPassword': { req: resetPasswordSchema, res: userSchema },

  'audit.list': { req: auditListSchema, res: auditPageSchema },
  'audit.verify': { req: none, res: auditVerifySchema },

  'backup.list': { req: none, res: z.array(backupInfoSchema) },
  'backup.create': { req: none, res: backupInfoSchema },
  /** Copies a fresh, checked backup into a folder the user chose (USB stick, shared drive). */
  'backup.exportTo': { req: z.object({ folder: z.string().trim().min(1, 'required').max(500, 'tooLong') }), res: backupInfoSchema },
  /** Replaces the register with a backup, after taking a backup of the current state. */
  'backup.restore': { req: backupNameSchema, res: appInfoSchema },

  'profile.get': { req: none, res: orgProfileSchema.nullable() },
  'profile.save': { req: orgProfileSchema, res: orgProfileSchema },

  'departments.list': { req: none, res: z.array(departmentSchema) },
  'departments.create': { req: departmentCreateSchema, res: departmentSchema },
  'departments.rename': { req: departmentRenameSchema, res: departmentSchema },

  'members.search': { req: memberSearchSchema, res: memberPageSchema },
  'members.get': {
    req: z.object({ id: idSchema }),
    res: z.object({ member: memberSchema, history: z.array(historyEntrySchema) }),
  },
  'members.create': { req: memberFormSchema, res: memberSchema },
  'members.update': { req: memberUpdateSchema, res: memberSchema },
  'members.changeStatus': { req: statusChangeSchema, res: memberSchema },
  /** The full ID number for roles allowed to see it; every reveal is audited. */
  'members.revealIdNumber': { req: z.object({ id: idSchema }), res: z.object({ idNumber: z.string().nullable() }) },
} as const satisfies Record<string, { req: z.ZodType; res: z.ZodType }>

export type Contract = typeof contract
export type Channel = keyof Contract
/** What a caller sends (before defaults and transforms). */
export type Req<C extends Channel> = z.input<Contract[C]['req']>
/** What a handler receives (after validation). */
export type ParsedReq<C extends Channel> = z.output<Contract[C]['req']>
export type Res<C extends Channel> = z.input<Contract[C]['res']>

export const CHANNELS = Object.keys(contract) as Channel[]

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name)
}

