/**
 * Search keys computed from a name at write time (performance.md): the name's characters and their
 * adjacent pairs, separated by spaces, for the FTS index (member-search-sql.ts `nameMatch`); full
 * pinyin and pinyin initials for GLOB prefix look-ups. pinyin-pro is loaded on first use so it
 * costs nothing at start-up.
 */
export type NameKeys = { tokens: string; pinyin: string; initials: string }
export type NameKeyer = (name: string) => NameKeys

let keyer: NameKeyer | undefined

/** Only letters/digits take part in search; "·" in transliterated names and spaces are dropped. */
export function nameCharacters(name: string): string[] {
  return [...name.normalize('NFKC')].filter((c) => /[\p{L}\p{N}]/u.test(c))
}

/** 张伟华 → 张伟, 伟华: a 2-character search is then one token, not a phrase of two common ones. */
export function namePairs(chars: readonly string[]): string[] {
  return chars.slice(1).map((c, i) => chars[i]! + c)
}

/** The FTS text: characters first, then pairs, so the pairs of a name sit at consecutive positions. */
export function nameTokens(name: string): string {
  const chars = nameCharacters(name).map((c) => c.toLowerCase())
  return [...chars, ...namePairs(chars)].join(' ')
}

/**
 * Names repeat (a roster of 100k has tens of thousands of distinct names, a department far fewer),
 * and pinyin conversion is the dearest step of a write after sealing the ID number, so results are
 * remembered. The keys depend on the name alone; the cache is bounded and simply starts over when full.
 */
const MEMO_LIMIT = 20_000

export async function loadNameKeyer(): Promise<NameKeyer> {
  if (keyer) return keyer
  const { pinyin } = await import('pinyin-pro')
  const asLetters = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '')
  const compute = (name: string): NameKeys => {
    const text = nameCharacters(name).join('')
    // surname: 'head' reads 单/曾/区 as surnames (shan/zeng/ou), as a register would.
    const full = pinyin(text, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive', v: true })
    return {
      tokens: nameTokens(name),
      pinyin: full.map(asLetters).join(''),
      initials: full.map((s) => asLetters(s).slice(0, 1)).join(''),
    }
  }
  const memo = new Map<string, NameKeys>()
  keyer = (name) => {
    let keys = memo.get(name)
    if (!keys) {
      if (memo.size >= MEMO_LIMIT) memo.clear()
      keys = compute(name)
      memo.set(name, keys)
    }
    return keys
  }
  return keyer
}
