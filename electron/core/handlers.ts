import type { Channel, ParsedReq, Res } from '../../shared/contract'
import type { AppCore } from './app-core'

export type CallContext = { host: 'electron' | 'web' }

/** One handler per contract channel: a channel without a handler is a compile error. */
export type Handlers = { [C in Channel]: (req: ParsedReq<C>, ctx: CallContext) => Promise<Res<C>> }

export function createHandlers(core: AppCore): Handlers {
  const info = async (ctx: CallContext) => {
    const ws = core.workspace
    return {
      version: core.version, workspace: ws.kind, host: ctx.host,
      hasProfile: (await ws.profile.get()) !== null, memberCount: await ws.memberCount(),
    }
  }
  return {
    'app.info': (_req, ctx) => info(ctx),
    'app.useDemo': async (_req, ctx) => { await core.switchTo('demo'); return info(ctx) },
    'app.useReal': async (_req, ctx) => { await core.switchTo('real'); return info(ctx) },

    'profile.get': () => core.workspace.profile.get(),
    'profile.save': (req) => core.workspace.profile.save(req),

    'departments.list': () => core.workspace.departments.list(),
    'departments.create': (req) => core.workspace.departments.create(req.name),
    'departments.rename': (req) => core.workspace.departments.rename(req.id, req.name),

    'members.search': (req) => core.workspace.members.search(req),
    'members.get': (req) => core.workspace.members.get(req.id),
    'members.create': (req) => core.workspace.members.create(req),
    'members.update': (req) => core.workspace.members.update(req.id, req.fields),
    'members.changeStatus': (req) => core.workspace.members.changeStatus(req),
  }
}
