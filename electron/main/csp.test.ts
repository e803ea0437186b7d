import { readFileSync, existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy, withCspHeader } from './csp'

const appUrl = 'file:///opt/UnionDesk/resources/app.asar/out/renderer/index.html'

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((p) => p[0]).map(([name, ...values]) => [name!, values]))
}

describe('contentSecurityPolicy', () => {
  const csp = directives(contentSecurityPolicy())

  it('allows only our own scripts: no inline, no eval, no remote', () => {
    expect(csp.get('script-src')).toEqual(["'self'"])
    expect(csp.get('default-src')).toEqual(["'none'"])
    const all = [...csp.values()].flat()
    expect(all).not.toContain("'unsafe-eval'")
    expect(all.some((v) => /^https?:|^\*$|^http:$|^https:$/.test(v))).toBe(false)
    expect(csp.get('style-src')).not.toContain("'unsafe-eval'")
  })

  it('closes plugins, base, forms, framing and workers', () => {
    for (const name of ['object-src', 'base-uri', 'form-action', 'frame-ancestors', 'frame-src', 'worker-src']) {
      expect(csp.get(name), name).toEqual(["'none'"])
    }
  })

  it('is at least as strict as the renderer’s meta tag for scripts', () => {
    const indexHtml = new URL('../../renderer/index.html', import.meta.url)
    if (!existsSync(indexHtml)) return
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(readFileSync(indexHtml, 'utf8'))
    expect(meta, 'renderer/index.html carries a CSP meta tag').not.toBeNull()
    const fromMeta = directives(meta![1]!)
    expect(fromMeta.get('script-src')).toEqual(["'self'"])
  })
})

describe('withCspHeader', () => {
  it('sets the header on the app document, replacing any other policy', () => {
    const res = withCspHeader({
      url: `${appUrl}`, resourceType: 'mainFrame',
      responseHeaders: { 'content-security-policy': ["default-src *"], 'X-Other': ['1'] },
    }, appUrl)
    expect(res.responseHeaders).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [contentSecurityPolicy()] })
  })

  it('leaves scripts, other files and the dev server untouched', () => {
    expect(withCspHeader({ url: appUrl.replace('index.html', 'assets/index.js'), resourceType: 'script' }, appUrl)).toEqual({})
    expect(withCspHeader({ url: 'file:///tmp/other.html', resourceType: 'mainFrame' }, appUrl)).toEqual({})
    expect(withCspHeader({ url: 'http://localhost:5173/', resourceType: 'mainFrame' }, 'http://localhost:5173/')).toEqual({})
  })
})
