/** What `window.api.invoke` hands back when the preload refuses a call itself (same shape as dispatch's). */
export const UNKNOWN_CHANNEL = {
  ok: false,
  error: { code: 'internal', messageKey: 'unknownChannel', message: '程序内部请求无效，请重启程序' },
} as const

export type Send = (channel: string, request: unknown) => Promise<unknown>
export type Invoke = (channel: unknown, request?: unknown) => Promise<unknown>

/**
 * Builds the one function the page gets. A channel outside the contract is refused here, before
 * anything reaches main (style.md: unlike a generic `send(channel)`, the page cannot name arbitrary
 * IPC channels). Main checks again: this is the first of two gates, not the only one.
 */
export function createInvoke(allowedChannels: readonly string[], send: Send): Invoke {
  const allowed = new Set(allowedChannels)
  return (channel, request) => {
    if (typeof channel !== 'string' || !allowed.has(channel)) return Promise.resolve(UNKNOWN_CHANNEL)
    return send(channel, request ?? {})
  }
}
