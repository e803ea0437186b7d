import type { Channel, ParsedReq, Res } from '../../../shared/contract'
import type { CallContext, HandlerContext } from '../app-core'

export type { CallContext, HandlerContext }

/** One handler per contract channel, as hosts call them: a channel without one does not compile. */
export type Handlers = { [C in Channel]: (req: ParsedReq<C>, ctx: CallContext) => Promise<Res<C>> }

/** The same handlers before the access check, receiving who is acting. */
export type GuardedHandlers<C extends Channel = Channel> = { [K in C]: (req: ParsedReq<K>, ctx: HandlerContext) => Promise<Res<K>> }
