import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

/**
 * Search keys computed from a name at write time (performance.md): the name's characters and their
 * adjacent pairs, separated by spaces, for the FTS index (member-search-sql.ts `nameMatch`); full
 * pinyin and pinyin initials for GLOB prefix look-ups. pinyin-pro is loaded on first use so it
 * costs nothing at start-up.
 */
export type NameKeys = { tokens: string; pinyin: string; initials: string }
export type NameKeyer = (name: string) => NameKeys

let keyer: NameKeyer | undefined

/**
 * How a name becomes search keys, as JavaScript source: an import computes the keys on its worker
 * thread (seal-worker.ts) and every other write on this one, and both must get exactly the same, so
 * both run this one text (this thread through the definitions exported below).
 * - nameCharacters: only letters/digits take part in search; "·" in transliterated names and spaces are dropped.
 * - namePairs: 张伟华 → 张伟, 伟华, so a 2-character search is one token, not a phrase of two common ones.
 * - nameTokens, the FTS text: characters first, then pairs, so the pairs of a name sit at consecutive positions.
 * - makeNameKeys, given pinyin-pro: the tokens, full pinyin and initials; `surname: 'head'`
 *   reads 单/曾/区 as surnames (shan/zeng/ou), as a register would. Names repeat (a roster of 100k has
 *   tens of thousands of distinct names, a department far fewer) and pinyin is the dearest step of
 *   a write after sealing the ID number, so keys are remembered per name; the memo is bounded
 *   (50k names: room for every distinct name of a 100k roster, where 20k entries
 *   started over several times and recomputed a fifth of the names) and simply starts over when full.
 */
export const NAME_KEYS_SOURCE = String.raw`
const letterOrDigit = /[\p{L}\p{N}]/u
function nameCharacters(name) {
  return [...name.normalize('NFKC')].filter((c) => letterOrDigit.test(c))
}
function namePairs(chars) {
  return chars.slice(1).map((c, i) => chars[i] + c)
}
function tokensOf(chars) {
  const lower = chars.map((c) => c.toLowerCase())
  return lower.concat(namePairs(lower)).join(' ')
}
function nameTokens(name) {
  return tokensOf(nameCharacters(name))
}
const MEMO_LIMIT = 50000
const HAN = /^[\u3400-\u9fff]$/u
function makeNameKeys(pinyinPro) {
  const { pinyin, polyphonic } = pinyinPro
  const asLetters = (s) => s.toLowerCase().replace(/[^a-z0-9]/g, '')
  const memo = new Map()
  // A Chinese character with one reading (toneless) reads the same in any name, so a name of only
  // such characters is their readings in a row, with no segmenting. Names with a character of
  // several readings (单, 曾, 长, 家 …) or with letters go through pinyin-pro whole.
  const onlyReading = new Map()
  const readingOf = (c) => {
    let r = onlyReading.get(c)
    if (r === undefined) {
      const all = HAN.test(c) ? polyphonic(c, { toneType: 'none', type: 'array', v: true })[0] : null
      r = all && all.length === 1 ? all[0] : ''
      onlyReading.set(c, r)
    }
    return r
  }
  const readingsOf = (chars) => {
    const out = []
    for (const c of chars) {
      const r = readingOf(c)
      if (!r) return pinyin(chars.join(''), { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive', v: true })
      out.push(r)
    }
    return out
  }
  return (name) => {
    let keys = memo.get(name)
    if (keys) return keys
    const chars = nameCharacters(name)
    const full = readingsOf(chars)
    keys = {
      tokens: tokensOf(chars),
      pinyin: full.map(asLetters).join(''),
      initials: full.map((s) => asLetters(s).slice(0, 1)).join(''),
    }
    if (memo.size >= MEMO_LIMIT) memo.clear()
    memo.set(name, keys)
    return keys
  }
}`

/** What makeNameKeys uses of pinyin-pro. */
type PinyinPro = {
  pinyin: (text: string, options: object) => string[]
  polyphonic: (text: string, options: object) => string[][]
}
type NameKeyDefinitions = {
  nameCharacters(name: string): string[]
  namePairs(chars: readonly string[]): string[]
  nameTokens(name: string): string
  makeNameKeys(pinyinPro: PinyinPro): NameKeyer
}
const definitions = new Function(`${NAME_KEYS_SOURCE}\nreturn { nameCharacters, namePairs, nameTokens, makeNameKeys }`)() as NameKeyDefinitions
export const { nameCharacters, namePairs, nameTokens } = definitions
const { makeNameKeys } = definitions

/** Where pinyin-pro's CommonJS build is, for a worker thread to load it; null if it cannot be found. */
export function pinyinModulePath(): string | null {
  try {
    return outsideAsar(createRequire(import.meta.url).resolve('pinyin-pro'), existsSync)
  } catch {
    return null
  }
}

/**
 * In the packaged app, modules resolve to paths inside app.asar, which only Electron's own file
 * functions can read; electron-builder.yml unpacks pinyin-pro next to it (app.asar.unpacked), a
 * real folder a worker thread can load from.
 */
export function outsideAsar(path: string, exists: (p: string) => boolean): string {
  const unpacked = path.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2')
  return unpacked !== path && exists(unpacked) ? unpacked : path
}

export async function loadNameKeyer(): Promise<NameKeyer> {
  if (keyer) return keyer
  const { pinyin, polyphonic } = await import('pinyin-pro')
  keyer = makeNameKeys({ pinyin, polyphonic } as PinyinPro)
  return keyer
}
