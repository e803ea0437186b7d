import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto'
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { makeGcmBatch } from './gcm-batch'
import { SealWorker } from './seal-worker'
import { makeBlindIndex } from './short-hmac'

/**
 * Protects the data key at rest. In Electron it is `safeStorage` (DPAPI / Keychain / libsecret),
 * passed in from main; the web host uses a 0600 key file that is for development only.
 */
export type KeyProtector = {
  kind: 'safeStorage' | 'devKeyFile'
  /** False when the OS store is only obfuscation (Linux `basic_text`): we warn, never refuse. */
  strong: boolean
  protect(key: Buffer): Buffer
  unprotect(blob: Buffer): Buffer
}

/** Development only: the key file is readable by whoever can read the user's files. */
export const devKeyFileProtector: KeyProtector = {
  kind: 'devKeyFile',
  strong: false,
  protect: (key) => Buffer.from(`UNIONDESK DEVELOPMENT KEY - NOT PROTECTED - web host only\n${key.toString('base64')}\n`),
  unprotect: (blob) => Buffer.from(blob.toString('utf8').trim().split('\n').pop()!, 'base64'),
}

/** Field encryption (AES-256-GCM) and blind indexes (HMAC-SHA256), each with its own derived key. */
export class KeyVault {
  private readonly encKey: Buffer
  private readonly indexKey: Buffer
  readonly auditKey: Buffer

  constructor(dataKey: Buffer) {
    const derive = (info: string) => Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), info, 32))
    this.encKey = derive('uniondesk field encryption v1')
    this.indexKey = derive('uniondesk blind index v1')
    this.auditKey = derive('uniondesk audit chain v1')
  }

  /** Opens the key file, creating a new random data key the first time. */
  static async open(keyFile: string, protector: KeyProtector): Promise<KeyVault> {
    let blob: Buffer | null = null
    try {
      blob = await readFile(keyFile)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
    }
    if (blob) return new KeyVault(protector.unprotect(blob))
    const key = randomBytes(32)
    await mkdir(dirname(keyFile), { recursive: true })
    await writeFile(keyFile, protector.protect(key), { mode: 0o600, flag: 'wx' })
    await chmod(keyFile, 0o600)
    return new KeyVault(key)
  }

  /** A worker thread that seals ID numbers in batches with these keys (big imports); close() it after. */
  openSealWorker(pinyinModule: string | null): SealWorker {
    return new SealWorker({ encKey: this.encKey, indexKey: this.indexKey }, pinyinModule)
  }

  encrypt(plain: string): string {
    const iv = this.nextIv()
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv)
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
    return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`
  }

  decrypt(sealed: string): string {
    if (!sealed.startsWith('v1.')) throw new Error('unknown ciphertext version')
    const raw = Buffer.from(sealed.slice(3), 'base64')
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, raw.subarray(0, 12))
    decipher.setAuthTag(raw.subarray(12, 28))
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
  }

  /**
   * decrypt for many values at once (one native AES call for all of them, see gcm-batch.ts): a
   * search by the end of an ID number opens a handful per keystroke, an export every member's.
   */
  decryptMany(sealed: readonly string[]): string[] {
    this.batch ??= makeGcmBatch(createCipheriv, this.encKey)
    return this.batch.open(sealed)
  }

  private batch: ReturnType<typeof makeGcmBatch> | undefined

  /**
   * GCM needs a fresh 96-bit nonce per message; random ones drawn from a pooled buffer are as unique
   * as one randomBytes(12) call each, without a call's cost per member (a tenth of an import's sealing).
   */
  private nextIv(): Buffer {
    if (this.ivAt + 12 > this.ivPool.length) {
      this.ivPool = randomBytes(12 * 1024)
      this.ivAt = 0
    }
    this.ivAt += 12
    return this.ivPool.subarray(this.ivAt - 12, this.ivAt)
  }

  private ivPool = Buffer.alloc(0)
  private ivAt = 0

  /** Deterministic keyed hash for exact look-ups; `purpose` keeps indexes of different fields apart. */
  blindIndex(purpose: string, value: string): string {
    // The seal worker's own definition: a number search computes one per keystroke.
    this.blind ??= makeBlindIndex(createHmac, this.indexKey)
    return this.blind(purpose, value)
  }

  private blind: ReturnType<typeof makeBlindIndex> | undefined
}
