import { z } from 'zod'
import { departmentSchema, departmentCreateSchema, departmentRenameSchema } from './domain/department'
import {
  historyEntrySchema, memberFormSchema, memberPageSchema, memberSchema, memberSearchSchema, statusChangeSchema,
} from './domain/member'
import { orgProfileSchema } from './domain/org-profile'
import { idSchema } from './domain/schema-parts'

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
  'members.update': { req: z.object({ id: idSchema, fields: memberFormSchema }), res: memberSchema },
  'members.changeStatus': { req: statusChangeSchema, res: memberSchema },
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

