import { describe, expect, it } from 'vitest'
import { createSenderCheck, isTrustedSender, senderOf } from './ipc-sender'

const appUrl = 'file:///opt/UnionDesk/resources/app.asar/out/renderer/index.html'

describe('isTrustedSender', () => {
  it('trusts the app document in the top frame', () => {
    expect(isTrustedSender({ senderFrameUrl: `${appUrl}#/members`, isMainFrame: true, appUrl })).toBe(true)
  })

  it('refuses the app document inside a sub-frame', () => {
    expect(isTrustedSender({ senderFrameUrl: appUrl, isMainFrame: false, appUrl })).toBe(false)
  })

  it('refuses other documents in the top frame', () => {
    for (const senderFrameUrl of ['https://evil.example/', 'file:///tmp/evil.html', 'about:blank', 'data:text/html,x', '', undefined]) {
      expect(isTrustedSender({ senderFrameUrl, isMainFrame: true, appUrl })).toBe(false)
    }
  })

  it('uses origin for the dev server', () => {
    const dev = 'http://localhost:5173/'
    expect(isTrustedSender({ senderFrameUrl: 'http://localhost:5173/#/', isMainFrame: true, appUrl: dev })).toBe(true)
    expect(isTrustedSender({ senderFrameUrl: 'http://localhost:9999/', isMainFrame: true, appUrl: dev })).toBe(false)
    expect(isTrustedSender({ senderFrameUrl: appUrl, isMainFrame: true, appUrl: dev })).toBe(false)
  })
})

describe('senderOf / createSenderCheck (with a stand-in for Electron’s IpcMainInvokeEvent)', () => {
  const check = createSenderCheck(appUrl)
  const top = { url: appUrl, parent: null }

  it('reads top frame and URL', () => {
    expect(senderOf({ senderFrame: top })).toEqual({ senderFrameUrl: appUrl, isMainFrame: true })
    expect(check({ senderFrame: top })).toBe(true)
  })

  it('treats a child frame as untrusted even with our URL', () => {
    expect(check({ senderFrame: { url: appUrl, parent: top } })).toBe(false)
  })

  it('treats a missing or disposed frame as untrusted', () => {
    expect(check({ senderFrame: null })).toBe(false)
    const disposed = { get senderFrame(): never { throw new Error('Render frame was disposed') } }
    expect(check(disposed)).toBe(false)
  })
})
