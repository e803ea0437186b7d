import type { AppCore } from '../app-core'
import type { GuardedHandlers } from './types'

type RegisterChannel = 'profile.get' | 'profile.save' | 'departments.list' | 'departments.create' | 'departments.rename'
  | 'members.search' | 'members.get' | 'members.create' | 'members.update' | 'members.changeStatus' | 'members.revealIdNumber'

export function registerHandlers(core: AppCore): GuardedHandlers<RegisterChannel> {
  const ws = () => core.workspace
  return {
    'profile.get': () => ws().profile.get(),
    'profile.save': (req, ctx) => ws().profile.save(req, ctx.actor),

    'departments.list': () => ws().departments.list(),
    'departments.create': (req, ctx) => ws().departments.create(req.name, ctx.actor),
    'departments.rename': (req, ctx) => ws().departments.rename(req.id, req.name, ctx.actor),

    'members.search': (req) => ws().members.search(req),
    'members.get': (req) => ws().members.get(req.id),
    'members.create': (req, ctx) => ws().members.create(req, ctx.actor),
    'members.update': (req, ctx) => ws().members.update(req.id, req.fields, ctx.actor, { keepIdNumber: req.keepIdNumber }),
    'members.changeStatus': (req, ctx) => ws().members.changeStatus(req, ctx.actor),
    'members.revealIdNumber': async (req, ctx) => ({ idNumber: await ws().members.revealIdNumber(req.id, ctx.actor) }),
  }
}
