import { maskIdNumber } from '../../../shared/domain/id-number'

/** Member fields that are sensitive personal information (PIPL art. 28): masked wherever they are logged. */
export const SENSITIVE_MEMBER_FIELDS: readonly string[] = ['idNumber']

export function maskSensitiveMemberField(field: string, value: unknown): unknown {
  if (!SENSITIVE_MEMBER_FIELDS.includes(field) || typeof value !== 'string') return value
  return maskIdNumber(value)
}
