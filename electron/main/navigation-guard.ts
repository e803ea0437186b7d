import { isAppDocument, parseUrl } from './app-url'

/**
 * The only sites a link in the app may open, in the system browser. Kept short on purpose: the
 * records are personal data and the app needs no web content of its own.
 * TODO(config): confirm the hotline site's host and the HQ host before release.
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = [
  // 中华全国总工会 (ACFTU), home of the 12351 workers' hotline pages.
  'www.acftu.org',
  // Provincial HQ portal — placeholder, same host as the update feed in electron-builder.yml.
  'hq.example.invalid',
]

/** A page in the window may move only within the app's own document (hash routes). */
export function isAllowedNavigation(targetUrl: string, appUrl: string): boolean {
  return isAppDocument(targetUrl, appUrl)
}

/**
 * Whether a URL may be handed to `shell.openExternal`: https, an exact allow-listed host, default
 * port and no credentials. Anything else (file:, smb:, custom schemes that launch programs, look-alike
 * hosts) is dropped: openExternal on an attacker's URL is a known route to running code.
 */
export function isAllowedExternal(url: string, hosts: readonly string[] = EXTERNAL_LINK_HOSTS): boolean {
  const parsed = parseUrl(url)
  if (!parsed || parsed.protocol !== 'https:') return false
  if (parsed.username || parsed.password || parsed.port) return false
  return hosts.includes(parsed.hostname)
}

export type WindowOpenDecision = {
  /** Never a new Electron window: it would not get our preload-free, sandboxed defaults for sure. */
  action: 'deny'
  /** The URL to open in the system browser, or null to drop it. */
  openExternal: string | null
}

export function decideWindowOpen(url: string, hosts: readonly string[] = EXTERNAL_LINK_HOSTS): WindowOpenDecision {
  return { action: 'deny', openExternal: isAllowedExternal(url, hosts) ? new URL(url).href : null }
}

export type NavigationDecision = { allow: boolean; openExternal: string | null }

/** For 'will-navigate' / 'will-redirect': stay in the app, or leave for an allow-listed site in the browser. */
export function decideNavigation(targetUrl: string, appUrl: string, hosts: readonly string[] = EXTERNAL_LINK_HOSTS): NavigationDecision {
  if (isAllowedNavigation(targetUrl, appUrl)) return { allow: true, openExternal: null }
  return { allow: false, openExternal: isAllowedExternal(targetUrl, hosts) ? new URL(targetUrl).href : null }
}
