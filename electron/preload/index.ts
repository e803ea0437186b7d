import { contextBridge, ipcRenderer } from 'electron'
import { INVOKE_CHANNEL } from './invoke-channel'
import { createInvoke } from './invoke'

/**
 * The contract's channel names, inlined at build time by electron.vite.config.ts from
 * shared/contract.ts. Inlining keeps zod and the schemas out of this bundle; a sandboxed preload
 * must be one self-contained script anyway. If the define is missing, every call is refused.
 */
declare const __UNIONDESK_CHANNELS__: readonly string[] | undefined

const channels = typeof __UNIONDESK_CHANNELS__ === 'undefined' ? [] : __UNIONDESK_CHANNELS__

// Only this one function reaches the page; ipcRenderer itself never does.
contextBridge.exposeInMainWorld('api', {
  invoke: createInvoke(channels, (channel, request) => ipcRenderer.invoke(INVOKE_CHANNEL, channel, request)),
})
