import { z } from 'zod'
import { pageSchema } from './schema-parts'

export const auditListSchema = z.object({
  entity: z.string().max(30).nullable().default(null),
  actorId: z.number().int().positive().nullable().default(null),
  ...pageSchema,
})
export const auditRowSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()),
})
export const auditPageSchema = z.object({ total: z.number().int(), rows: z.array(auditRowSchema) })
export const auditVerifySchema = z.object({
  ok: z.boolean(),
  count: z.number().int(),
  /** The first row whose link or content does not hold. */
  brokenAtId: z.number().int().nullable(),
})

export const BACKUP_REASONS = ['auto', 'manual', 'preMigration', 'preRestore'] as const
export const backupInfoSchema = z.object({
  name: z.string(),
  sizeBytes: z.number().int(),
  createdAt: z.string(),
  reason: z.enum(BACKUP_REASONS),
})
export const backupNameSchema = z.object({ name: z.string().min(1, 'required').max(100, 'tooLong') })

/** Security and backup rules the chair may tune (defaults: 5 failures → 15 minutes; idle lock 10; keep 14). */
export const securitySettingsSchema = z.object({
  maxFailedLogins: z.number().int('invalidNumber').min(3, 'invalidNumber').max(20, 'invalidNumber'),
  lockoutMinutes: z.number().int('invalidNumber').min(1, 'invalidNumber').max(1440, 'invalidNumber'),
  idleLockMinutes: z.number().int('invalidNumber').min(1, 'invalidNumber').max(240, 'invalidNumber'),
  backupKeepCount: z.number().int('invalidNumber').min(1, 'invalidNumber').max(365, 'invalidNumber'),
})
export type SecuritySettings = z.output<typeof securitySettingsSchema>
