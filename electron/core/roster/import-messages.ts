import { formatImportReason, formatImportRow } from '../../../shared/messages/format'
import { MEMBER_FIELD_OF, type ImportField } from './fields'

type Params = Record<string, string | number>

/**
 * The words of an import error. Texts live in shared/messages (`importErrors.*`, `errors.*`) so the
 * renderer words the same key and params in the chosen locale; core keeps the zh-CN sentence for
 * the error report (HQ's and secretaries' spreadsheets stay Chinese).
 */

/**
 * The issue's params plus `field`, the field's label as a reference (`@fields.idNumber`): language-free,
 * so 「与第 4 行的身份证号码相同」 and "the same ID number as row 4" come from the same values.
 */
export function importParams(field: ImportField, params?: Params): Params {
  return { field: `@fields.${MEMBER_FIELD_OF[field]}`, ...params }
}

/** The reason for one cell in zh-CN, to follow 「第 12 行 身份证号码：」, e.g. 校验位错误，应为 X，请核对后重新导入. */
export function importReasonZh(field: ImportField, messageKey: string, params?: Params): string {
  return formatImportReason(field, messageKey, importParams(field, params))
}

/** 「第 12 行 身份证号码：校验位错误，应为 X，请核对后重新导入」 */
export function rowMessageZh(rowNumber: number, column: string, reason: string): string {
  return formatImportRow(rowNumber, column, reason)
}

/** Everything an ImportError carries about its wording: language-free params and the zh-CN texts. */
export function importErrorWords(rowNumber: number, column: string, field: ImportField, messageKey: string, issueParams?: Params) {
  const params = importParams(field, issueParams)
  const reason = formatImportReason(field, messageKey, params)
  return { params, reason, message: rowMessageZh(rowNumber, column, reason) }
}
