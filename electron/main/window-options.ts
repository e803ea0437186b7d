import type { BrowserWindowConstructorOptions } from 'electron'

/** Smallest window that still lays out the member list on a 1366×768 office laptop (taskbar included). */
export const MIN_WINDOW = { width: 1024, height: 640 } as const

export type WindowOptionsInput = {
  /** Absolute path of the bundled preload (out/preload/index.cjs). */
  preloadPath: string
  isDev: boolean
}

/**
 * The one place the main window's options are decided. Everything that widens what page script can
 * reach is pinned off here (see docs/security.md, "The Electron shell"), so a test can check it
 * without starting Electron.
 */
export function createWindowOptions({ preloadPath, isDev }: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: '工会工作台',
    width: 1280,
    height: 720,
    minWidth: MIN_WINDOW.width,
    minHeight: MIN_WINDOW.height,
    // Shown on 'ready-to-show' to avoid a white flash while the bundle loads.
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // The spellchecker would download dictionaries from Google: offline machines, and no need.
      spellcheck: false,
      experimentalFeatures: false,
      // Middle-click would try to open links in a new window; the open handler denies it anyway.
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      // DevTools only while developing; a packaged build gives page script no inspector to lean on.
      devTools: isDev,
    },
  }
}
