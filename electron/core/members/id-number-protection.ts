import { maskIdNumber } from '../../../shared/domain/id-number'
import type { KeyVault } from '../crypto/key-vault'
import { PREPARED_SLOTS, type PreparedRows } from '../crypto/seal-worker'
import { pinyinModulePath, type NameKeyer } from './name-keys'

/**
 * Seals ID numbers and computes name keys for many rows off the main thread (see SealWorker);
 * close() when the batch work is done.
 */
export type BatchSealer = {
  prepare(rows: ReadonlyArray<readonly [idNumber: string | null, name: string]>): Promise<PreparedRows>
  close(): Promise<void>
}

/** An ID number as stored: sealed (AES-256-GCM), blind indexes for exact and last-4 look-ups, the masked form. */
export type SealedIdNumber = { enc: string; hash: string; tail4: string; masked: string }

/**
 * ID numbers are sensitive personal information (PIPL art. 28): never stored in clear. Exact
 * look-ups and duplicate checks use an HMAC of the whole number; search by the last 4 characters
 * an HMAC of those (a search by the last 5 or 6 goes through it, see idNumberHits). Each index has
 * its own purpose string so they cannot be correlated.
 */
export class IdNumberProtector {
  constructor(private readonly vault: KeyVault) {}

  seal(idNumber: string): SealedIdNumber {
    return {
      enc: this.vault.encrypt(idNumber), hash: this.hash(idNumber),
      tail4: this.tail4Hash(idNumber),
      masked: maskIdNumber(idNumber),
    }
  }

  hash(idNumber: string): string {
    return this.vault.blindIndex('idNumber', idNumber)
  }

  /** The blind index of the last 4 characters of `text` (an ID number, or what was typed of its end). */
  tail4Hash(text: string): string {
    return this.vault.blindIndex('idTail4', text.slice(-4).toUpperCase())
  }

  /**
   * For big imports: the same sealing as seal(), and the name keys, on a worker thread, a batch at
   * a time. `keyer` (loaded on first need) does the keys here if the worker cannot.
   */
  openBatchSealer(keyer: () => Promise<NameKeyer>): BatchSealer {
    const worker = this.vault.openSealWorker(pinyinModulePath())
    return {
      prepare: async (rows) => {
        try {
          return await worker.prepare(rows)
        } catch {
          // A worker that could not start, died (resource limits) or has no pinyin-pro: the same work on this thread.
          const keysOf = await keyer()
          return rows.map(([idNumber, name]) => {
            const parts = { ...(idNumber ? this.seal(idNumber) : null), ...keysOf(name) }
            return JSON.stringify(PREPARED_SLOTS.map((slot) => parts[slot] ?? null))
          })
        }
      },
      close: () => worker.close(),
    }
  }

  reveal(enc: string): string {
    return this.vault.decrypt(enc)
  }

  /** reveal for many at once, in order (much cheaper per value). */
  revealMany(encs: readonly string[]): string[] {
    return this.vault.decryptMany(encs)
  }
}
