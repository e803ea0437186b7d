import { resolveMessageRef } from '../../../shared/messages/format'
import { isApiError } from '../api/api-error'
import { i18n } from './index'

/** The label of a form field in the current locale, or the raw name when unknown. */
export function fieldLabel(field: string): string {
  const key = `fields.${field}`
  return i18n.global.te(key) ? i18n.global.t(key) : field
}

/** Words a message key from core (or a local validator) in the current locale. */
export function errorTextFor(messageKey: string, field?: string, params: Record<string, string | number> = {}): string {
  const { t, te } = i18n.global
  const key = te(`errors.${messageKey}`) ? `errors.${messageKey}` : 'errors.invalid'
  return t(key, { field: field ? fieldLabel(field) : '', ...localParams(params) })
}

/**
 * Core may pass a parameter as a reference to another message (`@statuses.transferredOut`): word it
 * with the current locale's catalogue (falling back to zh-CN), so English never shows Chinese words.
 */
export function localParams(params: Record<string, string | number>): Record<string, string | number> {
  const messages = i18n.global.messages.value as Record<string, object>
  const current = messages[i18n.global.locale.value] ?? {}
  const fallback = messages['zh-CN'] ?? {}
  return Object.fromEntries(Object.entries(params).map(([k, v]) => {
    const word = resolveMessageRef(v, current)
    return [k, word === v ? resolveMessageRef(v, fallback) : word]
  }))
}

/**
 * Any failure as one readable sentence in the current locale: ApiErrors are re-worded from their
 * key (core's zh-CN `message` is the fallback), anything else is the generic "not done" text.
 */
export function errorText(err: unknown): string {
  if (isApiError(err)) {
    if (i18n.global.te(`errors.${err.messageKey}`)) return errorTextFor(err.messageKey, err.field, err.params)
    return err.message
  }
  return errorTextFor('internal')
}
