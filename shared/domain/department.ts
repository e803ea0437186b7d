import { z } from 'zod'
import { idSchema } from './schema-parts'

export const departmentSchema = z.object({
  id: idSchema,
  name: z.string(),
  sortOrder: z.number().int(),
  memberCount: z.number().int(),
})
export type Department = z.output<typeof departmentSchema>

const departmentName = z.string().trim().min(1, 'required').max(40, 'tooLong')
export const departmentCreateSchema = z.object({ name: departmentName })
export const departmentRenameSchema = z.object({ id: idSchema, name: departmentName })
