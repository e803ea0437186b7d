/**
 * Search keys computed from a name at write time (performance.md): the characters separated by
 * spaces for the FTS phrase index, full pinyin and pinyin initials for GLOB prefix look-ups.
 * pinyin-pro is loaded on first use so it costs nothing at start-up.
 */
export type NameKeys = { tokens: string; pinyin: string; initials: string }
export type NameKeyer = (name: string) => NameKeys

let keyer: NameKeyer | undefined

/** Only letters/digits take part in search; "·" in transliterated names and spaces are dropped. */
export function nameCharacters(name: string): string[] {
  return [...name.normalize('NFKC')].filter((c) => /[\p{L}\p{N}]/u.test(c))
}

export async function loadNameKeyer(): Promise<NameKeyer> {
  if (keyer) return keyer
  const { pinyin } = await import('pinyin-pro')
  keyer = (name) => {
    const chars = nameCharacters(name)
    const text = chars.join('')
    // surname: 'head' reads 单/曾/区 as surnames (shan/zeng/ou), as a register would.
    const full = pinyin(text, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive', v: true })
    const asLetters = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '')
    return {
      tokens: chars.join(' ').toLowerCase(),
      pinyin: full.map(asLetters).join(''),
      initials: full.map((s) => asLetters(s).slice(0, 1)).join(''),
    }
  }
  return keyer
}
