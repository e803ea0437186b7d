import { zhCN } from './zh-CN'

type Params = Record<string, string | number> | undefined

/** Words an error key in zh-CN, resolving `{field}` to the field's label. Used where no i18n runs (core, reports). */
export function formatErrorZh(messageKey: string, field?: string, params?: Params): string {
  const errors = zhCN.errors as Record<string, string>
  const fields = zhCN.fields as Record<string, string>
  const template = errors[messageKey] ?? errors.invalid!
  const all: Record<string, string | number> = { field: (field && fields[field]) || field || '', ...params }
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(all[k] ?? ''))
}
