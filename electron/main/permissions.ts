import type { Session } from 'electron'

/**
 * The app needs no browser permission: no camera, microphone, location, notifications, clipboard
 * read, HID/USB/serial, screen capture. Deny them all, including the synchronous checks Chromium
 * makes before it would ask. One function so a test shows the answer never depends on input.
 */
export function decidePermission(_permission: string, _requestingOrigin?: string): false {
  return false
}

export type PermissionSessionLike = Pick<Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'setDisplayMediaRequestHandler'>

export function denyAllPermissions(session: PermissionSessionLike): void {
  session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    callback(decidePermission(permission, details.requestingUrl))
  })
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin) => decidePermission(permission, requestingOrigin))
  session.setDevicePermissionHandler((details) => decidePermission(details.deviceType, details.origin))
  // getDisplayMedia: answer with no stream rather than leaving the request pending.
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null))
}
