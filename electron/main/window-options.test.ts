import { describe, expect, it } from 'vitest'
import { createWindowOptions, MIN_WINDOW } from './window-options'

describe('createWindowOptions', () => {
  for (const isDev of [false, true]) {
    it(`locks the renderer down (isDev=${isDev})`, () => {
      const options = createWindowOptions({ preloadPath: '/app/out/preload/index.cjs', isDev })
      expect(options.webPreferences).toMatchObject({
        preload: '/app/out/preload/index.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        disableBlinkFeatures: 'Auxclick',
        allowRunningInsecureContent: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        spellcheck: false,
        experimentalFeatures: false,
      })
    })
  }

  it('keeps DevTools out of production builds', () => {
    expect(createWindowOptions({ preloadPath: 'p', isDev: false }).webPreferences?.devTools).toBe(false)
    expect(createWindowOptions({ preloadPath: 'p', isDev: true }).webPreferences?.devTools).toBe(true)
  })

  it('fits a 1366×768 screen and carries the Chinese title', () => {
    const options = createWindowOptions({ preloadPath: 'p', isDev: false })
    expect(options.title).toBe('工会工作台')
    expect(options.minWidth).toBe(MIN_WINDOW.width)
    expect(options.minHeight).toBe(MIN_WINDOW.height)
    expect(options.minWidth!).toBeLessThanOrEqual(1366)
    // Leave room for the Windows taskbar and the title bar.
    expect(options.minHeight!).toBeLessThanOrEqual(768 - 80)
    expect(options.width!).toBeLessThanOrEqual(1366)
    expect(options.height!).toBeLessThanOrEqual(768 - 40)
  })
})
