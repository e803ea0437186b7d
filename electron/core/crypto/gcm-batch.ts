/**
 * AES-256-GCM for many short messages at once: the seal worker seals an import's ID numbers with
 * it, and a search by the end of an ID number opens its candidates' numbers with it. node:crypto has no one-shot cipher call: each createCipheriv sets up a native context
 * and expands the key, about 20 µs a message here, the largest part of an import's per-row work.
 * GCM is counter mode plus a GHASH tag (NIST SP 800-38D), so a whole batch is done with one
 * native AES-ECB call over all the batch's counter blocks (that is CTR mode), and the tags are
 * computed here with a 4-bit table multiplication in GF(2^128) (Shoup's method, as in mbed TLS'
 * gcm.c). The output is exactly what `KeyVault.encrypt` gives for the same IV: gcm-batch.test.ts
 * compares the two on thousands of random keys, IVs and messages, opens the results with
 * createDecipheriv, and opens createCipheriv's with `open`, which refuses an altered one.
 *
 * Plain JavaScript source, like short-hmac.ts, because the eval worker runs this same text.
 */
export const GCM_BATCH_SOURCE = String.raw`function makeGcmBatch(createCipheriv, key) {
  // One ECB context for every call: ECB keeps no state between blocks and every input is whole
  // blocks, so update() can go on forever, and a context costs more to set up (the key schedule)
  // than the handful of blocks a search opens.
  const cipher = createCipheriv('aes-256-ecb', key, null)
  cipher.setAutoPadding(false)
  const ecb = (input) => cipher.update(input)

  // The hash key H = E(K, 0¹²⁸) and the table of its products with every 4-bit value, as four
  // big-endian 32-bit words each (word 0 most significant).
  const h = ecb(Buffer.alloc(16))
  const T = new Int32Array(64)
  let h0 = h.readInt32BE(0), h1 = h.readInt32BE(4), h2 = h.readInt32BE(8), h3 = h.readInt32BE(12)
  T.set([h0, h1, h2, h3], 32)
  for (let i = 4; i > 0; i >>= 1) {
    const carry = h3 & 1
    h3 = (h3 >>> 1) | (h2 << 31); h2 = (h2 >>> 1) | (h1 << 31); h1 = (h1 >>> 1) | (h0 << 31)
    h0 = (h0 >>> 1) ^ (carry ? 0xe1000000 : 0)
    T.set([h0, h1, h2, h3], i * 4)
  }
  for (let i = 2; i <= 8; i *= 2) {
    for (let j = 1; j < i; j++) for (let w = 0; w < 4; w++) T[(i + j) * 4 + w] = T[i * 4 + w] ^ T[j * 4 + w]
  }
  const LAST4 = [0x0000, 0x1c20, 0x3840, 0x2460, 0x7080, 0x6ca0, 0x48c0, 0x54e0,
    0xe100, 0xfd20, 0xd940, 0xc560, 0x9180, 0x8da0, 0xa9c0, 0xb5e0]

  // The GHASH state Y, multiplied by H in place.
  const Y = new Int32Array(4)
  const multiplyByH = () => {
    let z0 = 0, z1 = 0, z2 = 0, z3 = 0
    for (let i = 15; i >= 0; i--) {
      const byte = (Y[i >> 2] >>> ((3 - (i & 3)) * 8)) & 0xff
      // Low nibble, then high nibble; each step but the first shifts Z right by 4 bits and reduces.
      let rem, t
      if (i !== 15) {
        rem = z3 & 0xf
        z3 = (z3 >>> 4) | (z2 << 28); z2 = (z2 >>> 4) | (z1 << 28); z1 = (z1 >>> 4) | (z0 << 28)
        z0 = (z0 >>> 4) ^ (LAST4[rem] << 16)
      }
      t = (byte & 0xf) * 4
      z0 ^= T[t]; z1 ^= T[t + 1]; z2 ^= T[t + 2]; z3 ^= T[t + 3]
      rem = z3 & 0xf
      z3 = (z3 >>> 4) | (z2 << 28); z2 = (z2 >>> 4) | (z1 << 28); z1 = (z1 >>> 4) | (z0 << 28)
      z0 = (z0 >>> 4) ^ (LAST4[rem] << 16)
      t = (byte >>> 4) * 4
      z0 ^= T[t]; z1 ^= T[t + 1]; z2 ^= T[t + 2]; z3 ^= T[t + 3]
    }
    Y[0] = z0; Y[1] = z1; Y[2] = z2; Y[3] = z3
  }

  /** The counter blocks of messages of these lengths, each J0 = IV ‖ 1 (masks the tag), then IV ‖ 2, … (the text), encrypted. */
  const keystream = (lengths, ivs, ivAt) => {
    let blocks = 0
    for (const n of lengths) blocks += 1 + Math.ceil(n / 16)
    const counters = Buffer.alloc(blocks * 16)
    let at = 0
    lengths.forEach((n, m) => {
      for (let c = 1; c <= 1 + Math.ceil(n / 16); c++, at += 16) {
        ivs.copy(counters, at, ivAt(m), ivAt(m) + 12)
        counters.writeUInt32BE(c, at + 12)
      }
    })
    return ecb(counters)
  }

  /** GHASH of the ciphertext buf[from, from + n) with no additional data, into Y. */
  const ghash = (buf, from, n) => {
    Y.fill(0)
    for (let b = 0; b < n; b += 16) {
      for (let i = b; i < b + 16 && i < n; i++) Y[(i - b) >> 2] ^= buf[from + i] << ((3 - ((i - b) & 3)) * 8)
      multiplyByH()
    }
    // The lengths block: no additional data, then the text's length in bits.
    Y[2] ^= Math.floor(n / 0x20000000); Y[3] ^= (n * 8) | 0
    multiplyByH()
  }

  /**
   * Seals each message (a string, as UTF-8) with the 12-byte IV at the same position in ivs and
   * returns what KeyVault.encrypt returns: "v1." + base64(IV ‖ tag ‖ ciphertext).
   */
  const seal = (messages, ivs) => {
    const plains = messages.map((m) => Buffer.from(m, 'utf8'))
    const stream = keystream(plains.map((p) => p.length), ivs, (m) => m * 12)
    const out = new Array(plains.length)
    let at = 0
    for (let m = 0; m < plains.length; m++) {
      const p = plains[m]
      const sealed = Buffer.alloc(28 + p.length)
      ivs.copy(sealed, 0, m * 12, m * 12 + 12)
      for (let i = 0; i < p.length; i++) sealed[28 + i] = p[i] ^ stream[at + 16 + i]
      ghash(sealed, 28, p.length)
      for (let w = 0; w < 4; w++) sealed.writeInt32BE(Y[w] ^ stream.readInt32BE(at + w * 4), 12 + w * 4)
      out[m] = 'v1.' + sealed.toString('base64')
      at += 16 * (1 + Math.ceil(p.length / 16))
    }
    return out
  }

  /**
   * Opens what seal (or KeyVault.encrypt) returned, as KeyVault.decrypt does; throws, naming no
   * value, if any of them is not a v1 text or fails its tag (altered, or sealed with another key).
   */
  const open = (texts) => {
    const raws = texts.map((t) => {
      if (!t.startsWith('v1.')) throw new Error('unknown ciphertext version')
      const raw = Buffer.from(t.slice(3), 'base64')
      if (raw.length < 28) throw new Error('sealed value too short')
      return raw
    })
    const ivs = Buffer.concat(raws.map((r) => r.subarray(0, 12)))
    const stream = keystream(raws.map((r) => r.length - 28), ivs, (m) => m * 12)
    const out = new Array(raws.length)
    let at = 0
    for (let m = 0; m < raws.length; m++) {
      const raw = raws[m]
      const n = raw.length - 28
      ghash(raw, 28, n)
      let diff = 0
      for (let w = 0; w < 4; w++) diff |= (Y[w] ^ stream.readInt32BE(at + w * 4)) ^ raw.readInt32BE(12 + w * 4)
      if (diff !== 0) throw new Error('sealed value failed authentication')
      const plain = Buffer.alloc(n)
      for (let i = 0; i < n; i++) plain[i] = raw[28 + i] ^ stream[at + 16 + i]
      out[m] = plain.toString('utf8')
      at += 16 * (1 + Math.ceil(n / 16))
    }
    return out
  }

  return { seal, open }
}`

type CreateCipheriv = typeof import('node:crypto').createCipheriv
type GcmBatch = {
  seal(messages: readonly string[], ivs: Buffer): string[]
  open(sealed: readonly string[]): string[]
}

// The one definition is the text above (see why there).
export const makeGcmBatch = new Function(`${GCM_BATCH_SOURCE}\nreturn makeGcmBatch`)() as (
  createCipheriv: CreateCipheriv, key: Uint8Array | import('node:crypto').KeyObject) => GcmBatch
