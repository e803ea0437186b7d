import { z } from 'zod'

/** What crosses the IPC / HTTP boundary: a value or a typed error, never a stack. */
export const ERROR_CODES = ['validation', 'notFound', 'conflict', 'unauthenticated', 'forbidden', 'databaseTooNew', 'internal'] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export const appErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  /** Already worded in zh-CN so any caller shows something readable. */
  message: z.string(),
  /** Key into shared/messages for re-wording in the chosen locale. */
  messageKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  field: z.string().optional(),
})
export type AppErrorPayload = z.output<typeof appErrorSchema>

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorPayload }
