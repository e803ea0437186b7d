import { createI18n } from 'vue-i18n'
import { en } from '../../../shared/messages/en'
import { zhCN } from '../../../shared/messages/zh-CN'
import { adminEn, adminZhCN } from '../admin/admin-messages'
import { rosterEn, rosterZhCN } from '../roster/roster-messages'
import { uiEn } from './ui-en'
import { uiZhCN } from './ui-zh-CN'

export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]

type Tree = { [key: string]: string | Tree }

/**
 * Core's error keys are flat and dotted ('idNumber.checksum'); vue-i18n reads dots as a path, so
 * nest them ('idNumber' → 'checksum') to make `t('errors.idNumber.checksum')` resolve.
 */
export function nestDottedKeys(flat: Record<string, string>): Tree {
  const out: Tree = {}
  for (const [key, text] of Object.entries(flat)) {
    const parts = key.split('.')
    let node = out
    for (const part of parts.slice(0, -1)) {
      const next = node[part]
      if (typeof next === 'object') node = next
      else node = node[part] = {}
    }
    node[parts[parts.length - 1]!] = text
  }
  return out
}

function catalogue(
  core: typeof zhCN | typeof en, ui: typeof uiZhCN | typeof uiEn, admin: typeof adminZhCN | typeof adminEn, roster: typeof rosterZhCN,
) {
  const { uiErrors, ...rest } = ui
  return {
    ...core,
    ...rest,
    admin,
    roster,
    errors: nestDottedKeys({ ...core.errors, ...uiErrors }),
    importErrors: {
      row: core.importErrors.row,
      reasons: nestDottedKeys(core.importErrors.reasons),
      hints: nestDottedKeys(core.importErrors.hints),
    },
  }
}

export const i18n = createI18n({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  missingWarn: false,
  fallbackWarn: false,
  messages: {
    'zh-CN': catalogue(zhCN, uiZhCN, adminZhCN, rosterZhCN),
    en: catalogue(en, uiEn, adminEn, rosterEn),
  },
})

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
}
