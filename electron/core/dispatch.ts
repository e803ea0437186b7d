import type { z } from 'zod'
import { contract, isChannel } from '../../shared/contract'
import type { AppErrorPayload, Envelope } from '../../shared/envelope'
import { zhCN } from '../../shared/messages/zh-CN'
import { formatErrorZh } from '../../shared/messages/format'
import { AppError } from './errors'
import { ACCESS_CHECK, type CallContext, type Handlers } from './handlers'

type Params = Record<string, string | number>

function payload(code: AppErrorPayload['code'], messageKey: string, field?: string, params?: Params): AppErrorPayload {
  return {
    code, messageKey, message: formatErrorZh(messageKey, field, params),
    ...(field ? { field } : {}), ...(params ? { params } : {}),
  }
}

/** The first schema problem as a field-level validation error, worded from the schema's message key. */
export function issueToError(issue: z.core.$ZodIssue): AppErrorPayload {
  const field = [...issue.path].reverse().find((p): p is string => typeof p === 'string')
  const key = issue.message in zhCN.errors ? issue.message : 'invalid'
  const raw = (issue as { params?: Record<string, unknown> }).params
  const params = raw
    ? Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === 'string' || typeof v === 'number')) as Params
    : undefined
  return payload('validation', key, field, params)
}

export function toErrorPayload(err: unknown): AppErrorPayload {
  if (err instanceof AppError) return payload(err.code, err.messageKey, err.field, err.params)
  return payload('internal', 'internal')
}

/**
 * The single entry for every call, from IPC or HTTP: checks the channel, the caller's access, then
 * validates the request with the contract, runs the handler, and turns any throw into an error value. Unexpected errors
 * are logged here and cross only as `internal`, never as a stack.
 */
export async function dispatch(
  handlers: Handlers, channel: unknown, request: unknown, ctx: CallContext,
  log: (err: unknown) => void = (err) => console.error('[uniondesk]', err),
): Promise<Envelope<unknown>> {
  if (!isChannel(channel)) return { ok: false, error: payload('internal', 'unknownChannel') }
  try {
    handlers[ACCESS_CHECK]?.(channel, ctx)
    const parsed = contract[channel].req.safeParse(request ?? {})
    if (!parsed.success) return { ok: false, error: issueToError(parsed.error.issues[0]!) }
    const handler = handlers[channel] as (req: unknown, ctx: CallContext) => Promise<unknown>
    return { ok: true, value: await handler(parsed.data, ctx) }
  } catch (err) {
    if (!(err instanceof AppError)) log(err)
    return { ok: false, error: toErrorPayload(err) }
  }
}
