import { createHmac, randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { makeBlindIndex, makeShortHmac } from './short-hmac'

const native = (key: Buffer, message: string) => createHmac('sha256', key).update(message).digest('base64url').slice(0, 22)

describe('short HMAC-SHA256 (the seal worker’s blind indexes)', () => {
  it('equals createHmac on thousands of random keys and messages of every length up to 55 bytes', () => {
    for (let k = 0; k < 40; k++) {
      const key = randomBytes(32)
      const hmac = makeShortHmac(key)
      for (let i = 0; i < 100; i++) {
        const len = (k * 100 + i) % 56
        const message = randomBytes(len).toString('latin1').replace(/[\u0080-\u00ff]/g, 'a')
        expect(hmac(message)).toBe(native(key, message))
      }
    }
  })

  it('equals createHmac on the messages the blind indexes hash, Chinese and 55/56-byte edges included', () => {
    const key = randomBytes(32)
    const hmac = makeShortHmac(key)
    const messages = ['idNumber\u0000630102198503010014', 'idTail4\u00001234', 'idTail6\u000001001X', '', '张三丰',
      'x'.repeat(55), `${'中'.repeat(18)}a`]
    for (const m of messages) expect(hmac(m)).toBe(native(key, m))
  })

  it('declines messages over 55 bytes (one block) rather than hashing them wrongly', () => {
    const hmac = makeShortHmac(randomBytes(32))
    expect(hmac('x'.repeat(56))).toBeNull()
    expect(hmac('中'.repeat(19))).toBeNull() // 57 bytes in UTF-8, 19 characters
  })

  it('gives a blind index of purpose and value equal to createHmac, short or long', () => {
    const key = randomBytes(32)
    const blind = makeBlindIndex(createHmac, key)
    for (const [purpose, value] of [['idTail4', '123X'], ['idNumber', '630102198503010014'], ['idNumber', '中'.repeat(30)]] as const) {
      expect(blind(purpose, value)).toBe(native(key, `${purpose}\u0000${value}`))
    }
  })
})
