import type { KeyProtector } from '../core/crypto/key-vault'

/** The part of Electron's safeStorage we use; structural so plain-Node tests can hand in a stand-in. */
export type SafeStorageLike = {
  isEncryptionAvailable(): boolean
  encryptString(plain: string): Buffer
  decryptString(blob: Buffer): string
  getSelectedStorageBackend?: () => string
}

/**
 * The data key wrapped by the OS key store (DPAPI, Keychain, libsecret/kwallet). On Linux without a
 * keyring Electron falls back to `basic_text`, which only obfuscates: we keep working (refusing would
 * lock the secretary out of her records) but report it so the UI can warn.
 */
export function safeStorageProtector(safeStorage: SafeStorageLike, platform: NodeJS.Platform): KeyProtector {
  if (!safeStorage.isEncryptionAvailable()) throw new Error('safeStorage is not available')
  const backend = platform === 'linux' ? safeStorage.getSelectedStorageBackend?.() ?? 'unknown' : 'os'
  return {
    kind: 'safeStorage',
    strong: backend !== 'basic_text' && backend !== 'unknown',
    protect: (key) => safeStorage.encryptString(key.toString('base64')),
    unprotect: (blob) => Buffer.from(safeStorage.decryptString(blob), 'base64'),
  }
}
