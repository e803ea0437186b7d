import { ethnicityName } from '../../../shared/domain/ethnicity'
import { formatMoneyFen } from '../format/format'
import { i18n } from '../i18n'
import { plainValue, type ChangeWords } from './admin-format'

/** Audit field values that are codes, worded like the rest of the app. */
const CODE_GROUPS: Record<string, string> = {
  role: 'roles', status: 'statuses', gender: 'codes.gender', education: 'codes.education',
  politicalStatus: 'codes.politicalStatus', unitCategory: 'codes.unitCategory', kind: 'changeKinds',
}

function word(key: string, fallback: string): string {
  const { t, te } = i18n.global
  return te(key) ? t(key) : fallback
}

/** 操作 as words: `member.transferOut` → 转出; an action this version does not know stays as it is. */
export function actionWord(action: string): string {
  return word(`admin.actions.${action}`, action)
}

/** 对象类型 as words: `member` → 会员. */
export function entityWord(entity: string): string {
  return word(`admin.entities.${entity}`, entity)
}

/**
 * How the 变化 column words fields and values in the current locale. `departmentName` turns a
 * department id into its name where the list is at hand.
 */
export function auditChangeWords(departmentName: (id: number) => string | undefined = () => undefined): ChangeWords {
  const { t } = i18n.global
  const locale = i18n.global.locale.value
  return {
    blank: t('admin.audit.blank'),
    colon: locale === 'en' ? ': ' : '：',
    field: (f) => word(`fields.${f}`, word(`admin.changeFields.${f}`, f)),
    value: (f, v) => {
      const group = CODE_GROUPS[f]
      if (group && typeof v === 'string') return word(`${group}.${v}`, v)
      if (f === 'ethnicity' && typeof v === 'string') return ethnicityName(v, locale === 'en' ? 'en' : 'zh-CN') || v
      if (f === 'wageBaseFen' && typeof v === 'number') return formatMoneyFen(v)
      if (f === 'departmentId' && typeof v === 'number') return departmentName(v) ?? `#${v}`
      if (f === 'disabled' && typeof v === 'boolean') return t(v ? 'admin.users.disabled' : 'admin.users.active')
      return plainValue(v, t('common.yes'), t('common.no'), locale)
    },
  }
}
