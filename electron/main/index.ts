import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, session, shell, type WebContents } from 'electron'
import { AppCore } from '../core/app-core'
import { toErrorPayload } from '../core/dispatch'
import { createHandlers } from '../core/handlers'
import { resolveAppUrl } from './app-url'
import { withCspHeader } from './csp'
import { registerIpc } from './ipc'
import { createSenderCheck } from './ipc-sender'
import { buildMenuTemplate } from './menu'
import { decideNavigation, decideWindowOpen } from './navigation-guard'
import { denyAllPermissions } from './permissions'
import { createWindowOptions } from './window-options'
import { safeStorageProtector } from './safe-storage-protector'
import { electronDialogs } from './host-dialogs'

/*
 * The Electron shell: wiring only. Every decision (window options, which URLs may load or call IPC,
 * permissions, CSP, menu) is a pure function in its own module with a plain-Node test; this file
 * connects them to Electron and owns the lifecycle (single instance, open core, close core on quit).
 */

// Built layout: out/main/index.js, out/preload/index.cjs, out/renderer/index.html.
const outDir = fileURLToPath(new URL('..', import.meta.url))
const preloadPath = join(outDir, 'preload', 'index.cjs')
const isDev = !app.isPackaged
const appUrl = resolveAppUrl({
  isPackaged: app.isPackaged,
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
  indexHtmlPath: join(outDir, 'renderer', 'index.html'),
})

let core: AppCore | undefined
let mainWindow: BrowserWindow | undefined

// Sandbox every renderer, including any we did not create ourselves.
app.enableSandbox()

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same SQLite files: hand over to the first one and leave.
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.on('web-contents-created', (_event, contents) => guardContents(contents))
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', closeCoreBeforeQuit)
  app.whenReady().then(start).catch(failStart)
}

async function start(): Promise<void> {
  const ses = session.defaultSession
  denyAllPermissions(ses)
  ses.webRequest.onHeadersReceived((details, callback) => callback(withCspHeader(details, appUrl)))

  const keyProtector = safeStorageProtector(safeStorage, process.platform)
  if (!keyProtector.strong) console.warn('[uniondesk] safeStorage uses basic_text: the data key is only obfuscated on this machine')
  core = await AppCore.open({
    dataDir: app.getPath('userData'), version: app.getVersion(), keyProtector,
    dialogs: electronDialogs(dialog, () => mainWindow),
  })
  registerIpc(ipcMain, createHandlers(core), createSenderCheck(appUrl))

  app.setAboutPanelOptions({ applicationName: '工会工作台', applicationVersion: app.getVersion() })
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ isDev, isMac: process.platform === 'darwin' })))
  createMainWindow()
}

function createMainWindow(): void {
  const win = new BrowserWindow(createWindowOptions({ preloadPath, isDev }))
  mainWindow = win
  win.once('ready-to-show', () => win.show())
  win.on('closed', () => { mainWindow = undefined })
  void win.loadURL(appUrl)
}

/** Applied to every webContents: no new windows, no leaving the app's document, no <webview>. */
function guardContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url)
    if (decision.openExternal) void shell.openExternal(decision.openExternal)
    return { action: decision.action }
  })
  const onNavigate = (event: { preventDefault(): void; url: string }) => {
    const decision = decideNavigation(event.url, appUrl)
    if (decision.allow) return
    event.preventDefault()
    if (decision.openExternal) void shell.openExternal(decision.openExternal)
  }
  contents.on('will-navigate', onNavigate)
  contents.on('will-redirect', onNavigate)
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/** 'will-quit' cannot await: hold the quit, close the database cleanly (WAL checkpoint), then quit for real. */
let coreClosed = false
function closeCoreBeforeQuit(event: { preventDefault(): void }): void {
  if (coreClosed || !core) return
  event.preventDefault()
  const closing = core
  core = undefined
  closing.close()
    .catch((err: unknown) => console.error('[uniondesk] closing the database failed', err))
    .finally(() => {
      coreClosed = true
      app.quit()
    })
}

/** Opening the records failed (e.g. a database from a newer version): say so in Chinese and exit. */
function failStart(err: unknown): void {
  console.error('[uniondesk] start failed', err)
  dialog.showErrorBox('工会工作台无法启动', toErrorPayload(err).message)
  app.exit(1)
}
