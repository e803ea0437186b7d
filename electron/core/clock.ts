/** Time as core sees it; tests pass a fixed clock. Dates are the office PC's local calendar day. */
export type Clock = { now(): Date }
export const systemClock: Clock = { now: () => new Date() }

export function localDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}
