import type { Queryable } from '../db/sqlite'
import { resolveCollisions, type FieldDiff } from './import-diff'
import {
  firstErrors, loadExistingIndex, planImport, type ErrorRow, type ImportError, type ImportOptions, type ImportProgress,
} from './import-plan'
import { countSheetRows } from './row-count'

export type ImportCounts = { new: number; update: number; skip: number; error: number }
export type PlannedUpdate = { rowNumber: number; memberId: number; name: string; diff: FieldDiff[] }

export type ImportPreview = {
  /** Rows by what a commit with the same options would do. Error rows are left out of a commit. */
  counts: ImportCounts
  /** Data rows read (blank rows and the totals/notes lines at the bottom not included). */
  dataRows: number
  ignoredRows: number
  /** Rows that match a member already in the register (by ID number, or employee no.). */
  conflicts: number
  /** The first 100 problems; `errorRows` has them all for the error report. */
  errors: ImportError[]
  errorRows: ErrorRow[]
  headers: string[]
  /** The first 100 matches that would change something (shown even when skipping, so the choice is informed). */
  updates: PlannedUpdate[]
  newDepartments: string[]
}

const LIST_LIMIT = 100

/** Reads and checks the whole file against the register; writes nothing. */
export async function previewImport(db: Queryable, filePath: string, options: ImportOptions): Promise<ImportPreview> {
  const existing = await loadExistingIndex(db)
  const counts: ImportCounts = { new: 0, update: 0, skip: 0, error: 0 }
  const updates: PlannedUpdate[] = []
  let conflicts = 0
  const progress = await progressReporter(filePath, options)
  const summary = await planImport(filePath, existing, options, async (chunk) => {
    counts.new += chunk.newRows.length
    conflicts += chunk.collisions.length
    if (chunk.collisions.length) {
      for (const r of await resolveCollisions(db, chunk.collisions, existing.departments, options.idNumbers)) {
        const changes = r.diff.length > 0
        if (changes && options.onConflict === 'update') counts.update++
        else counts.skip++
        if (changes && updates.length < LIST_LIMIT) {
          updates.push({ rowNumber: r.collision.rowNumber, memberId: r.before.id, name: r.before.name, diff: r.diff })
        }
      }
    }
    progress?.(chunk.rowsDone)
  })
  counts.error = summary.errorRows.length
  return {
    counts, dataRows: summary.dataRows, ignoredRows: summary.ignoredRows, conflicts,
    errors: firstErrors(summary.errorRows, LIST_LIMIT), errorRows: summary.errorRows, headers: summary.headers,
    updates, newDepartments: summary.newDepartments,
  }
}

/** Calls onProgress with rows/s; counts the rows first (cheaply) when detection's estimate was not passed. */
export async function progressReporter(filePath: string, options: ImportOptions): Promise<((rowsDone: number) => void) | null> {
  const onProgress = options.onProgress
  if (!onProgress) return null
  let total = options.totalRows ?? null
  if (options.totalRows === undefined) {
    const counted = await countSheetRows(filePath, options.mapping.sheetIndex ?? 0)
    total = counted === null ? null : Math.max(0, counted - options.mapping.headerRow)
  }
  const started = performance.now()
  return (rowsDone: number) => {
    const elapsedMs = performance.now() - started
    const p: ImportProgress = {
      rowsDone, total: total === null ? null : Math.max(total, rowsDone), elapsedMs,
      rowsPerSecond: elapsedMs > 0 ? Math.round((rowsDone * 1000) / elapsedMs) : 0,
    }
    onProgress(p)
  }
}
