import { describe, expect, it } from 'vitest'
import { makeIdNumber } from '../../../shared/domain/id-number'
import { IdNumberProtector } from '../members/id-number-protection'
import { KeyVault } from './key-vault'

describe('sealing ID numbers on a worker thread', () => {
  const ids = new IdNumberProtector(new KeyVault(Buffer.alloc(32, 7)))
  const values = Array.from({ length: 300 }, (_, i) => makeIdNumber('630102', '19850301', i))

  it('gives what the main thread gives: same blind indexes, ciphertexts it can open, fresh nonces', async () => {
    const sealer = ids.openBatchSealer()
    try {
      const [first, second] = await Promise.all([sealer.seal(values.slice(0, 200)), sealer.seal(values.slice(200))])
      const sealed = [...first!, ...second!]
      expect(sealed).toHaveLength(300)
      sealed.forEach((s, i) => {
        const inline = ids.seal(values[i]!)
        expect({ ...s, enc: '' }).toEqual({ ...inline, enc: '' })
        expect(ids.reveal(s.enc)).toBe(values[i])
        expect(s.enc).not.toBe(inline.enc) // a new random nonce each time
      })
      expect(sealed.some((s) => values[sealed.indexOf(s)]!.endsWith('X'))).toBe(true) // tails of an X check char covered
      expect(new Set(sealed.map((s) => s.enc.slice(3, 19))).size).toBe(300) // no nonce repeats within a batch
    } finally {
      await sealer.close()
    }
  })

  it('refuses work after close instead of hanging', async () => {
    const worker = new KeyVault(Buffer.alloc(32, 7)).openSealWorker()
    await worker.close()
    await expect(worker.seal(values.slice(0, 1))).rejects.toThrow(/closed/)
  })

  it('seals on the calling thread when the worker is gone, so an import still completes', async () => {
    const sealer = ids.openBatchSealer()
    await sealer.close()
    const [s] = await sealer.seal(values.slice(0, 1))
    expect(ids.reveal(s!.enc)).toBe(values[0])
    expect(s!.hash).toBe(ids.hash(values[0]!))
  })
})
