import { dispatch } from '../core/dispatch'
import type { Handlers } from '../core/handlers'
import type { Envelope } from '../../shared/envelope'
import { formatErrorZh } from '../../shared/messages/format'
import { INVOKE_CHANNEL } from '../preload/invoke-channel'
import type { InvokeEventLike } from './ipc-sender'

export { INVOKE_CHANNEL }

/** The part of Electron's ipcMain we use: structural so a test can hand in a stand-in. */
export type IpcMainLike<E extends InvokeEventLike = InvokeEventLike> = {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => Promise<unknown>): void
}

/**
 * What an untrusted sender gets. The message key words it as "invalid internal request, restart":
 * the only way our own UI can hit this is a frame in a bad state.
 */
export const FORBIDDEN: Envelope<never> = {
  ok: false,
  error: { code: 'forbidden', messageKey: 'unknownChannel', message: formatErrorZh('unknownChannel') },
}

/**
 * Serves every contract channel over one invoke channel. The sender is checked before anything is
 * read from the payload; then `dispatch` validates channel and request with the contract and turns
 * errors into values, so nothing here can throw a stack across the boundary.
 */
export function registerIpc<E extends InvokeEventLike>(
  ipcMain: IpcMainLike<E>,
  handlers: Handlers,
  isTrusted: (event: E) => boolean,
  warn: (message: string) => void = (message) => console.warn('[uniondesk]', message),
): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, channel, request) => {
    if (!isTrusted(event)) {
      warn(`refused IPC from an untrusted sender (channel ${typeof channel === 'string' ? channel : typeof channel})`)
      return FORBIDDEN
    }
    // One signed-in session per window.
    return dispatch(handlers, channel, request, { host: 'electron', sessionKey: `window:${event.sender?.id ?? 'unknown'}` })
  })
}
