import { describe, expect, it } from 'vitest'
import { decidePermission, denyAllPermissions, type PermissionSessionLike } from './permissions'

describe('decidePermission', () => {
  it('denies everything', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write',
      'fullscreen', 'openExternal', 'hid', 'serial', 'usb', 'display-capture', 'unknown', '']) {
      expect(decidePermission(permission, 'file:///')).toBe(false)
    }
  })
})

describe('denyAllPermissions (with a stand-in for Electron’s Session)', () => {
  it('installs handlers that deny requests, checks, devices and screen capture', () => {
    type Recorded = Record<string, (...args: never[]) => unknown>
    const handlers: Recorded = {}
    const record = (name: string) => (handler: (...args: never[]) => unknown) => { handlers[name] = handler }
    const fake = {
      setPermissionRequestHandler: record('request'),
      setPermissionCheckHandler: record('check'),
      setDevicePermissionHandler: record('device'),
      setDisplayMediaRequestHandler: record('display'),
    } as unknown as PermissionSessionLike
    denyAllPermissions(fake)

    const answers: unknown[] = []
    const request = handlers.request as unknown as (wc: unknown, p: string, cb: (ok: boolean) => void, d: object) => void
    request({}, 'media', (ok) => answers.push(ok), { requestingUrl: 'file:///x' })
    request({}, 'notifications', (ok) => answers.push(ok), { requestingUrl: 'https://evil.example/' })
    expect(answers).toEqual([false, false])

    const check = handlers.check as unknown as (wc: unknown, p: string, origin: string) => boolean
    expect(check(null, 'clipboard-read', 'file:///')).toBe(false)

    const device = handlers.device as unknown as (d: { deviceType: string; origin: string }) => boolean
    expect(device({ deviceType: 'usb', origin: 'file:///' })).toBe(false)

    let stream: unknown = 'unset'
    const display = handlers.display as unknown as (req: unknown, cb: (s: unknown) => void) => void
    display({}, (s) => { stream = s })
    expect(stream).toBeNull()
  })
})
