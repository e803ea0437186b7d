import { localDate } from '../clock'
import type { Actor, AuditTrail } from '../audit/audit-trail'
import type { Database } from '../db/sqlite'
import { insertDepartment } from '../departments/department-repository'
import { withDerivedFields } from '../members/member-quality'
import {
  importedRows, insertHistory, insertImportedMembers, insertJoinHistoryFor, updateMember, type ImportedRows,
} from '../members/member-repository'
import { loadNameKeyer, type NameKeyer } from '../members/name-keys'
import type { PreparedRows } from '../crypto/seal-worker'
import { toMemberWrite } from '../members/member-write'
import { MEMBER_FIELD_OF } from './fields'
import { resolveCollisions } from './import-diff'
import {
  firstErrors, loadExistingIndex, planImport, type Collision, type ErrorRow, type ExistingIndex, type ImportError, type ImportOptions,
  type PlanChunk,
} from './import-plan'
import { progressReporter } from './import-preview'
import { withBulkLoad } from '../members/bulk-load'

const CHECKPOINT_AFTER_ROWS = 5000
/**
 * New members' history entries are written for this many members at a time, not with each batch:
 * every statement is a round trip through this thread, which the reading keeps busy, and SQLite
 * waits for each one (see Connection.cachedRun).
 */
const HISTORY_EVERY_ROWS = 10_000
const WRITES_AHEAD = 2
/** New rows' name keys are computed with their sealing (openBatchSealer): none here. */
const KEYS_FROM_WORKER: NameKeyer = () => ({ tokens: '', pinyin: '', initials: '' })

export type CommitOptions = ImportOptions & {
  /** The import is recorded as one audit entry (file name and counts) in the same transaction. */
  audit?: { trail: AuditTrail; actor: Actor }
}

export type ImportResult = {
  inserted: number
  /** Existing members changed (onConflict 'update' and the row differs). */
  updated: number
  /** Rows matching existing members left as they are (onConflict 'skip', or nothing differs). */
  skipped: number
  /** Rows not imported because of errors (valid rows were imported; fix these and import them again). */
  errors: number
  errorList: ImportError[]
  errorRows: ErrorRow[]
  headers: string[]
  ignoredRows: number
  departmentsCreated: number
  newDepartments: string[]
  durationMs: number
  rowsPerSecond: number
}

/**
 * Writes every valid row in ONE transaction: either all of them land or none do (a cancel, a read
 * error or a database error rolls back, leaving the register exactly as before). Chunks are
 * written while the next chunk is read, so SQLite's work overlaps the spreadsheet parsing.
 * Departments named in the file that don't exist yet are created in the same transaction.
 */
