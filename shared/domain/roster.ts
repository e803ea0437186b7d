import { z } from 'zod'
import { memberSearchSchema } from './member'

/** Columns a roster file can carry (the import maps file columns onto these). */
export const ROSTER_FIELDS = [
  'name', 'gender', 'ethnicity', 'idNumber', 'birthDate', 'mobile', 'department', 'post', 'title', 'employeeNo',
  'education', 'politicalStatus', 'nativePlace', 'joinDate', 'cardNo', 'wageBase', 'migrantWorker',
] as const
export type RosterField = (typeof ROSTER_FIELDS)[number]

const token = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'invalid')

export const rosterMappingSchema = z.object({
  sheet: z.string().max(100),
  sheetIndex: z.number().int().min(0).optional(),
  headerRow: z.number().int().min(1),
  /** Field → column in the file, 1-based as Excel counts (A = 1). */
  columns: z.partialRecord(z.enum(ROSTER_FIELDS), z.number().int().min(1).max(1000)),
})
export type RosterMappingInput = z.input<typeof rosterMappingSchema>

/** The furthest row a user may name as the header (the wizard offers the first rows of the sheet). */
export const HEADER_ROW_MAX = 1000

export const rosterDetectRequestSchema = z.object({
  fileToken: token,
  sheet: z.string().max(100).optional(),
  /** The row the user says is the header: detection maps that row instead of searching. */
  headerRow: z.number().int().min(1).max(HEADER_ROW_MAX).optional(),
})

const sheetRowSchema = z.object({ rowNumber: z.number().int(), cells: z.array(z.string()) })

export const rosterDetectionSchema = z.object({
  fileName: z.string(),
  kind: z.enum(['xlsx', 'csv']),
  sheets: z.array(z.string()),
  /** The sheet the mapping and raw rows come from; null only for a workbook without sheets. */
  sheet: z.string().nullable(),
  mapping: rosterMappingSchema.nullable(),
  headerRow: z.number().int().nullable(),
  /** True when the header row is the one the user chose, not one detection found. */
  headerChosen: z.boolean(),
  columns: z.array(z.object({ index: z.number().int(), header: z.string(), field: z.enum(ROSTER_FIELDS).nullable() })),
  sampleRows: z.array(sheetRowSchema),
  /** The first non-blank rows of the sheet as text, to choose the header row from. */
  rawRows: z.array(sheetRowSchema),
  totalRowsEstimate: z.number().int().nullable(),
})

/** One problem in one row: key + params word it in any locale; `reason` and `message` are zh-CN (as in the error report). */
export const importErrorSchema = z.object({
  rowNumber: z.number().int(),
  /** The column's header in the file (the field's zh-CN name when its column is not mapped). */
  column: z.string(),
  columnIndex: z.number().int().nullable(),
  field: z.enum(ROSTER_FIELDS).nullable(),
  value: z.string(),
  /** A key of shared/messages `importErrors.hints` (with the field), `importErrors.reasons` or `errors`. */
  messageKey: z.string(),
  /** The message's values; `field` names the field's label as a reference (`@fields.idNumber`). */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  reason: z.string(),
  message: z.string(),
})

export const importRequestSchema = z.object({
  fileToken: token,
  mapping: rosterMappingSchema,
  onConflict: z.enum(['skip', 'update']),
})

export const importPreviewSchema = z.object({
  counts: z.object({ new: z.number().int(), update: z.number().int(), skip: z.number().int(), error: z.number().int() }),
  dataRows: z.number().int(),
  ignoredRows: z.number().int(),
  conflicts: z.number().int(),
  errors: z.array(importErrorSchema),
  updates: z.array(z.object({
    rowNumber: z.number().int(), memberId: z.number().int(), name: z.string(),
    diff: z.array(z.object({ field: z.string(), label: z.string(), from: z.string().nullable(), to: z.string().nullable() })),
  })),
  newDepartments: z.array(z.string()),
})

export const importResultSchema = z.object({
  inserted: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  errors: z.number().int(),
  departmentsCreated: z.number().int(),
  durationMs: z.number(),
  rowsPerSecond: z.number(),
})

export const importStatusSchema = z.object({
  jobId: token,
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  rowsDone: z.number().int(),
  total: z.number().int().nullable(),
  rowsPerSecond: z.number(),
  result: importResultSchema.nullable(),
  /** Why the import failed (the register is unchanged): zh-CN `message`, and key + params for other languages. */
  error: z.object({
    messageKey: z.string(), message: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  }).nullable(),
})

export const downloadSchema = z.object({ downloadToken: token, fileName: z.string(), sizeBytes: z.number().int() })

export const rosterExportSchema = z.object({
  filter: memberSearchSchema.partial().default({}),
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  /** Full ID numbers: only for roles allowed to reveal, and audited. */
  revealIdNumbers: z.boolean().default(false),
})

export const uploadBeginSchema = z.object({
  fileName: z.string().trim().min(1, 'required').max(200, 'tooLong'),
  sizeBytes: z.number().int().min(1).max(200 * 1024 * 1024, 'files.tooLarge'),
})
/** Chunks are at most 512 KiB before base64, so a request stays under the web host's 1 MiB limit. */
export const uploadChunkSchema = z.object({
  uploadId: token,
  index: z.number().int().min(0),
  dataBase64: z.string().max(700_000).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'invalid'),
})
export const fileTokenSchema = z.object({ fileToken: token, fileName: z.string() })
export const fileReadSchema = z.object({ downloadToken: token, offset: z.number().int().min(0) })
export const fileChunkSchema = z.object({ dataBase64: z.string(), nextOffset: z.number().int(), done: z.boolean() })
export { token as fileTokenString }
