import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decideStart, findHostUrl, openCommand, resolveElectronBinary, webFallbackLine, webHostPort } from './start-decision.mjs'

const electronDir = '/p/node_modules/electron'

function lookup(files: Record<string, string>, env: Record<string, string> = {}, platform = 'linux') {
  return resolveElectronBinary({
    electronDir, env, platform,
    exists: (path) => path in files,
    readText: (path) => files[path],
  })
}

describe('resolveElectronBinary', () => {
  it('finds a downloaded binary through path.txt', () => {
    const files = { [join(electronDir, 'path.txt')]: 'electron', [join(electronDir, 'dist', 'electron')]: '' }
    expect(lookup(files)).toEqual({ ok: true, path: join(electronDir, 'dist', 'electron') })
  })

  it('reports a never-downloaded binary instead of downloading (this machine)', () => {
    const result = lookup({})
    expect(result.ok).toBe(false)
  })

  it('reports path.txt without the binary', () => {
    expect(lookup({ [join(electronDir, 'path.txt')]: 'electron' }).ok).toBe(false)
  })

  it('honours ELECTRON_OVERRIDE_DIST_PATH, with the platform’s executable name', () => {
    const env = { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' }
    expect(lookup({ ['/opt/electron/electron']: '' }, env)).toEqual({ ok: true, path: '/opt/electron/electron' })
    expect(lookup({ [join('/opt/electron', 'electron.exe')]: '' }, env, 'win32')).toEqual({ ok: true, path: join('/opt/electron', 'electron.exe') })
    expect(lookup({}, env).ok).toBe(false)
  })
})

describe('decideStart', () => {
  const found = { ok: true as const, path: '/e/electron' }

  it('starts Electron on the project when it can', () => {
    expect(decideStart({ binary: found, platform: 'linux', env: { DISPLAY: ':0' } })).toEqual({ mode: 'electron', command: '/e/electron', args: ['.'] })
    expect(decideStart({ binary: found, platform: 'win32', env: {} })).toMatchObject({ mode: 'electron' })
  })

  it('falls back to the web host without a binary or without a display', () => {
    expect(decideStart({ binary: { ok: false, reason: 'x' }, platform: 'win32', env: {} })).toEqual({ mode: 'web', kind: 'no-binary', reason: 'x' })
    expect(decideStart({ binary: found, platform: 'linux', env: {} })).toMatchObject({ mode: 'web', kind: 'no-display' })
  })
})

describe('web fallback helpers', () => {
  it('prints one line in Chinese and English with the URL', () => {
    const line = webFallbackLine('http://127.0.0.1:5730/')
    expect(line).not.toContain('\n')
    expect(line).toContain('http://127.0.0.1:5730/')
    expect(line).toMatch(/Electron 运行环境/)
    expect(line).toMatch(/web host/)
    expect(webFallbackLine('http://127.0.0.1:5730/', 'no-display')).toMatch(/没有图形界面.*no display/)
  })

  it('uses the web host’s port variable', () => {
    expect(webHostPort({})).toBe(5730)
    expect(webHostPort({ UNIONDESK_PORT: '6000' })).toBe(6000)
    expect(webHostPort({ UNIONDESK_PORT: 'x' })).toBe(5730)
  })

  it('knows how to open a browser per platform', () => {
    expect(openCommand('darwin', 'u', {})).toEqual({ command: 'open', args: ['u'] })
    expect(openCommand('win32', 'u', {})?.command).toBe('rundll32')
    expect(openCommand('linux', 'u', { DISPLAY: ':0' })).toEqual({ command: 'xdg-open', args: ['u'] })
    expect(openCommand('linux', 'u', {})).toBeNull()
  })

  it('finds the URL the web host prints', () => {
    expect(findHostUrl('工会工作台已启动：http://127.0.0.1:5730/  （数据目录 /x）')).toBe('http://127.0.0.1:5730/')
    expect(findHostUrl('nothing yet')).toBeNull()
  })
})
