/// <reference types="vite/client" />
import type { Channel, Req } from '../../shared/contract'
import type { Envelope } from '../../shared/envelope'

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent when the renderer runs in a browser against the web host. */
    api?: {
      invoke<C extends Channel>(channel: C, req: Req<C>): Promise<Envelope<unknown>>
    }
  }
}

export {}
