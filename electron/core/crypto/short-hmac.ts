/**
 * HMAC-SHA256 of short messages (≤ 55 UTF-8 bytes), for the blind indexes: two per member of an
 * import, one per number search. node:crypto's createHmac costs 3–5 µs a call here, almost all of
 * it in setting up a native HMAC context; this does the same arithmetic in about 1.5 µs, because
 * the key's two padded blocks are hashed once up front and a short message is then one block each
 * way (FIPS 180-4 SHA-256, RFC 2104 HMAC). It returns exactly what
 * `createHmac('sha256', key).update(message).digest('base64url').slice(0, 22)` returns, which
 * short-hmac.test.ts checks on thousands of inputs; longer messages return null (callers use
 * createHmac for them).
 *
 * Kept as plain JavaScript source: the seal worker is an eval worker (see seal-worker.ts) and runs
 * this same text; a compiled function's own source text is not usable there, as transpilers add
 * helpers to it. The main thread gets the function from the same text below.
 */
export const SHORT_HMAC_SOURCE = String.raw`function makeShortHmac(key) {
  const K = new Int32Array([
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
    0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
    0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
    0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
    0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
    0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
  ])
  const W = new Int32Array(64)
  const rotr = (x, n) => (x >>> n) | (x << (32 - n))

  /** One SHA-256 compression of \`block\` (64 bytes) into the state H. */
  const compress = (H, block) => {
    for (let i = 0; i < 16; i++) W[i] = (block[i * 4] << 24) | (block[i * 4 + 1] << 16) | (block[i * 4 + 2] << 8) | block[i * 4 + 3]
    for (let i = 16; i < 64; i++) {
      const w15 = W[i - 15]
      const w2 = W[i - 2]
      const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3)
      const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10)
      W[i] = (W[i - 16] + s0 + W[i - 7] + s1) | 0
    }
    let a = H[0], b = H[1], c = H[2], d = H[3], e = H[4], f = H[5], g = H[6], h = H[7]
    for (let i = 0; i < 64; i++) {
      const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + W[i]) | 0
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0
      h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0
    }
    H[0] = (H[0] + a) | 0; H[1] = (H[1] + b) | 0; H[2] = (H[2] + c) | 0; H[3] = (H[3] + d) | 0
    H[4] = (H[4] + e) | 0; H[5] = (H[5] + f) | 0; H[6] = (H[6] + g) | 0; H[7] = (H[7] + h) | 0
  }

  // Keys longer than a block would first be hashed (RFC 2104); ours are 32 bytes.
  if (key.length > 64) throw new Error('HMAC key longer than one block')
  const padded = (pad) => {
    const block = new Uint8Array(64)
    block.set(key)
    for (let i = 0; i < 64; i++) block[i] = block[i] ^ pad
    const H = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19])
    compress(H, block)
    return H
  }
  const inner = padded(0x36)
  const outer = padded(0x5c)
  const H = new Int32Array(8)
  const block = new Uint8Array(64)
  const head = block.subarray(0, 56)
  const utf8 = new TextEncoder()
  const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  const out = new Array(22)

  /** Ends a message of \`bytes\` bytes that follows one 64-byte block: 0x80, zeros, the length in bits. */
  const finish = (bytes) => {
    block[bytes] = 0x80
    const bits = (64 + bytes) * 8
    block[62] = bits >>> 8
    block[63] = bits & 0xff
  }

  /** The message's UTF-8 bytes into the block: ASCII (every blind-index message so far) byte by byte. */
  const load = (message) => {
    for (let i = 0; i < message.length; i++) {
      const c = message.charCodeAt(i)
      if (c > 0x7f) {
        block.fill(0)
        const { read, written } = utf8.encodeInto(message, head)
        return read < message.length || written > 55 ? -1 : written
      }
      block[i] = c
    }
    return message.length
  }

  /** Byte \`i\` of the digest in H (big-endian words). */
  const byte = (i) => (H[i >> 2] >>> (24 - 8 * (i & 3))) & 0xff

  return (message) => {
    if (message.length > 55) return null
    block.fill(0)
    const length = load(message)
    if (length < 0) return null
    finish(length)
    H.set(inner)
    compress(H, block)
    block.fill(0)
    for (let i = 0; i < 8; i++) {
      block[i * 4] = H[i] >>> 24; block[i * 4 + 1] = H[i] >>> 16; block[i * 4 + 2] = H[i] >>> 8; block[i * 4 + 3] = H[i]
    }
    finish(32)
    H.set(outer)
    compress(H, block)
    // The first 22 base64url characters of the digest (16.5 bytes), as Buffer's 'base64url' writes them.
    for (let k = 0, i = 0; k < 22; k += 4, i += 3) {
      const n = (byte(i) << 16) | (byte(i + 1) << 8) | (i + 2 < 17 ? byte(i + 2) : 0)
      out[k] = BASE64URL.charCodeAt(n >>> 18)
      out[k + 1] = BASE64URL.charCodeAt((n >>> 12) & 63)
      if (k + 2 < 22) out[k + 2] = BASE64URL.charCodeAt((n >>> 6) & 63)
      if (k + 3 < 22) out[k + 3] = BASE64URL.charCodeAt(n & 63)
    }
    return String.fromCharCode.apply(null, out)
  }
}

/**
 * A blind index: the HMAC of purpose, NUL, value, as 22 base64url characters; short messages
 * through makeShortHmac, longer ones through createHmac. KeyVault and the seal worker both use it.
 */
function makeBlindIndex(createHmac, key) {
  const shortHmac = makeShortHmac(key)
  return (purpose, value) => {
    const message = purpose + '\u0000' + value
    return shortHmac(message) ?? createHmac('sha256', key).update(message).digest('base64url').slice(0, 22)
  }
}`

type ShortHmac = (message: string) => string | null
type BlindIndex = (purpose: string, value: string) => string

// The one definition is the text above (see why there).
export const { makeShortHmac, makeBlindIndex } = new Function(`${SHORT_HMAC_SOURCE}\nreturn { makeShortHmac, makeBlindIndex }`)() as {
  makeShortHmac: (key: Uint8Array) => ShortHmac
  makeBlindIndex: (createHmac: typeof import('node:crypto').createHmac, key: Uint8Array) => BlindIndex
}
