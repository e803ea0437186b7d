import type { ErrorCode } from '../../shared/envelope'

type Params = Record<string, string | number>

/** Domain errors thrown by core; `toEnvelopeError` is the one place that turns them into payloads. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: string,
    readonly field?: string,
    readonly params?: Params,
  ) {
    super(`${code}: ${messageKey}${field ? ` (${field})` : ''}`)
    this.name = new.target.name
  }
}

export class ValidationError extends AppError {
  constructor(field: string, messageKey: string, params?: Params) {
    super('validation', messageKey, field, params)
  }
}

export class ConflictError extends AppError {
  constructor(field: string | undefined, messageKey: string, params?: Params) {
    super('conflict', messageKey, field, params)
  }
}

export class NotFoundError extends AppError {
  constructor() {
    super('notFound', 'notFound')
  }
}

/** Not signed in, session locked, or wrong credentials. */
export class UnauthenticatedError extends AppError {
  constructor(messageKey = 'auth.required', params?: Params) {
    super('unauthenticated', messageKey, undefined, params)
  }
}

export class ForbiddenError extends AppError {
  constructor(messageKey = 'forbidden.role') {
    super('forbidden', messageKey)
  }
}

export class DatabaseTooNewError extends AppError {
  constructor(found: number, supported: number) {
    super('databaseTooNew', 'databaseTooNew', undefined, { found, supported })
  }
}
