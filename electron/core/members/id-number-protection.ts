import { maskIdNumber } from '../../../shared/domain/id-number'
import type { KeyVault } from '../crypto/key-vault'
import { PREPARED_SLOTS, type PreparedRowsJson } from '../crypto/seal-worker'
import { pinyinModulePath, type NameKeyer } from './name-keys'

/**
 * Seals ID numbers and computes name keys for many rows off the main thread (see SealWorker);
 * close() when the batch work is done.
 */
export type BatchSealer = {
  prepare(rows: ReadonlyArray<readonly [idNumber: string | null, name: string]>): Promise<PreparedRowsJson>
  close(): Promise<void>
}

/** An ID number as stored: sealed (AES-256-GCM), blind indexes for exact and tail look-ups, the masked form. */
export type SealedIdNumber = { enc: string; hash: string; tail4: string; tail5: string; tail6: string; masked: string }

/**
 * ID numbers are sensitive personal information (PIPL art. 28): never stored in clear. Exact
 * look-ups and duplicate checks use an HMAC of the whole number; search by the last 4–6 characters
 * uses HMACs of those tails. Each index has its own purpose string so they cannot be correlated.
 */
export class IdNumberProtector {
  constructor(private readonly vault: KeyVault) {}

  seal(idNumber: string): SealedIdNumber {
    return {
      enc: this.vault.encrypt(idNumber), hash: this.hash(idNumber),
      tail4: this.tailHash(idNumber.slice(-4))!, tail5: this.tailHash(idNumber.slice(-5))!, tail6: this.tailHash(idNumber.slice(-6))!,
      masked: maskIdNumber(idNumber),
    }
  }

  hash(idNumber: string): string {
    return this.vault.blindIndex('idNumber', idNumber)
  }

  /** The blind index of a 4-, 5- or 6-character tail; null for other lengths. */
  tailHash(tail: string): string | null {
    const t = tail.toUpperCase()
    return t.length >= 4 && t.length <= 6 ? this.vault.blindIndex(`idTail${t.length}`, t) : null
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
          return JSON.stringify(rows.map(([idNumber, name]) => {
            const parts = { ...(idNumber ? this.seal(idNumber) : null), ...keysOf(name) }
            return PREPARED_SLOTS.map((slot) => parts[slot] ?? null)
          }))
        }
      },
      close: () => worker.close(),
    }
  }

  reveal(enc: string): string {
    return this.vault.decrypt(enc)
  }
}
