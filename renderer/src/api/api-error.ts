import type { AppErrorPayload, ErrorCode } from '../../../shared/envelope'

/** An `ok:false` envelope as an exception; stores catch it and word it via i18n (see i18n/error-text.ts). */
export class ApiError extends Error {
  readonly code: ErrorCode
  readonly messageKey: string
  readonly params: Record<string, string | number>
  readonly field: string | undefined

  constructor(payload: AppErrorPayload) {
    super(payload.message)
    this.name = 'ApiError'
    this.code = payload.code
    this.messageKey = payload.messageKey
    this.params = payload.params ?? {}
    this.field = payload.field
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError
}
