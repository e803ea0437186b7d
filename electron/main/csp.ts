import type { HeadersReceivedResponse, OnHeadersReceivedListenerDetails } from 'electron'
import { isAppDocument } from './app-url'

/**
 * The policy for the app's own document: only our bundled scripts (no inline script, no eval, no
 * remote origin). Inline styles stay allowed because Element Plus positions popovers with style
 * attributes. Matches the renderer's meta tag and the web host's header; the header version can add
 * what a meta tag cannot carry (frame-ancestors).
 */
export const APP_CSP_DIRECTIVES: readonly string[] = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "worker-src 'none'",
  "frame-src 'none'",
  "child-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
]

export function contentSecurityPolicy(): string {
  return APP_CSP_DIRECTIVES.join('; ')
}

type HeaderDetails = Pick<OnHeadersReceivedListenerDetails, 'url' | 'resourceType' | 'responseHeaders'>

/**
 * For `session.webRequest.onHeadersReceived`: adds the CSP header to the app's own document, in
 * addition to the meta tag. The meta tag is the guarantee (Electron has not always run webRequest
 * for file://); the header is defence in depth where it does run. Other responses pass unchanged.
 * The dev server is left alone: Vite's HMR needs inline script and a websocket.
 */
export function withCspHeader(details: HeaderDetails, appUrl: string): HeadersReceivedResponse {
  const isDocument = details.resourceType === 'mainFrame' || details.resourceType === 'subFrame'
  if (!isDocument || !appUrl.startsWith('file:') || !isAppDocument(details.url, appUrl)) return {}
  const headers: Record<string, string[]> = {}
  for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
    // Drop any existing policy in whatever case, so ours is the one that applies.
    if (name.toLowerCase() !== 'content-security-policy') headers[name] = value
  }
  headers['Content-Security-Policy'] = [contentSecurityPolicy()]
  return { responseHeaders: headers }
}
