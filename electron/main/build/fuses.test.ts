import { FuseV1Options, FuseVersion } from '@electron/fuses'
import { describe, expect, it } from 'vitest'
import { fuseConfig, isE2eBuild, toFuseWire } from './fuses.mjs'

describe('fuseConfig', () => {
  it('hardens a release build', () => {
    expect(fuseConfig({ forE2e: false })).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    })
  })

  it('keeps only --inspect for e2e builds', () => {
    const release = fuseConfig({ forE2e: false })
    const e2e = fuseConfig({ forE2e: true })
    expect(e2e.enableNodeCliInspectArguments).toBe(true)
    expect({ ...e2e, enableNodeCliInspectArguments: false }).toEqual(release)
  })

  it('reads the build flag from the environment', () => {
    expect(isE2eBuild({})).toBe(false)
    expect(isE2eBuild({ UNIONDESK_E2E_BUILD: '0' })).toBe(false)
    expect(isE2eBuild({ UNIONDESK_E2E_BUILD: '1' })).toBe(true)
  })
})

describe('toFuseWire', () => {
  it('maps to the @electron/fuses wire positions', () => {
    const wire = toFuseWire(fuseConfig({ forE2e: false }), { FuseVersion, FuseV1Options: FuseV1Options as unknown as Record<string, number> })
    expect(wire).toEqual({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    })
  })
})
