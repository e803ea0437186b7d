/**
 * Employee numbers and mobiles are searched by any run of 3+ of their characters. They are indexed
 * as their 4-character pieces plus their last 3 characters (13912345678 → "1391 3912 … 5678 678"),
 * one FTS column per field. A longer search is the phrase of its consecutive 4-character pieces,
 * whose posting lists are short (about a hundred members each at 100k), where a trigram index
 * intersects lists of thousands; a 3-character search is a prefix query (pieces starting with
 * it, or the last-3 piece). The last-3 piece comes last and is shorter than the rest, so a phrase
 * of 4-character pieces never runs on into it.
 */
const ASCII_ALNUM = /^[0-9A-Za-z]*$/
// Mobiles and employee numbers are nearly always plain ASCII, which NFKC leaves as it is: an import
// of 100k members then skips two normalizations per member.
const alnum = (value: string) =>
  ASCII_ALNUM.test(value) ? value.toLowerCase() : value.normalize('NFKC').toLowerCase().replace(/[^0-9a-z]/g, '')

function pieces(s: string, n: number): string[] {
  const out: string[] = []
  for (let i = 0; i + n <= s.length; i++) out.push(s.slice(i, i + n))
  return out
}

export function numberGrams(value: string | null): string {
  if (!value) return ''
  const s = alnum(value)
  if (s.length <= 3) return s
  let out = ''
  for (let i = 0; i + 4 <= s.length; i++) out += `${s.slice(i, i + 4)} `
  return out + s.slice(-3)
}

/** The FTS query for typed characters (3 or more letters/digits after dropping dashes and spaces). */
export function numberMatch(text: string): string {
  const s = alnum(text)
  return s.length < 4 ? `"${s}"*` : `"${pieces(s, 4).join(' ')}"`
}
