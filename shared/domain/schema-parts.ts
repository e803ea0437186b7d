import { z } from 'zod'
import { isValidCalendarDate } from './id-number'

/**
 * Schema building blocks whose error messages are message keys (see shared/messages): the boundary
 * turns a zod issue into `{ code: 'validation', field, messageKey, params }` and the UI words it.
 */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'invalidDate')
  .refine((s) => isValidCalendarDate(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))), 'invalidDate')

/** Optional free text: trimmed, empty becomes null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'tooLong')
    .nullable()
    .transform((v) => (v ? v : null))

export const optionalDate = z
  .union([isoDate, z.literal(''), z.null()])
  .transform((v) => (v ? v : null))

export const idSchema = z.number().int().positive()

export const pageSchema = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
}
