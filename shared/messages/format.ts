import { zhCN } from './zh-CN'

type Params = Record<string, string | number>

/**
 * A parameter may name another message instead of carrying words: `@statuses.retained`. That keeps
 * error values language-free, so the renderer can word them in English as well as in Chinese.
 */
export function resolveMessageRef(value: string | number, catalogue: object = zhCN): string | number {
  if (typeof value !== 'string' || !value.startsWith('@')) return value
  let node: unknown = catalogue
  for (const part of value.slice(1).split('.')) node = (node as Record<string, unknown> | undefined)?.[part]
  return typeof node === 'string' ? node : value
}

/** Words an error key in zh-CN, resolving `{field}` to the field's label. Used where no i18n runs (core, reports). */
export function formatErrorZh(messageKey: string, field?: string, params?: Params): string {
  const errors = zhCN.errors as Record<string, string>
  const fields = zhCN.fields as Record<string, string>
  const template = errors[messageKey] ?? errors.invalid!
  const all: Record<string, string | number> = { field: (field && fields[field]) || field || '', ...params }
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(resolveMessageRef(all[k] ?? '')))
}

/** The parts of a catalogue (zh-CN or en) that word roster import errors. */
export type ImportWording = {
  errors: Readonly<Record<string, string>>
  importErrors: { row: string; reasons: Readonly<Record<string, string>>; hints: Readonly<Record<string, string>> }
}

function fill(template: string, params: Params, catalogue: object): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(resolveMessageRef(params[k] ?? '', catalogue)))
}

/**
 * Why one cell of a roster cannot be imported: the field's hint, else the import reason, else the
 * general error. `params.field` names the field's label (`@fields.idNumber`). The renderer follows
 * the same order with vue-i18n (renderer/src/roster/import-error-text.ts).
 */
export function formatImportReason(field: string | null, messageKey: string, params: Params, catalogue: ImportWording = zhCN): string {
  const { hints, reasons } = catalogue.importErrors
  const template = (field ? hints[`${field}.${messageKey}`] : undefined) ?? reasons[messageKey]
    ?? catalogue.errors[messageKey] ?? catalogue.errors.invalid ?? ''
  return fill(template, params, catalogue)
}

/** 「第 12 行 身份证号码：<reason>」; `column` is the file's header, `label` the field's (a `@fields.x` reference). */
export function formatImportRow(rowNumber: number, column: string, reason: string, label: string = column, catalogue: ImportWording = zhCN): string {
  return fill(catalogue.importErrors.row, { row: rowNumber, column, label, reason }, catalogue)
}
