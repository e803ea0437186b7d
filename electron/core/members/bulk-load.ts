import type { Queryable } from '../db/sqlite'

/**
 * Bulk loading for imports. Big imports add members with the per-row search trigger switched off and fill the search
 * indexes with one INSERT … SELECT per index and batch, inside the caller's transaction (a rollback
 * brings the trigger back). Both the bulk statements and the recreated trigger come from the
 * trigger's own stored SQL, so the migrations stay the single definition of what is indexed:
 * each `INSERT INTO t(cols) VALUES (exprs over new.*)` becomes
 * `INSERT INTO t(cols) SELECT exprs FROM members AS new WHERE new.id > <indexed up to> AND new.id <= <newest>`.
 */
export const SEARCH_INSERT_TRIGGER = 'members_search_insert'

/** The bulk statements equivalent to the trigger body, or null if the body is not plain INSERT … VALUES. */
export function bulkInsertsFor(triggerSql: string): Array<{ table: string; sql: string }> | null {
  const body = /\bBEGIN\b([\s\S]*)\bEND\b\s*;?\s*$/i.exec(triggerSql)?.[1]
  if (!body) return null
  const out: Array<{ table: string; sql: string }> = []
  for (const raw of body.split(';')) {
    const stmt = raw.trim()
    if (!stmt) continue
    const m = /^INSERT\s+INTO\s+([\w"]+)\s*(\([^)]*\))\s*VALUES\s*\(([\s\S]*)\)$/i.exec(stmt)
    if (!m) return null
    out.push({ table: m[1]!, sql: `INSERT INTO ${m[1]}${m[2]} SELECT ${m[3]} FROM members AS new WHERE new.id > ? AND new.id <= ? ORDER BY new.id` })
  }
  return out
}

/**
 * FTS5 writes its in-memory terms out as a new index segment whenever they pass `hashsize` (1 MB
 * by default) and at the end of each statement; every search then looks each term up in each
 * segment (a dozen segments cost about a tenth of a search at 100k). With room for a whole
 * catch-up, each catch-up statement leaves exactly one segment.
 */
const BULK_FTS_HASHSIZE = 64 * 1024 * 1024
const DEFAULT_FTS_HASHSIZE = 1024 * 1024
const setHashsize = (tx: Queryable, table: string, bytes: number) =>
  tx.run(`INSERT INTO ${table}(${table}, rank) VALUES ('hashsize', ?)`, [bytes])

/**
 * Handed to the work of a bulk load: fills the search indexes for the members added so far (up to
 * `newestId`) once `catchUpEvery` of them are waiting, or now when called without an id.
 */
export type SearchCatchUp = (newestId?: number) => Promise<void>

/**
 * Rows per catch-up. Each FTS statement leaves a segment that FTS5 merges with the others as it
 * goes; 1,000 rows at a time made an import's SQLite work (which the reading waits for) a quarter
 * longer than 10,000 at a time (100k members: 13.2 s vs 10.8–12 s end to end, noisy).
 */
export const SEARCH_CATCH_UP_ROWS = 10_000

/**
 * Runs `work` (which inserts members) with the search trigger deferred as above and, when the
 * register was empty (the first import), with the members' secondary indexes dropped and rebuilt
 * afterwards from their stored SQL: building an index once is far cheaper than updating it row by
 * row, especially for the ID number's blind indexes whose keys are random. All of it happens in
 * the caller's transaction, so a rollback restores the schema exactly.
 *
 * `work` may call the catch-up it is given after each batch it writes: an import does, because its
 * main thread is busy reading the file while SQLite's thread has time, where at the end the search
 * rows would be work that nothing overlaps. The dropped indexes are rebuilt after `work`: rebuilt
 * before an import's last rows instead, so that the rebuild overlapped their reading, those rows
 * then cost SQLite twice as much each, and the import came out ~3% slower (100k members, five
 * paired runs). Each catch-up leaves one FTS segment (see BULK_FTS_HASHSIZE); when there were
 * several, each FTS index is merged into one at the end.
 */
export async function withBulkLoad<T>(
  tx: Queryable, work: (catchUp: SearchCatchUp) => Promise<T>, catchUpEvery = SEARCH_CATCH_UP_ROWS,
): Promise<T> {
  const trigger = await tx.get<{ sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", [SEARCH_INSERT_TRIGGER])
  const bulk = trigger ? bulkInsertsFor(trigger.sql) : null
  const maxBefore = (await tx.get<{ m: number | null }>('SELECT max(id) AS m FROM members'))?.m ?? null
  const indexes = maxBefore === null
    ? await tx.all<{ name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'members' AND sql IS NOT NULL")
    : []
  const fts5 = new Set((await tx.all<{ name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'")).map((t) => t.name))
  const ftsFilled = bulk ? bulk.filter((b) => fts5.has(b.table)).map((b) => b.table) : []
  for (const ix of indexes) await tx.exec(`DROP INDEX "${ix.name.replace(/"/g, '""')}"`)
  if (trigger && bulk) await tx.exec(`DROP TRIGGER ${SEARCH_INSERT_TRIGGER}`)
  for (const table of ftsFilled) await setHashsize(tx, table, BULK_FTS_HASHSIZE)

  // Members are never deleted and ids only grow, so ids above the last one indexed are the new rows.
  let indexedUpTo = maxBefore ?? 0
  let batches = 0
  const catchUp: SearchCatchUp = async (newestId) => {
    if (!trigger || !bulk) return
    const top = newestId ?? (await tx.get<{ m: number | null }>('SELECT max(id) AS m FROM members'))?.m ?? indexedUpTo
    if (top <= indexedUpTo || (newestId !== undefined && top - indexedUpTo < catchUpEvery)) return
    for (const { sql } of bulk) await tx.cachedRun(sql, [indexedUpTo, top])
    indexedUpTo = top
    batches++
  }

  const result = await work(catchUp)
  for (const ix of indexes) await tx.exec(ix.sql)
  await catchUp()
  // Merging reads and writes the whole FTS index once: tens of milliseconds at 100k members.
  if (batches > 1) for (const table of ftsFilled) await tx.run(`INSERT INTO ${table}(${table}) VALUES ('optimize')`)
  for (const table of ftsFilled) await setHashsize(tx, table, DEFAULT_FTS_HASHSIZE)
  if (trigger && bulk) await tx.exec(trigger.sql)
  return result
}
