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
import {
  downloadSchema, fileChunkSchema, fileReadSchema, fileTokenSchema, fileTokenString, importPreviewSchema, importRequestSchema,
  importStatusSchema, rosterDetectRequestSchema, rosterDetectionSchema, rosterExportSchema, uploadBeginSchema, uploadChunkSchema,
} from './domain/roster'
import {
  auditListSchema, auditPageSchema, auditVerifySchema, backupInfoSchema, backupNameSchema, securitySettingsSchema,
} from './domain/admin'

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

  'settings.getSecurity': { req: none, res: securitySettingsSchema },
  'settings.saveSecurity': { req: securitySettingsSchema, res: securitySettingsSchema },

  'audit.list': { req: auditListSchema, res: auditPageSchema },
  'audit.verify': { req: none, res: auditVerifySchema },

  'backup.list': { req: none, res: z.array(backupInfoSchema) },
  'backup.create': { req: none, res: backupInfoSchema },
  /** Copies a fresh, checked backup into a folder the user chose (USB stick, shared drive). */
  'backup.exportTo': { req: z.object({ folder: z.string().trim().min(1, 'required').max(500, 'tooLong') }), res: backupInfoSchema },
  /** Replaces the register with a backup, after taking a backup of the current state. */
  'backup.restore': { req: backupNameSchema, res: appInfoSchema },

  // Files cross by token, never by path. The browser uploads in chunks; Electron's main process
  // shows its own dialogs (pickOpen, saveAs) and core reads or writes the path it returns.
  'files.beginUpload': { req: uploadBeginSchema, res: z.object({ uploadId: fileTokenString }) },
  'files.uploadChunk': { req: uploadChunkSchema, res: z.object({ received: z.number().int() }) },
  'files.finishUpload': { req: z.object({ uploadId: fileTokenString }), res: fileTokenSchema },
  'files.pickOpen': { req: none, res: fileTokenSchema.nullable() },
  'files.read': { req: fileReadSchema, res: fileChunkSchema },
  'files.saveAs': { req: z.object({ downloadToken: fileTokenString }), res: z.object({ saved: z.boolean(), fileName: z.string() }) },

  /** Finds the header and proposes the mapping, or maps the header row the user chose (`headerRow`). */
  'roster.detect': { req: rosterDetectRequestSchema, res: rosterDetectionSchema },
  /** Reads and checks the whole file against the register; writes nothing. */
  'roster.preview': { req: importRequestSchema, res: importPreviewSchema },
  /** All-or-nothing: valid rows land in one transaction, or (cancel, failure) nothing does. */
  'roster.startImport': { req: importRequestSchema, res: importStatusSchema },
  'roster.importStatus': { req: z.object({ jobId: fileTokenString }), res: importStatusSchema },
  'roster.cancelImport': { req: z.object({ jobId: fileTokenString }), res: importStatusSchema },
  /** The rows that cannot be imported, with their original cells and a 错误说明 column, to fix and re-import. */
  'roster.errorReport': { req: importRequestSchema.pick({ fileToken: true, mapping: true }), res: downloadSchema },
  'roster.template': { req: none, res: downloadSchema },
  'roster.export': { req: rosterExportSchema, res: downloadSchema.extend({ rows: z.number().int() }) },

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

