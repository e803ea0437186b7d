import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { isAppDocument, resolveAppUrl } from './app-url'

const indexHtmlPath = '/opt/UnionDesk/resources/app.asar/out/renderer/index.html'
const fileApp = pathToFileURL(indexHtmlPath).href

describe('resolveAppUrl', () => {
  it('uses the bundled file when packaged, whatever the environment says', () => {
    expect(resolveAppUrl({ isPackaged: true, devServerUrl: 'http://localhost:5173/', indexHtmlPath })).toBe(fileApp)
    expect(resolveAppUrl({ isPackaged: true, devServerUrl: 'https://evil.example/', indexHtmlPath })).toBe(fileApp)
  })

  it('uses a loopback dev server in development', () => {
    expect(resolveAppUrl({ isPackaged: false, devServerUrl: 'http://localhost:5173', indexHtmlPath }))
      .toBe('http://localhost:5173/')
    expect(resolveAppUrl({ isPackaged: false, devServerUrl: 'http://127.0.0.1:5173/', indexHtmlPath }))
      .toBe('http://127.0.0.1:5173/')
  })

  it('ignores a non-loopback or non-http dev URL', () => {
    for (const devServerUrl of ['https://localhost:5173/', 'http://192.168.1.5:5173/', 'http://evil.example/', 'not a url', '']) {
      expect(resolveAppUrl({ isPackaged: false, devServerUrl, indexHtmlPath })).toBe(fileApp)
    }
  })

  it('percent-encodes a Chinese install folder like Chromium does', () => {
    const url = resolveAppUrl({ isPackaged: true, devServerUrl: undefined, indexHtmlPath: '/home/用户/工会/index.html' })
    expect(url).toBe('file:///home/%E7%94%A8%E6%88%B7/%E5%B7%A5%E4%BC%9A/index.html')
    expect(isAppDocument('file:///home/%E7%94%A8%E6%88%B7/%E5%B7%A5%E4%BC%9A/index.html#/members', url)).toBe(true)
  })
})

describe('isAppDocument', () => {
  it('accepts the bundled index with any hash route or query', () => {
    expect(isAppDocument(fileApp, fileApp)).toBe(true)
    expect(isAppDocument(`${fileApp}#/members/12`, fileApp)).toBe(true)
    expect(isAppDocument(`${fileApp}?x=1`, fileApp)).toBe(true)
  })

  it('rejects any other local file, including path tricks', () => {
    expect(isAppDocument('file:///etc/passwd', fileApp)).toBe(false)
    expect(isAppDocument('file:///opt/UnionDesk/resources/app.asar/out/renderer/other.html', fileApp)).toBe(false)
    expect(isAppDocument('file:///opt/UnionDesk/resources/app.asar/out/renderer/x/../../index.html', fileApp)).toBe(false)
    expect(isAppDocument('file://evil-host/opt/UnionDesk/resources/app.asar/out/renderer/index.html', fileApp)).toBe(false)
  })

  it('rejects other schemes against the file app', () => {
    for (const url of ['https://example.com/', 'about:blank', 'data:text/html,hi', 'javascript:alert(1)', 'devtools://x', '']) {
      expect(isAppDocument(url, fileApp)).toBe(false)
    }
  })

  it('compares origins for the dev server', () => {
    const dev = 'http://localhost:5173/'
    expect(isAppDocument('http://localhost:5173/#/members', dev)).toBe(true)
    expect(isAppDocument('http://localhost:5173/src/x.html', dev)).toBe(true)
    expect(isAppDocument('http://localhost:5174/', dev)).toBe(false)
    expect(isAppDocument('http://127.0.0.1:5173/', dev)).toBe(false)
    expect(isAppDocument('https://localhost:5173/', dev)).toBe(false)
    expect(isAppDocument(fileApp, dev)).toBe(false)
  })
})
