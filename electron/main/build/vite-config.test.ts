import { describe, expect, it } from 'vitest'
import type { UserConfig } from 'electron-vite'
import { CHANNELS } from '../../../shared/contract'
import config from '../../../electron.vite.config'

const { main, preload, renderer } = config as UserConfig

describe('electron.vite.config.ts', () => {
  it('builds main from electron/main/index.ts and keeps dependencies (sqlite3, electron-updater) external', () => {
    expect(main?.build?.rollupOptions?.input).toEqual({ index: expect.stringMatching(/electron\/main\/index\.ts$/) })
    expect(main?.build?.externalizeDeps).toBe(true)
    expect(main?.build?.outDir).toMatch(/out\/main$/)
  })

  it('builds the preload as one CommonJS file with nothing external, as a sandboxed preload needs', () => {
    const output = preload?.build?.rollupOptions?.output
    expect(output).toMatchObject({ format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false })
    expect(preload?.build?.externalizeDeps).toBe(false)
    expect(preload?.build?.rollupOptions?.input).toEqual({ index: expect.stringMatching(/electron\/preload\/index\.ts$/) })
  })

  it('inlines exactly the contract’s channel names into the preload', () => {
    expect(JSON.parse(String(preload?.define?.__UNIONDESK_CHANNELS__))).toEqual(CHANNELS)
  })

  it('builds the renderer from renderer/ into out/renderer with a relative base for file://', () => {
    expect(renderer?.root).toMatch(/\/renderer$/)
    expect(renderer?.base).toBe('./')
    expect(renderer?.build?.outDir).toMatch(/out\/renderer$/)
  })
})
