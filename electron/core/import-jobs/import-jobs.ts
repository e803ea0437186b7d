import { randomBytes } from 'node:crypto'
import type { z } from 'zod'
import type { importStatusSchema } from '../../../shared/domain/roster'
import { formatErrorZh } from '../../../shared/messages/format'
import type { Actor } from '../audit/audit-trail'
import { AppError, ConflictError, NotFoundError } from '../errors'
import { commitImport, type ImportResult } from '../roster/import-commit'
import type { ImportOptions } from '../roster/import-plan'
import type { Workspace } from '../workspace'

export type ImportStatus = z.output<typeof importStatusSchema>

type Job = {
  status: ImportStatus
  controller: AbortController
  sessionKey: string
  done: Promise<void>
}

/**
 * Imports run in the background of the core process (they yield between chunks), one at a time;
 * the renderer polls their status and may cancel, which rolls the whole import back.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, Job>()

  start(ws: Workspace, sessionKey: string, filePath: string, options: Omit<ImportOptions, 'signal' | 'onProgress' | 'idNumbers'>, actor: Actor): ImportStatus {
    if ([...this.jobs.values()].some((j) => j.status.state === 'running')) throw new ConflictError(undefined, 'import.busy')
    const jobId = randomBytes(16).toString('base64url')
    const controller = new AbortController()
    const status: ImportStatus = { jobId, state: 'running', rowsDone: 0, total: options.totalRows ?? null, rowsPerSecond: 0, result: null, error: null }
    const done = commitImport(ws.db, filePath, {
      ...options, idNumbers: ws.idNumbers, signal: controller.signal, audit: { trail: ws.audit, actor },
      onProgress: (p) => { status.rowsDone = p.rowsDone; status.total = p.total; status.rowsPerSecond = Math.round(p.rowsPerSecond) },
    }).then(
      (r: ImportResult) => {
        status.state = 'done'
        status.rowsDone = r.inserted + r.updated + r.skipped + r.errors
        status.result = {
          inserted: r.inserted, updated: r.updated, skipped: r.skipped, errors: r.errors,
          departmentsCreated: r.departmentsCreated, durationMs: Math.round(r.durationMs), rowsPerSecond: Math.round(r.rowsPerSecond),
        }
      },
      (err: unknown) => {
        status.state = controller.signal.aborted ? 'cancelled' : 'failed'
        const key = err instanceof AppError ? err.messageKey : 'internal'
        const params = err instanceof AppError ? err.params : undefined
        status.error = { messageKey: key, message: formatErrorZh(key, undefined, params), ...(params ? { params } : {}) }
      },
    )
    this.jobs.set(jobId, { status, controller, sessionKey, done })
    return { ...status }
  }

  status(sessionKey: string, jobId: string): ImportStatus {
    const job = this.jobs.get(jobId)
    if (!job || job.sessionKey !== sessionKey) throw new NotFoundError()
    return { ...job.status }
  }

  async cancel(sessionKey: string, jobId: string): Promise<ImportStatus> {
    const job = this.jobs.get(jobId)
    if (!job || job.sessionKey !== sessionKey) throw new NotFoundError()
    job.controller.abort()
    await job.done
    return { ...job.status }
  }

  /** Before the workspace closes (switch, restore, quit): stop and roll back whatever runs. */
  async cancelAll(): Promise<void> {
    for (const job of this.jobs.values()) job.controller.abort()
    await Promise.all([...this.jobs.values()].map((j) => j.done))
  }
}
