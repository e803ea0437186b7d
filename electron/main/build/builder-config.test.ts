import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

/*
 * electron-builder's own schema check, run offline (docs/toolchain.md): packaging itself needs
 * downloads this machine cannot make, but a misspelled or misplaced key is caught here.
 */
type Config = Record<string, unknown> & {
  appId?: string; productName?: string; artifactName?: string; npmRebuild?: boolean; afterPack?: string
  asarUnpack?: string[]; files?: Array<string | { filter?: string[] }>; directories?: { output?: string; buildResources?: string }
  win?: { target?: Array<{ target: string }>; signtoolOptions?: { publisherName?: string } }
  nsis?: Record<string, unknown>; linux?: { target?: Array<{ target: string }> }
  publish?: Array<{ provider: string; url: string }>
}
type ConfigModule = {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: Config | null): Promise<Config>
  validateConfiguration(config: Config, debugLogger: unknown): Promise<void>
}

const projectDir = fileURLToPath(new URL('../../..', import.meta.url))
const require = createRequire(import.meta.url)
// Both come with electron-builder (app-builder-lib, builder-util): read its real schema, not a copy.
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as ConfigModule
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }

const validate = (config: Config) => validateConfiguration(config, new DebugLogger(false))
const load = () => getConfig(projectDir, 'electron-builder.yml', null)

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema', async () => {
    await expect(validate(await load())).resolves.toBeUndefined()
  })

  it('would reject a misspelled key (the check has teeth)', async () => {
    const config = await load()
    await expect(validate({ ...config, asarUnpak: config.asarUnpack })).rejects.toThrow(/asarUnpak/)
    await expect(validate({ ...config, nsis: { ...config.nsis, perMachin: false } })).rejects.toThrow(/configuration\.nsis/)
  })

  it('names the product and its ASCII artifacts', async () => {
    const config = await load()
    expect(config.appId).toBe('cn.uniondesk.app')
    expect(config.productName).toBe('工会工作台')
    expect(config.artifactName).toBe('UnionDesk-${version}-${arch}.${ext}')
    expect(config.artifactName).toMatch(/^[\x20-\x7e]+$/)
    expect(config.directories).toEqual({ output: 'dist', buildResources: 'resources' })
  })

  it('packages the built app, unpacks the SQLite addon and skips the Electron rebuild', async () => {
    const config = await load()
    // getConfig normalises the list into `{ filter }` entries.
    const patterns = (config.files ?? []).flatMap((f) => (typeof f === 'string' ? [f] : f.filter ?? []))
    expect(patterns).toEqual(expect.arrayContaining(['out/**', 'package.json']))
    expect(patterns.filter((p) => !p.startsWith('!'))).toEqual(['out/**', 'package.json'])
    expect(config.asarUnpack?.some((p) => p.includes('sqlite3') && p.endsWith('.node'))).toBe(true)
    // The import's worker thread loads pinyin-pro from a real folder (name-keys.ts outsideAsar).
    expect(config.asarUnpack).toContain('node_modules/pinyin-pro/**')
    expect(config.npmRebuild).toBe(false)
  })

  it('builds a per-user NSIS installer in Chinese with a publisher name, and an AppImage', async () => {
    const config = await load()
    expect(config.win?.target?.map((t) => t.target)).toEqual(['nsis'])
    expect(config.win?.signtoolOptions?.publisherName).toBeTruthy()
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true })
    expect(config.nsis?.installerLanguages).toEqual(['zh_CN'])
    expect(config.linux?.target?.map((t) => t.target)).toEqual(['AppImage'])
  })

  it('publishes to a generic HQ feed over https', async () => {
    const config = await load()
    expect(config.publish).toHaveLength(1)
    expect(config.publish?.[0]?.provider).toBe('generic')
    expect(config.publish?.[0]?.url).toMatch(/^https:\/\//)
  })

  it('points afterPack at the fuse hook that exists', async () => {
    const config = await load()
    expect(config.afterPack).toBe('./electron/main/build/after-pack.mjs')
    expect(existsSync(new URL(`../../../${config.afterPack}`, import.meta.url))).toBe(true)
  })
})
