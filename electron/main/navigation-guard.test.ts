import { describe, expect, it } from 'vitest'
import { decideNavigation, decideWindowOpen, EXTERNAL_LINK_HOSTS, isAllowedExternal, isAllowedNavigation } from './navigation-guard'

const fileApp = 'file:///opt/UnionDesk/resources/app.asar/out/renderer/index.html'
const devApp = 'http://localhost:5173/'

describe('isAllowedNavigation', () => {
  it('allows hash routes inside the app', () => {
    expect(isAllowedNavigation(`${fileApp}#/members`, fileApp)).toBe(true)
    expect(isAllowedNavigation('http://localhost:5173/#/members', devApp)).toBe(true)
  })

  it('refuses other origins, other local files and pseudo-schemes', () => {
    for (const url of ['https://www.acftu.org/', 'file:///etc/passwd', 'file:///C:/Windows/System32/calc.exe',
      'http://localhost:5174/', 'data:text/html,<script>1</script>', 'javascript:void(0)', 'about:blank', 'nonsense']) {
      expect(isAllowedNavigation(url, fileApp)).toBe(false)
    }
    expect(isAllowedNavigation('http://localhost.evil.example:5173/', devApp)).toBe(false)
  })
})

describe('isAllowedExternal', () => {
  it('keeps the host list in one place and https-only', () => {
    expect(EXTERNAL_LINK_HOSTS.length).toBeGreaterThan(0)
    for (const host of EXTERNAL_LINK_HOSTS) {
      expect(isAllowedExternal(`https://${host}/some/page?q=1`)).toBe(true)
      expect(isAllowedExternal(`http://${host}/`)).toBe(false)
    }
  })

  it('drops look-alikes, credentials, ports and program-launching schemes', () => {
    for (const url of [
      'https://www.acftu.org.evil.example/', 'https://evil.example/?www.acftu.org', 'https://www.acftu.org@evil.example/',
      'https://user:pw@www.acftu.org/', 'https://www.acftu.org:8443/', 'file:///C:/Windows/System32/calc.exe',
      'smb://server/share', 'ms-msdt:/id', 'mailto:a@b.c', 'javascript:alert(1)', '', 'not a url',
    ]) {
      expect(isAllowedExternal(url), url).toBe(false)
    }
  })

  it('compares hosts after URL normalisation (case, trailing dot is a different host)', () => {
    expect(isAllowedExternal('https://WWW.ACFTU.ORG/')).toBe(true)
    expect(isAllowedExternal('https://www.acftu.org./')).toBe(false)
  })
})

describe('decideWindowOpen', () => {
  it('always denies a new window', () => {
    for (const url of ['https://www.acftu.org/', fileApp, 'https://evil.example/', 'about:blank']) {
      expect(decideWindowOpen(url).action).toBe('deny')
    }
  })

  it('passes only allow-listed links on to the system browser', () => {
    expect(decideWindowOpen('https://www.acftu.org/a').openExternal).toBe('https://www.acftu.org/a')
    expect(decideWindowOpen('https://evil.example/').openExternal).toBeNull()
    expect(decideWindowOpen(fileApp).openExternal).toBeNull()
  })
})

describe('decideNavigation', () => {
  it('stays for the app, leaves to the browser for allow-listed sites, drops the rest', () => {
    expect(decideNavigation(`${fileApp}#/x`, fileApp)).toEqual({ allow: true, openExternal: null })
    expect(decideNavigation('https://www.acftu.org/', fileApp)).toEqual({ allow: false, openExternal: 'https://www.acftu.org/' })
    expect(decideNavigation('https://evil.example/', fileApp)).toEqual({ allow: false, openExternal: null })
  })
})
