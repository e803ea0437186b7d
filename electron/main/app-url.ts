import { pathToFileURL } from 'node:url'

export type AppUrlInput = {
  isPackaged: boolean
  /** electron-vite dev sets ELECTRON_RENDERER_URL to its dev server. */
  devServerUrl: string | undefined
  /** Absolute path of out/renderer/index.html. */
  indexHtmlPath: string
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * The URL the window loads, and so the only document trusted to navigate, call IPC and get the CSP
 * header. A packaged app always uses its own file: a stray ELECTRON_RENDERER_URL in the environment
 * must not point an installed app at some other page. In development only a loopback http dev
 * server is accepted.
 */
export function resolveAppUrl({ isPackaged, devServerUrl, indexHtmlPath }: AppUrlInput): string {
  if (!isPackaged && devServerUrl) {
    const dev = parseUrl(devServerUrl)
    if (dev && dev.protocol === 'http:' && LOOPBACK_HOSTS.has(dev.hostname)) return dev.href
  }
  return pathToFileURL(indexHtmlPath).href
}

export function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw)
  } catch {
    return null
  }
}

/**
 * Whether `url` is the app's own document. For the file:// app that is exactly the bundled
 * index.html (any other local file is someone else's content, and file: origins are opaque so an
 * origin compare would say nothing); for the dev server it is the same origin. Hash and query are
 * ignored: the router lives in the hash.
 */
export function isAppDocument(url: string, appUrl: string): boolean {
  const target = parseUrl(url)
  const app = parseUrl(appUrl)
  if (!target || !app) return false
  if (app.protocol === 'file:') {
    return target.protocol === 'file:' && target.host === app.host && target.pathname === app.pathname
  }
  if (app.protocol === 'http:' || app.protocol === 'https:') return target.origin === app.origin
  return false
}
