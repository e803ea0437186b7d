import { useI18n } from 'vue-i18n'
import { ethnicityName } from '../../../shared/domain/ethnicity'
import type { QualityIssue } from '../../../shared/domain/member'
import type { HistoryKind, MemberStatus } from '../../../shared/domain/member-status'

/** Codes stored in the register, shown as words in the current locale. Blank for a missing value. */
export function useCodeWords() {
  const { t, locale } = useI18n()
  const word = (group: string) => (code: string | null | undefined) => (code ? t(`${group}.${code}`) : '')
  return {
    gender: word('codes.gender'),
    education: word('codes.education'),
    politicalStatus: word('codes.politicalStatus'),
    unitCategory: word('codes.unitCategory'),
    ethnicity: (code: string | null | undefined) => (code ? ethnicityName(code, locale.value === 'en' ? 'en' : 'zh-CN') : ''),
    status: (s: MemberStatus | null | undefined) => (s ? t(`statuses.${s}`) : ''),
    changeKind: (k: HistoryKind) => t(`changeKinds.${k}`),
    qualityIssue: (q: QualityIssue) => t(`qualityIssues.${q}`),
    field: (f: string) => t(`fields.${f}`),
  }
}

export type CodeWords = ReturnType<typeof useCodeWords>

/** Element Plus tag colours per membership status. */
export const STATUS_TAG_TYPE: Record<MemberStatus, 'success' | 'info' | 'warning' | 'danger' | 'primary'> = {
  active: 'success', transferredOut: 'info', retained: 'warning', exited: 'info', deceased: 'danger',
}