export async function commitImport(db: Database, filePath: string, options: CommitOptions): Promise<ImportResult> {
  const started = performance.now()
  const nowDate = options.now ?? new Date()
  const now = nowDate.toISOString()
  const today = localDate(nowDate)
  const note = `导入：${options.fileName}`
  const progress = await progressReporter(filePath, options)
  const counts = { inserted: 0, updated: 0, skipped: 0 }
  const created: string[] = []

  // New members' ID numbers are sealed and their name keys computed on a worker thread while the
  // next rows are read. This thread loads pinyin-pro only if it has to (updates, or no worker).
  const sealer = options.idNumbers.openBatchSealer(loadNameKeyer)
  const summary = await db.forBulkWrite(() => db.transaction((tx) => withBulkLoad(tx, async (indexForSearch) => {
    const existing = await loadExistingIndex(tx)

    // Reading and writing both create departments, one call at a time so none is created twice.
    let departmentsCreated: Promise<void> = Promise.resolve()
    const ensureDepartments = (names: ReadonlyArray<string | null>): Promise<void> => {
      if (names.every((name) => !name || existing.departments.has(name))) return departmentsCreated
      departmentsCreated = departmentsCreated.then(async () => {
        for (const name of names) {
          if (!name || existing.departments.has(name)) continue
          existing.departments.set(name, await insertDepartment(tx, name, now))
          created.push(name)
        }
      })
      return departmentsCreated
    }

    const newMemberRows = (chunk: PlanChunk): ImportedRows => {
      // Birth date and gender were already derived from the ID number by validateRow; the
      // chunk's new departments exist by now (see below).
      const writes = chunk.newRows.map((r) => {
        r.member.fields.departmentId = departmentIdOf(existing, r.member.departmentName)
        return toMemberWrite(r.member.fields, 'active', KEYS_FROM_WORKER, options.idNumbers, now, null)
      })
      return importedRows(writes)
    }

    // New members from historyFrom up to lastInserted have no history entry yet.
    let historyFrom = 0
    let lastInserted = 0
    const writeHistory = async () => {
      if (lastInserted < historyFrom) return
      await insertJoinHistoryFor(tx, historyFrom, lastInserted, { today, note, now })
      historyFrom = lastInserted + 1
    }

    const writeChunk = async (collisions: Collision[], rows: ImportedRows | null, sealing: Promise<PreparedRows>) => {
      await ensureDepartments(collisions.map((r) => r.member.departmentName))
      if (rows) {
        const ids = await insertImportedMembers(tx, rows, await sealing)
        if (!historyFrom) historyFrom = ids[0]!
        lastInserted = ids[ids.length - 1]!
        if (lastInserted - historyFrom + 1 >= HISTORY_EVERY_ROWS) await writeHistory()
        await indexForSearch(lastInserted)
        counts.inserted += ids.length
      }
      if (collisions.length && options.onConflict === 'skip') counts.skipped += collisions.length
      else if (collisions.length) await updateChunk(collisions, existing)
    }

    const updateChunk = async (collisions: Collision[], existingIdx: ExistingIndex) => {
      for (const r of await resolveCollisions(tx, collisions, existingIdx.departments, options.idNumbers)) {
        if (!r.diff.length) { counts.skipped++; continue }
        const fields = withDerivedFields({ ...r.after, idNumber: r.plainId(), departmentId: departmentIdOf(existingIdx, r.departmentName) })
        await updateMember(tx, r.before.id, toMemberWrite(fields, r.before.status, await loadNameKeyer(), options.idNumbers, now))
        await insertHistory(tx, {
          memberId: r.before.id, kind: 'edit', eventDate: today, fromStatus: null, toStatus: null, counterpart: null,
          note, changedFields: r.diff.map((d) => MEMBER_FIELD_OF[d.field]), now,
        })
        counts.updated++
      }
    }

    // Chunks are written one after another while the next ones are read; up to WRITES_AHEAD of them
    // wait their turn, so a chunk's work on the worker overlaps the previous chunk's insert instead
    // of the two adding up. A failure surfaces at the next hand-over.
    let written: Promise<void> = Promise.resolve()
    const queued: Array<Promise<void>> = []
    try {
      const plan = await planImport(filePath, existing, options, async (chunk) => {
        // The worker starts on this chunk's ID numbers and names now, while earlier chunks are still being written.
        const sealing = sealer.prepare(chunk.newRows.map((r) => [r.member.fields.idNumber, r.member.fields.name] as const))
        sealing.catch(() => undefined)
        // The rows are made ready now, not when their turn to be written comes: this thread is the
        // import's busiest, and the writes then wait for SQLite alone.
        // Departments new in the file are created first, so each row carries its department's id.
        await ensureDepartments(chunk.newRows.map((r) => r.member.departmentName))
        const rows = chunk.newRows.length ? newMemberRows(chunk) : null
        // Only what the write needs is kept until then: the new rows' parsed members can go now.
        const { collisions } = chunk
        written = written.then(() => writeChunk(collisions, rows, sealing))
        written.catch(() => undefined)
        queued.push(written)
        if (queued.length > WRITES_AHEAD) await queued.shift()
        progress?.(chunk.rowsDone)
      })
      await written
      if (historyFrom) await writeHistory()
      await options.audit?.trail.record(tx, options.audit.actor, {
        action: 'member.import', entity: 'member', entityId: null,
        changes: { file: options.fileName, ...counts, errors: plan.errorRows.length, departmentsCreated: created },
      }, now)
      return plan
    } catch (err) {
      await written.catch(() => undefined)
      throw err
    }
  }))).finally(() => sealer.close())

  // A big import leaves a WAL as large as the data it wrote (forBulkWrite skips the checkpoint at
  // its COMMIT): it is folded into the database file after this returns.
  if (counts.inserted + counts.updated >= CHECKPOINT_AFTER_ROWS) void db.foldWal()
  const durationMs = performance.now() - started
  return {
    ...counts,
    errors: summary.errorRows.length, errorList: firstErrors(summary.errorRows), errorRows: summary.errorRows,
    headers: summary.headers, ignoredRows: summary.ignoredRows, departmentsCreated: created.length, newDepartments: created,
    durationMs: Math.round(durationMs), rowsPerSecond: Math.round((summary.dataRows * 1000) / Math.max(1, durationMs)),
  }

  function departmentIdOf(existing: ExistingIndex, name: string | null): number | null {
    return name ? (existing.departments.get(name) ?? null) : null
  }
}
