import type { z } from 'zod'
import type { Channel, Contract, Req } from '../../../shared/contract'
import type { Envelope } from '../../../shared/envelope'
import { ApiError } from './api-error'

/** What a channel returns once parsed (JSON carries the handler's output). */
export type Result<C extends Channel> = z.output<Contract[C]['res']>

const NETWORK_FAILURE = {
  code: 'internal' as const,
  messageKey: 'network',
  message: '无法连接到工会工作台的数据服务，请检查程序是否仍在运行后重试',
}

type UnauthenticatedListener = (err: ApiError) => void
let unauthenticatedListener: UnauthenticatedListener | null = null

/**
 * Core refuses a call when nobody is signed in, the session is locked (idle) or the password must
 * change first. One listener (the router) takes the user to the sign-in screen in all those cases.
 */
export function onUnauthenticated(listener: UnauthenticatedListener | null): void {
  unauthenticatedListener = listener
}

async function send<C extends Channel>(channel: C, req: Req<C>): Promise<Envelope<unknown>> {
  const bridge = window.api
  if (bridge?.invoke) return bridge.invoke(channel, req)
  const res = await fetch(`/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(req),
  })
  if (!res.ok) throw new Error(`HTTP ${res.status}`)
  return (await res.json()) as Envelope<unknown>
}

/**
 * The only caller of the transport (Electron preload or the web host). Returns the value of an
 * `ok:true` envelope and throws an ApiError for `ok:false`; a broken transport becomes an
 * `internal` ApiError so callers handle one kind of failure.
 */
export async function invoke<C extends Channel>(channel: C, req: Req<C>): Promise<Result<C>> {
  let envelope: Envelope<unknown>
  try {
    envelope = await send(channel, req)
  } catch {
    throw new ApiError(NETWORK_FAILURE)
  }
  if (!envelope || typeof envelope !== 'object' || !('ok' in envelope)) throw new ApiError(NETWORK_FAILURE)
  if (envelope.ok) return envelope.value as Result<C>
  const err = new ApiError(envelope.error)
  if (err.code === 'unauthenticated') unauthenticatedListener?.(err)
  throw err
}
