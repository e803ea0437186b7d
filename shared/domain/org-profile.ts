import { z } from 'zod'
import { UNIT_CATEGORIES } from './codes'
import { checkUscc } from './uscc'
import { optionalDate, optionalText } from './schema-parts'

const count = z.number().int('invalidNumber').min(0, 'invalidNumber').max(10_000_000, 'invalidNumber')

/** The union's profile (one per database): the identity fields of the statistical report. */
export const orgProfileSchema = z
  .object({
    unionName: z.string().trim().min(1, 'required').max(60, 'tooLong'),
    unitName: z.string().trim().min(1, 'required').max(60, 'tooLong'),
    statCode: optionalText(30),
    uscc: z.string().transform((raw, ctx) => {
      const r = checkUscc(raw)
      if (r.ok) return r.value
      ctx.addIssue({ code: 'custom', message: `uscc.${r.reason}`, params: { expected: r.expected ?? '' } })
      return z.NEVER
    }),
    divisionCode: z.string().trim().regex(/^[1-9]\d{5}$/, 'divisionCode.format'),
    unitCategory: z.enum(UNIT_CATEGORIES, 'invalidOption'),
    industry: optionalText(40),
    foundedOn: optionalDate,
    committeeTerm: optionalText(40),
    staffCount: count,
    womenStaffCount: count,
    fullTimeUnionStaff: count,
    partTimeUnionStaff: count,
    legalRepresentative: optionalText(30),
    chairName: optionalText(30),
  })
  .superRefine((p, ctx) => {
    if (p.womenStaffCount > p.staffCount) {
      ctx.addIssue({ code: 'custom', path: ['womenStaffCount'], message: 'womenExceedStaff' })
    }
  })
export type OrgProfileInput = z.input<typeof orgProfileSchema>
export type OrgProfile = z.output<typeof orgProfileSchema>
