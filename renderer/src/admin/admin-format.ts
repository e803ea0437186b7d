import type { BackupInfo } from './admin-types'

const pad = (n: number) => String(n).padStart(2, '0')

/** An ISO instant (audit `at`) as local `2026-11-27 09:00:00`; anything unparsable comes back unchanged. */
export function formatLocalDateTime(iso: string, seconds = true): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}${seconds ? `:${pad(d.getSeconds())}` : ''}`
  return `${date} ${time}`
}

/** Today as `2026-11-27` (local). */
export function localDateText(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** A backup's `createdAt` (already local, `2026-11-27 09:00:00`) without the seconds, as people say it. */
export function backupTime(b: Pick<BackupInfo, 'createdAt'>): string {
  return b.createdAt.replace(/^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}):\d{2}$/, '$1 $2')
}

/** File sizes as people read them: `0 KB`, `356 KB`, `1.2 MB`, `2.05 GB` (locale digit grouping). */
export function formatBytes(bytes: number, locale = 'zh-CN'): string {
  const KB = 1024
  const MB = KB * 1024
  const GB = MB * 1024
  const n = (v: number, digits: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(v)
  if (bytes < MB) return `${n(bytes === 0 ? 0 : Math.max(1, Math.round(bytes / KB)), 0)} KB`
  if (bytes < GB) return `${n(bytes / MB, 1)} MB`
  return `${n(bytes / GB, 2)} GB`
}

/** How the change column words a field and a value; built from i18n in the view, plain in tests. */
export type ChangeWords = {
  field: (field: string) => string
  value: (field: string, value: unknown) => string
  blank: string
  /** Between label and value: 「：」 in Chinese, ': ' in English. */
  colon?: string
}

const isPair = (v: unknown): v is [unknown, unknown] => Array.isArray(v) && v.length === 2

/**
 * `changes` as readable lines: `{field: [old, new]}` → 「姓名：张三 → 张叁」, a new value alone
 * (created) → 「姓名：张三」, other values (counts, a file name) → 「新增：12」. Values that did not
 * change and empty pairs are left out.
 */
export function formatChanges(changes: Record<string, unknown>, words: ChangeWords): string[] {
  const lines: string[] = []
  const colon = words.colon ?? '：'
  for (const [field, raw] of Object.entries(changes)) {
    const label = words.field(field) + colon
    if (isPair(raw)) {
      const [before, after] = raw
      if (before === after) continue
      const a = before === null || before === undefined || before === '' ? null : words.value(field, before)
      const b = after === null || after === undefined || after === '' ? null : words.value(field, after)
      if (a === null && b === null) continue
      lines.push(a === null ? `${label}${b}` : `${label}${a} → ${b ?? words.blank}`)
    } else if (raw !== null && raw !== undefined && raw !== '') {
      lines.push(`${label}${words.value(field, raw)}`)
    }
  }
  return lines
}

/** Default wording of a value with no code behind it: text as is, yes/no, numbers, JSON for the rest. */
export function plainValue(value: unknown, yes: string, no: string, locale = 'zh-CN'): string {
  if (typeof value === 'string') return value
  if (typeof value === 'boolean') return value ? yes : no
  if (typeof value === 'number') return new Intl.NumberFormat(locale, { useGrouping: false }).format(value)
  return JSON.stringify(value)
}

/**
 * What the 对象 column names: the record's name where the entry carries one, else what `lookup`
 * knows (e.g. the account's name for a sign-in), else its number.
 */
export function objectName(
  row: { entity: string; entityId: string | null; changes: Record<string, unknown> },
  lookup: (entity: string, id: string) => string | undefined = () => undefined,
): string {
  for (const key of ['name', 'displayName', 'username', 'file']) {
    const v = row.changes[key]
    const text = isPair(v) ? (v[1] ?? v[0]) : v
    if (typeof text === 'string' && text) return text
  }
  if (!row.entityId) return ''
  return lookup(row.entity, row.entityId) ?? `#${row.entityId}`
}
