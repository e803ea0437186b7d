import { isAppDocument } from './app-url'

export type SenderInfo = {
  /** URL of the frame that sent the message; undefined when the frame is gone. */
  senderFrameUrl: string | undefined
  /** True only for the window's top frame (an iframe could host anyone's page). */
  isMainFrame: boolean
  /** The app's own document: the bundled index.html file URL, or the dev server URL. */
  appUrl: string
}

/**
 * Modelled on VS Code's validatedIpcMain: a message is served only if it comes from the top frame
 * and that frame shows the app's own document. Unlike VS Code we do not wave through an empty URL
 * or about:blank (VS Code tolerates them for its test harness and DevTools reloads): we have no
 * such case, so fail closed.
 */
export function isTrustedSender({ senderFrameUrl, isMainFrame, appUrl }: SenderInfo): boolean {
  if (!isMainFrame || !senderFrameUrl) return false
  return isAppDocument(senderFrameUrl, appUrl)
}

/** The part of Electron's WebFrameMain we read; structural so tests need no Electron. */
export type SenderFrameLike = { readonly url: string; readonly parent: unknown }
export type InvokeEventLike = {
  readonly senderFrame: SenderFrameLike | null
  /** The window's webContents: its id keys that window's signed-in session. */
  readonly sender?: { readonly id: number }
}

/**
 * Reads the sender out of an IPC event. `senderFrame` is null once the frame navigated away or was
 * destroyed, and reading a disposed frame can throw: either way the sender is not trusted.
 */
export function senderOf(event: InvokeEventLike): Omit<SenderInfo, 'appUrl'> {
  try {
    const frame = event.senderFrame
    if (!frame) return { senderFrameUrl: undefined, isMainFrame: false }
    return { senderFrameUrl: frame.url, isMainFrame: frame.parent === null }
  } catch {
    return { senderFrameUrl: undefined, isMainFrame: false }
  }
}

/** The check `registerIpc` runs on every call, bound to the app's URL. */
export function createSenderCheck(appUrl: string): (event: InvokeEventLike) => boolean {
  return (event) => isTrustedSender({ ...senderOf(event), appUrl })
}
