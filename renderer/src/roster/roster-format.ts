import type { Result } from '../api/client'
import { formatCount } from '../format/format'
import { i18n } from '../i18n'
import type { MemberFilters } from '../stores/member-listing'

export type ImportStatus = Result<'roster.importStatus'>
export type ImportResult = NonNullable<ImportStatus['result']>

const t = (key: string, params: Record<string, unknown> = {}) => i18n.global.t(key, params)

/** A speed worth reading: two significant figures above 1,000 (9,837 → 9,800), tens below. */
export function roundRate(rowsPerSecond: number): number {
  if (!Number.isFinite(rowsPerSecond) || rowsPerSecond <= 0) return 0
  if (rowsPerSecond >= 1000) {
    const unit = 10 ** (Math.floor(Math.log10(rowsPerSecond)) - 1)
    return Math.round(rowsPerSecond / unit) * unit
  }
  if (rowsPerSecond >= 10) return Math.round(rowsPerSecond / 10) * 10
  return Math.round(rowsPerSecond)
}

/** 「已处理 12,000 / 100,000 行，约 9,800 行/秒」 (no total: 「已处理 12,000 行」; no speed yet: without it). */
export function importProgressText(s: Pick<ImportStatus, 'rowsDone' | 'total' | 'rowsPerSecond'>): string {
  const done = formatCount(s.rowsDone)
  const head = s.total === null
    ? t('roster.import.progress.noTotal', { done })
    : t('roster.import.progress.withTotal', { done, total: formatCount(s.total) })
  const rate = roundRate(s.rowsPerSecond)
  return rate > 0 ? head + t('roster.import.progress.rate', { rate: formatCount(rate) }) : head
}

/** 0–100 for the progress bar; without a total it stays at 0 until done. */
export function importPercent(s: Pick<ImportStatus, 'rowsDone' | 'total' | 'state'>): number {
  if (s.state === 'done') return 100
  if (!s.total) return 0
  return Math.min(99, Math.floor((s.rowsDone / s.total) * 100))
}

/** 「新增 N 人，更新 N 人，跳过 N 行，N 行有错误未导入」 */
export function importSummaryText(r: Pick<ImportResult, 'inserted' | 'updated' | 'skipped' | 'errors'>): string {
  return t('roster.import.result.summary', {
    inserted: formatCount(r.inserted), updated: formatCount(r.updated), skipped: formatCount(r.skipped), errors: formatCount(r.errors),
  })
}

/** 1,234 B → 「1.2 KB」, for upload progress. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}

/** How the export dialog names each filter value (department name, status word …). */
export type FilterWords = {
  department: (id: number) => string
  status: (s: NonNullable<MemberFilters['status']>) => string
  gender: (g: NonNullable<MemberFilters['gender']>) => string
  ethnicity: (code: string) => string
}

/** The active filters in words, e.g. 「部门 发电运行部，状态 在册」; 「全部会员」 when none. */
export function describeFilters(f: MemberFilters, words: FilterWords): string {
  const parts: string[] = []
  const part = (key: string, v: string) => parts.push(t(`roster.export.parts.${key}`, { v }))
  const query = f.query.trim()
  if (query) part('query', query)
  if (f.departmentId !== null) part('departmentId', words.department(f.departmentId))
  if (f.status) part('status', words.status(f.status))
  if (f.gender) part('gender', words.gender(f.gender))
  if (f.ethnicity) part('ethnicity', words.ethnicity(f.ethnicity))
  if (f.unqualifiedOnly) parts.push(t('roster.export.parts.unqualifiedOnly'))
  return parts.length ? parts.join(t('roster.export.separator')) : t('roster.export.noFilter')
}

/** 「当前筛选：部门 发电运行部，状态 在册，共 1,234 人」 */
export function filterSentence(f: MemberFilters, words: FilterWords, total: number | null, capped = false): string {
  const filter = describeFilters(f, words)
  const n = total === null ? '…' : formatCount(total)
  return t(capped ? 'roster.export.filterCapped' : 'roster.export.filter', { filter, n })
}

/** The filter as core's export wants it (the listing's search parameters, no paging). */
export function exportFilter(f: MemberFilters): MemberFilters {
  return { ...f, query: f.query.trim() }
}
