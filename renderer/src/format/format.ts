import { i18n } from '../i18n'

function locale(): string {
  return i18n.global.locale.value
}

/** Counts with thousands separators in the chosen locale: 100,000. */
export function formatCount(n: number): string {
  return new Intl.NumberFormat(locale()).format(n)
}

/** A member list's count line: 「共 1,200 人」, or 「超过 1,000 人，请输入更多内容缩小范围」 when a search stopped counting. */
export function memberCountText(total: number | null, capped: boolean): string {
  if (total === null) return ''
  return i18n.global.t(capped ? 'members.totalCapped' : 'members.total', { n: formatCount(total) })
}

/** Integer fen as ¥1,234.56. */
export function formatMoneyFen(fen: number): string {
  return new Intl.NumberFormat(locale(), { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol' }).format(fen / 100)
}

/** Today as YYYY-MM-DD in local time (what a date picker shows and core compares with). */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`
}
