import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { makeGcmBatch } from './gcm-batch'

/** What KeyVault.encrypt does for one message, with a given IV. */
function native(key: Buffer, iv: Buffer, message: string): string {
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const body = Buffer.concat([cipher.update(message, 'utf8'), cipher.final()])
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`
}

function open(key: Buffer, sealed: string): string {
  const raw = Buffer.from(sealed.slice(3), 'base64')
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12))
  decipher.setAuthTag(raw.subarray(12, 28))
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
}

describe('batched AES-256-GCM (the seal worker’s ID number sealing)', () => {
  it('equals createCipheriv on random keys, IVs and messages of every length up to 80 bytes', () => {
    for (let k = 0; k < 30; k++) {
      const key = randomBytes(32)
      const messages = Array.from({ length: 81 }, (_, len) => randomBytes(len).toString('latin1').replace(/[^\x20-\x7e]/g, 'x'))
      const ivs = randomBytes(12 * messages.length)
      const sealed = makeGcmBatch(createCipheriv, key).seal(messages, ivs)
      messages.forEach((m, i) => {
        expect(sealed[i]).toBe(native(key, ivs.subarray(i * 12, i * 12 + 12), m))
        expect(open(key, sealed[i]!)).toBe(m)
      })
    }
  })

  it('seals ID numbers, Chinese text and an empty batch the same way', () => {
    const key = randomBytes(32)
    const messages = ['630102198503010014', '63212819900101002X', '张三丰（藏族）', '', 'x'.repeat(300)]
    const ivs = randomBytes(12 * messages.length)
    const sealed = makeGcmBatch(createCipheriv, key).seal(messages, ivs)
    messages.forEach((m, i) => expect(sealed[i]).toBe(native(key, ivs.subarray(i * 12, i * 12 + 12), m)))
    expect(makeGcmBatch(createCipheriv, key).seal([], Buffer.alloc(0))).toEqual([])
  })

  it('gives a tag that fails to open once a byte of the text is changed', () => {
    const key = randomBytes(32)
    const [sealed] = makeGcmBatch(createCipheriv, key).seal(['630102198503010014'], randomBytes(12))
    const raw = Buffer.from(sealed!.slice(3), 'base64')
    raw[30]! ^= 1
    expect(() => open(key, `v1.${raw.toString('base64')}`)).toThrow()
  })

  it('opens what createCipheriv sealed, and refuses an altered text, another key’s text or an unknown version', () => {
    const key = randomBytes(32)
    const batch = makeGcmBatch(createCipheriv, key)
    const messages = ['630102198503010014', '', '藏族', 'y'.repeat(47)]
    const sealed = messages.map((m) => native(key, randomBytes(12), m))
    expect(batch.open(sealed)).toEqual(messages)
    expect(batch.open([])).toEqual([])
    for (const at of [0, 12, 27, 28, 40]) {
      const raw = Buffer.from(sealed[0]!.slice(3), 'base64')
      raw[at]! ^= 0x80
      expect(() => batch.open([sealed[2]!, `v1.${raw.toString('base64')}`]), `byte ${at}`).toThrow(/authentication/)
    }
    expect(() => makeGcmBatch(createCipheriv, randomBytes(32)).open([sealed[0]!])).toThrow(/authentication/)
    expect(() => batch.open([`v2.${sealed[0]!.slice(3)}`])).toThrow(/version/)
  })

  it('keeps giving createCipheriv’s results call after call on one batch (its one AES context is reused)', () => {
    const key = randomBytes(32)
    const batch = makeGcmBatch(createCipheriv, key)
    for (let round = 0; round < 50; round++) {
      const messages = Array.from({ length: 1 + (round % 7) }, (_, i) => `63010219850301${String(round * 10 + i).padStart(4, '0')}`)
      const ivs = randomBytes(12 * messages.length)
      const sealed = batch.seal(messages, ivs)
      messages.forEach((m, i) => expect(sealed[i]).toBe(native(key, ivs.subarray(i * 12, i * 12 + 12), m)))
      expect(batch.open(sealed)).toEqual(messages)
    }
  })
})
