import { describe, expect, it } from 'vitest'
import { checkUscc } from './uscc'

describe('unified social credit code (GB 32100)', () => {
  it('accepts published valid codes', () => {
    // Codes of well-known companies, as printed on their business licences.
    expect(checkUscc('91110000802100433B')).toEqual({ ok: true, value: '91110000802100433B' })
    expect(checkUscc('91630100MA752N8K3H ')).toEqual({ ok: true, value: '91630100MA752N8K3H' })
  })
  it('reports the expected check character', () => {
    expect(checkUscc('91110000802100433C')).toEqual({ ok: false, reason: 'checksum', expected: 'B' })
  })
  it('rejects letters outside the alphabet and wrong length', () => {
    expect(checkUscc('9111000080210043IB')).toMatchObject({ ok: false, reason: 'format' })
    expect(checkUscc('9111000080210043')).toMatchObject({ ok: false, reason: 'length' })
  })
})
