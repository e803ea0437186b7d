import { describe, expect, it } from 'vitest'
import { safeStorageProtector, type SafeStorageLike } from './safe-storage-protector'

// A stand-in for Electron's safeStorage (Electron cannot run here): XOR "encryption" is enough to
// show the key never reaches the file as it is.
const fakeSafeStorage = (backend: string): SafeStorageLike => ({
  isEncryptionAvailable: () => true,
  encryptString: (s) => Buffer.from(Buffer.from(s).map((b) => b ^ 0x5a)),
  decryptString: (b) => Buffer.from(b.map((x) => x ^ 0x5a)).toString(),
  getSelectedStorageBackend: () => backend,
})

describe('safeStorage key protector', () => {
  it('round-trips the data key without storing it as it is', () => {
    const p = safeStorageProtector(fakeSafeStorage('gnome_libsecret'), 'linux')
    const key = Buffer.alloc(32, 3)
    const blob = p.protect(key)
    expect(blob.includes(key.toString('base64'))).toBe(false)
    expect(p.unprotect(blob)).toEqual(key)
    expect(p.strong).toBe(true)
  })
  it('flags the Linux basic_text backend as weak instead of refusing', () => {
    expect(safeStorageProtector(fakeSafeStorage('basic_text'), 'linux').strong).toBe(false)
    expect(safeStorageProtector(fakeSafeStorage('basic_text'), 'win32').strong).toBe(true)
  })
})
