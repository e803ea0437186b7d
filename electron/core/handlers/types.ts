import type { Channel, ParsedReq, Res } from '../../../shared/contract'
import type { CallContext, HandlerContext } from '../app-core'

export type { CallContext, HandlerContext }

/**
 * Runs before the request is validated, so a caller without the right learns nothing about the
 * request format (a viewer gets `forbidden`, not a list of the fields a write needs).
 */
export const ACCESS_CHECK: unique symbol = Symbol('accessCheck')

/** One handler per contract channel, as hosts call them: a channel without one does not compile. */
export type Handlers = { [C in Channel]: (req: ParsedReq<C>, ctx: CallContext) => Promise<Res<C>> } & {
  readonly [ACCESS_CHECK]?: (channel: Channel, ctx: CallContext) => void
}

/** The same handlers before the access check, receiving who is acting. */
export type GuardedHandlers<C extends Channel = Channel> = { [K in C]: (req: ParsedReq<K>, ctx: HandlerContext) => Promise<Res<K>> }
