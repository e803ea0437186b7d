/**
 * Unified social credit code, GB 32100-2015: 18 characters from a 31-character alphabet (no I, O,
 * S, V, Z); the last is a check character over the first 17 with weights 3^i mod 31.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

export type UsccResult =
  | { ok: true; value: string }
  | { ok: false; reason: 'length' | 'format' | 'checksum'; expected?: string }

export function usccCheckCharacter(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!
  return ALPHABET[(31 - (sum % 31)) % 31]!
}

export function checkUscc(raw: string): UsccResult {
  const value = raw.replace(/\s/g, '').toUpperCase()
  if (value.length !== 18) return { ok: false, reason: 'length' }
  if (![...value].every((c) => ALPHABET.includes(c))) return { ok: false, reason: 'format' }
  const expected = usccCheckCharacter(value)
  if (value[17] !== expected) return { ok: false, reason: 'checksum', expected }
  return { ok: true, value }
}
