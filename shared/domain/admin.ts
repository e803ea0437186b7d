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
