import type { UnitCategory } from '../../../shared/domain/codes'
import { orgProfileSchema, type OrgProfile, type OrgProfileInput } from '../../../shared/domain/org-profile'
import type { FieldError } from '../members/member-form-model'

export type ProfileField = keyof OrgProfileInput

export type OrgProfileModel = {
  unionName: string
  unitName: string
  statCode: string
  uscc: string
  divisionCode: string
  unitCategory: UnitCategory | ''
  industry: string
  foundedOn: string
  committeeTerm: string
  staffCount: number | null
  womenStaffCount: number | null
  fullTimeUnionStaff: number | null
  partTimeUnionStaff: number | null
  legalRepresentative: string
  chairName: string
}

export const PROFILE_REQUIRED: readonly ProfileField[] = [
  'unionName', 'unitName', 'uscc', 'divisionCode', 'unitCategory',
  'staffCount', 'womenStaffCount', 'fullTimeUnionStaff', 'partTimeUnionStaff',
]

export function emptyProfileModel(): OrgProfileModel {
  return {
    unionName: '', unitName: '', statCode: '', uscc: '', divisionCode: '', unitCategory: '', industry: '',
    foundedOn: '', committeeTerm: '', staffCount: null, womenStaffCount: null, fullTimeUnionStaff: 0,
    partTimeUnionStaff: 0, legalRepresentative: '', chairName: '',
  }
}

export function profileToModel(p: OrgProfile): OrgProfileModel {
  return {
    ...p, statCode: p.statCode ?? '', industry: p.industry ?? '', foundedOn: p.foundedOn ?? '',
    committeeTerm: p.committeeTerm ?? '', legalRepresentative: p.legalRepresentative ?? '', chairName: p.chairName ?? '',
  }
}

/** The request for profile.save; the `as` is safe only after `validateProfile` found nothing. */
export function modelToProfileInput(m: OrgProfileModel): OrgProfileInput {
  return {
    ...m,
    unitCategory: m.unitCategory as UnitCategory,
    foundedOn: m.foundedOn || null,
    staffCount: m.staffCount ?? 0,
    womenStaffCount: m.womenStaffCount ?? 0,
    fullTimeUnionStaff: m.fullTimeUnionStaff ?? 0,
    partTimeUnionStaff: m.partTimeUnionStaff ?? 0,
  }
}

function blank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '')
}

/**
 * All problems, first per field, as core would word them (same schema): the USCC check character,
 * the 6-digit division code, women ≤ staff. `knownKey` tells whether a schema message is one of ours.
 */
export function validateProfile(m: OrgProfileModel, knownKey: (key: string) => boolean): Partial<Record<ProfileField, FieldError>> {
  const errors: Partial<Record<ProfileField, FieldError>> = {}
  for (const f of PROFILE_REQUIRED) if (blank(m[f])) errors[f] = { key: 'required' }
  const parsed = orgProfileSchema.safeParse(modelToProfileInput(m))
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.find((p): p is ProfileField => typeof p === 'string')
      if (!field || errors[field]) continue
      const raw = (issue as { params?: Record<string, unknown> }).params ?? {}
      const params = Object.fromEntries(
        Object.entries(raw).filter((e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number'),
      )
      errors[field] = { key: knownKey(issue.message) ? issue.message : 'invalid', params }
    }
  }
  // The schema's cross-field rule runs only when every field parses; say it as soon as both are known.
  if (!errors.womenStaffCount && m.staffCount !== null && m.womenStaffCount !== null && m.womenStaffCount > m.staffCount) {
    errors.womenStaffCount = { key: 'womenExceedStaff' }
  }
  return errors
}
