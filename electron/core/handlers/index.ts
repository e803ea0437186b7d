import type { Channel } from '../../../shared/contract'
import type { AppCore, CallContext } from '../app-core'
import { adminHandlers } from './admin-handlers'
import { appHandlers } from './app-handlers'
import { registerHandlers } from './register-handlers'
import { rosterHandlers } from './roster-handlers'
import { ACCESS_CHECK, type GuardedHandlers, type Handlers } from './types'

export type { CallContext, Handlers }
export { ACCESS_CHECK }

/**
 * The handler map for every host. Each handler runs behind `core.authorize`, so the access rules of
 * shared/access.ts hold whether the call came over IPC or HTTP, whatever the UI shows or hides.
 */
export function createHandlers(core: AppCore): Handlers {
  const inner: GuardedHandlers = { ...appHandlers(core), ...registerHandlers(core), ...adminHandlers(core), ...rosterHandlers(core) }
  const guarded = {} as Record<Channel, (req: unknown, ctx: CallContext) => Promise<unknown>>
  for (const channel of Object.keys(inner) as Channel[]) {
    const handler = inner[channel] as (req: unknown, ctx: ReturnType<AppCore['authorize']>) => Promise<unknown>
    guarded[channel] = (req, ctx) => handler(req, core.authorize(channel, ctx))
  }
  return Object.assign(guarded as Handlers, { [ACCESS_CHECK]: (channel: Channel, ctx: CallContext) => void core.authorize(channel, ctx) })
}
