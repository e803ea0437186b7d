import { Worker } from 'node:worker_threads'
import { GCM_BATCH_SOURCE } from './gcm-batch'
import { SHORT_HMAC_SOURCE } from './short-hmac'
import { NAME_KEYS_SOURCE } from '../members/name-keys'

/**
 * A batch of import rows made ready on the worker: per row, the JSON text of `[enc, hash, tail4,
 * tokens, pinyin, initials]` (the sealed ID number and its blind indexes, null without one, then
 * the name's search keys), in input order. Each is put in front of its row's own JSON text
 * (member-repository insertImportedMembers), so SQLite reads every row from one JSON document and
 * the main thread never unpacks these.
 */
export type PreparedRows = string[]

/** The slots of a prepared row, in order. */
export const PREPARED_SLOTS = ['enc', 'hash', 'tail4', 'tokens', 'pinyin', 'initials'] as const

/**
 * The worker's program as source text (an `eval` worker): it then runs the same from tsx, vitest
 * and the electron-vite bundle, with no separate entry file to ship. It must produce exactly what
 * KeyVault.encrypt and IdNumberProtector's blind indexes produce; seal-worker.test.ts checks that
 * the main thread can open and find what it seals.
 */
const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads')
const { createCipheriv, createHmac, randomBytes } = require('node:crypto')
${SHORT_HMAC_SOURCE}
${GCM_BATCH_SOURCE}
const sealAll = makeGcmBatch(createCipheriv, Buffer.from(workerData.encKey)).seal
const blind = makeBlindIndex(createHmac, Buffer.from(workerData.indexKey))
${NAME_KEYS_SOURCE}
let nameKeys = null
try {
  nameKeys = makeNameKeys(require(workerData.pinyinModule))
} catch {
  // Without pinyin-pro here, batches are answered with an error and the main thread does the work.
}
parentPort.on('message', (m) => {
  if (!nameKeys) return parentPort.postMessage({ id: m.id, error: 'pinyin-pro could not be loaded' })
  const ids = []
  for (const [v] of m.rows) if (v !== null) ids.push(v)
  // One fresh random 96-bit IV per ID number (GCM's nonce), drawn for the whole batch at once.
  const sealed = sealAll(ids, randomBytes(12 * ids.length))
  const out = new Array(m.rows.length)
  let s = 0
  for (let i = 0; i < m.rows.length; i++) {
    const [v, name] = m.rows[i]
    const k = nameKeys(name)
    const row = v === null
      ? [null, null, null, k.tokens, k.pinyin, k.initials]
      : [sealed[s++], blind('idNumber', v), blind('idTail4', v.slice(-4).toUpperCase()), k.tokens, k.pinyin, k.initials]
    out[i] = JSON.stringify(row)
  }
  parentPort.postMessage({ id: m.id, rows: out })
})
`

/**
 * Seals ID numbers and computes name keys on a worker thread. Sealing (AES-GCM and two HMACs per
 * row) and pinyin are most of an import's per-row work; handed to a worker, they run while the main
 * thread reads and checks the next rows. The keys are copied into the worker's memory and die with it.
 */
export class SealWorker {
  private readonly worker: Worker
  private readonly waiting = new Map<number, { resolve: (rows: PreparedRows) => void; reject: (err: Error) => void }>()
  private nextId = 1
  private failure: Error | null = null

  /** `pinyinModule`: pinyin-pro's CommonJS entry (name-keys.ts pinyinModulePath). */
  constructor(keys: { encKey: Buffer; indexKey: Buffer }, pinyinModule: string | null) {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { encKey: new Uint8Array(keys.encKey), indexKey: new Uint8Array(keys.indexKey), pinyinModule },
      // Short-lived strings plus pinyin-pro's dictionaries: a bounded heap keeps an import's peak memory
      // down. A young generation of 4 MB spent 0.75 s of a 100k import in ~390 scavenges; 32 MB, 0.25 s in ~60.
      resourceLimits: { maxYoungGenerationSizeMb: 32, maxOldGenerationSizeMb: 96 },
    })
    this.worker.on('message', (m: { id: number; rows?: PreparedRows; error?: string }) => {
      const w = this.waiting.get(m.id)
      this.waiting.delete(m.id)
      if (m.rows !== undefined) w?.resolve(m.rows)
      else w?.reject(new Error(m.error))
    })
    const fail = (err: Error) => {
      this.failure = err
      for (const w of this.waiting.values()) w.reject(err)
      this.waiting.clear()
    }
    this.worker.on('error', fail)
    this.worker.on('exit', (code) => { if (code !== 0) fail(new Error(`seal worker stopped (${code})`)) })
  }

  /** Rows of [normalized 18-character ID number or null, name], in order. */
  prepare(rows: ReadonlyArray<readonly [string | null, string]>): Promise<PreparedRows> {
    if (this.failure) return Promise.reject(this.failure)
    if (rows.length === 0) return Promise.resolve([])
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject })
      this.worker.postMessage({ id, rows })
    })
  }

  async close(): Promise<void> {
    this.failure ??= new Error('seal worker closed')
    await this.worker.terminate()
  }
}
