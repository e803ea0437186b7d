import { Worker } from 'node:worker_threads'
import { SHORT_HMAC_SOURCE } from './short-hmac'

/** What one sealed ID number is made of, in the order the worker returns them. */
export type SealedParts = { enc: string; hash: string; tail4: string; tail5: string; tail6: string }

/**
 * The worker's program as source text (an `eval` worker): it then runs the same from tsx, vitest
 * and the electron-vite bundle, with no separate entry file to ship. It must produce exactly what
 * KeyVault.encrypt and IdNumberProtector's blind indexes produce; seal-worker.test.ts checks that
 * the main thread can open and find what it seals.
 */
const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads')
const { createCipheriv, createHmac, createSecretKey, randomBytes } = require('node:crypto')
${SHORT_HMAC_SOURCE}
const encKey = createSecretKey(Buffer.from(workerData.encKey))
const indexKey = Buffer.from(workerData.indexKey)
const shortHmac = makeShortHmac(indexKey)
let ivPool = Buffer.alloc(0)
let ivAt = 0
function nextIv() {
  if (ivAt + 12 > ivPool.length) { ivPool = randomBytes(12 * 1024); ivAt = 0 }
  ivAt += 12
  return ivPool.subarray(ivAt - 12, ivAt)
}
function encrypt(plain) {
  const iv = nextIv()
  const cipher = createCipheriv('aes-256-gcm', encKey, iv)
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return 'v1.' + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')
}
function blind(purpose, value) {
  const message = purpose + '\u0000' + value
  return shortHmac(message) ?? createHmac('sha256', indexKey).update(message).digest('base64url').slice(0, 22)
}
parentPort.on('message', (m) => {
  const out = new Array(m.values.length * 5)
  for (let i = 0; i < m.values.length; i++) {
    const v = m.values[i]
    const upper = v.toUpperCase()
    out[i * 5] = encrypt(v)
    out[i * 5 + 1] = blind('idNumber', v)
    out[i * 5 + 2] = blind('idTail4', upper.slice(-4))
    out[i * 5 + 3] = blind('idTail5', upper.slice(-5))
    out[i * 5 + 4] = blind('idTail6', upper.slice(-6))
  }
  parentPort.postMessage({ id: m.id, out })
})
`

/**
 * Seals ID numbers on a worker thread. An import spends about a third of its main-thread time on
 * sealing (AES-GCM and four HMACs per row); handed to a worker, it runs while the main thread reads
 * and checks the next rows. The keys are copied into the worker's memory and die with it.
 */
export class SealWorker {
  private readonly worker: Worker
  private readonly waiting = new Map<number, { resolve: (parts: SealedParts[]) => void; reject: (err: Error) => void }>()
  private nextId = 1
  private failure: Error | null = null

  constructor(keys: { encKey: Buffer; indexKey: Buffer }) {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { encKey: new Uint8Array(keys.encKey), indexKey: new Uint8Array(keys.indexKey) },
      // Its work is short-lived strings: a small heap keeps an import's peak memory down.
      resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 48 },
    })
    this.worker.on('message', (m: { id: number; out: string[] }) => {
      const w = this.waiting.get(m.id)
      this.waiting.delete(m.id)
      const parts: SealedParts[] = []
      for (let i = 0; i < m.out.length; i += 5) {
        parts.push({ enc: m.out[i]!, hash: m.out[i + 1]!, tail4: m.out[i + 2]!, tail5: m.out[i + 3]!, tail6: m.out[i + 4]! })
      }
      w?.resolve(parts)
    })
    const fail = (err: Error) => {
      this.failure = err
      for (const w of this.waiting.values()) w.reject(err)
      this.waiting.clear()
    }
    this.worker.on('error', fail)
    this.worker.on('exit', (code) => { if (code !== 0) fail(new Error(`seal worker stopped (${code})`)) })
  }

  /** Seals normalized 18-character ID numbers, in order. */
  seal(values: readonly string[]): Promise<SealedParts[]> {
    if (this.failure) return Promise.reject(this.failure)
    if (values.length === 0) return Promise.resolve([])
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject })
      this.worker.postMessage({ id, values })
    })
  }

  async close(): Promise<void> {
    this.failure ??= new Error('seal worker closed')
    await this.worker.terminate()
  }
}
