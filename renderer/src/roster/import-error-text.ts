import { en } from '../../../shared/messages/en'
import { zhCN } from '../../../shared/messages/zh-CN'
import { i18n } from '../i18n'
import { errorTextFor, localParams } from '../i18n/error-text'
import type { ImportPreview } from './import-store'
import type { ImportStatus } from './roster-format'

/**
 * Import errors in the chosen locale, from the key and params core sends with each (core's zh-CN
 * `reason` and `message` are what the error report keeps). Same order as core's
 * formatImportReason (shared/messages/format.ts): the field's hint, the import reason, the general error.
 */
export type ImportRowError = Pick<ImportPreview['errors'][number], 'rowNumber' | 'column' | 'field' | 'messageKey' | 'params'>

/** Why the cell cannot be imported, worded to follow "Row 12, ID number: " (e.g. "the check character is wrong; …"). */
export function importReasonText(e: Pick<ImportRowError, 'field' | 'messageKey' | 'params'>): string {
  const { t, te } = i18n.global
  const params = localParams(e.params)
  const hint = `importErrors.hints.${e.field}.${e.messageKey}`
  if (e.field && te(hint)) return t(hint, params)
  const reason = `importErrors.reasons.${e.messageKey}`
  if (te(reason)) return t(reason, params)
  return errorTextFor(e.messageKey, undefined, e.params)
}

/** The whole sentence: 「第 12 行 身份证号码：…」 / "Row 12, ID number: …". */
export function importErrorText(e: ImportRowError): string {
  const params = localParams(e.params)
  return i18n.global.t('importErrors.row', {
    row: e.rowNumber, column: e.column, label: params.field ?? e.column, reason: importReasonText(e),
  })
}

/** The reason on its own in a table cell: a sentence in English starts with a capital. */
export function reasonCellText(e: Pick<ImportRowError, 'field' | 'messageKey' | 'params'>): string {
  const text = importReasonText(e)
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/**
 * Why an import stopped, from the job's key and params; a message that needs values it did not get
 * keeps core's zh-CN wording rather than showing a sentence with a hole in it.
 */
export function importFailureText(error: NonNullable<ImportStatus['error']>): string {
  const catalogue = i18n.global.locale.value === 'en' ? en : zhCN
  const template = (catalogue.errors as Record<string, string>)[error.messageKey]
  if (template === undefined) return error.message
  // A message with values needs them: without params (an older core) the Chinese wording stands.
  if (template.includes('{') && !error.params) return error.message
  return errorTextFor(error.messageKey, undefined, localParams(error.params ?? {}))
}
