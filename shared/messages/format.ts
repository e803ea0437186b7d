import { zhCN } from './zh-CN'

type Params = Record<string, string | number> | undefined

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
