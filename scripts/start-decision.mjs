// Pure decisions for `npm start` (scripts/start.mjs), kept apart so scripts/start-decision.test.ts
// can check them without spawning anything.
import { join } from 'node:path'

/** Where Electron keeps its executable inside a dist folder, per platform (what path.txt would say). */
export function electronExecutableName(platform) {
  if (platform === 'win32') return 'electron.exe'
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron'
  return 'electron'
}

/**
 * Finds the Electron executable the way node_modules/electron/index.js does, but never downloads:
 * `require('electron')` would try to fetch the binary and hang or fail offline.
 * ELECTRON_OVERRIDE_DIST_PATH wins (Electron honours it too); otherwise path.txt names the file in
 * node_modules/electron/dist, written once the binary has been downloaded.
 *
 * @param {{ electronDir: string, env: Record<string, string | undefined>, platform: string,
 *           exists: (path: string) => boolean, readText: (path: string) => string | undefined }} input
 * @returns {{ ok: true, path: string } | { ok: false, reason: string }}
 */
export function resolveElectronBinary({ electronDir, env, platform, exists, readText }) {
  const named = readText(join(electronDir, 'path.txt'))?.trim() || undefined
  const override = env.ELECTRON_OVERRIDE_DIST_PATH
  if (override) {
    const path = join(override, named ?? electronExecutableName(platform))
    return exists(path) ? { ok: true, path } : { ok: false, reason: `ELECTRON_OVERRIDE_DIST_PATH has no Electron (${path})` }
  }
  if (!named) return { ok: false, reason: 'the Electron binary was never downloaded (no node_modules/electron/path.txt)' }
  const path = join(electronDir, 'dist', named)
  return exists(path) ? { ok: true, path } : { ok: false, reason: `the Electron binary is missing (${path})` }
}

/**
 * Electron when it can run here; otherwise the same app through the web host. A Linux machine
 * without a display (CI, SSH) cannot open a window even with the binary present.
 *
 * @param {{ binary: ReturnType<typeof resolveElectronBinary>, platform: string, env: Record<string, string | undefined> }} input
 * @returns {{ mode: 'electron', command: string, args: string[] } | { mode: 'web', kind: 'no-binary' | 'no-display', reason: string }}
 */
export function decideStart({ binary, platform, env }) {
  if (!binary.ok) return { mode: 'web', kind: 'no-binary', reason: binary.reason }
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return { mode: 'web', kind: 'no-display', reason: 'no display (DISPLAY / WAYLAND_DISPLAY unset)' }
  }
  return { mode: 'electron', command: binary.path, args: ['.'] }
}

/** The one line printed when falling back. */
export function webFallbackLine(url, kind = 'no-binary') {
  if (kind === 'no-display') {
    return `没有图形界面，无法打开 Electron 窗口，改用浏览器方式打开：${url} — no display for an Electron window; serving the same app through the web host`
  }
  return `未能获取 Electron 运行环境（离线），改用浏览器方式打开：${url} — Electron runtime unavailable (offline); opening the same app through the web host`
}

/** Port of the web host: the same default and variable as electron/webhost/cli.ts. */
export function webHostPort(env) {
  const port = Number(env.UNIONDESK_PORT ?? 5730)
  return Number.isInteger(port) && port >= 0 && port < 65536 ? port : 5730
}

/**
 * How to open a URL in the user's browser, or null where there is nothing to try.
 * @returns {{ command: string, args: string[] } | null}
 */
export function openCommand(platform, url, env) {
  if (platform === 'darwin') return { command: 'open', args: [url] }
  // Not `cmd /c start`: cmd re-parses the URL, and `&` in a query would start a second command.
  if (platform === 'win32') return { command: 'rundll32', args: ['url.dll,FileProtocolHandler', url] }
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return null
  return { command: 'xdg-open', args: [url] }
}

/** The web host prints its URL once listening; this finds it in its output. */
export function findHostUrl(text) {
  return /http:\/\/(?:127\.0\.0\.1|localhost):\d+\//.exec(text)?.[0] ?? null
}
