import type { Queryable } from '../db/sqlite'

/**
 * Bulk loading for imports. Big imports add members with the per-row search trigger switched off and fill the search
 * indexes in one INSERT … SELECT per index at the end, inside the caller's transaction (a rollback
 * brings the trigger back). Both the bulk statements and the recreated trigger come from the
 * trigger's own stored SQL, so the migrations stay the single definition of what is indexed:
 * each `INSERT INTO t(cols) VALUES (exprs over new.*)` becomes
 * `INSERT INTO t(cols) SELECT exprs FROM members AS new WHERE new.id > <max id before>`.
 * Members are never deleted and ids only grow, so that range is exactly the rows this import added.
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
    out.push({ table: m[1]!, sql: `INSERT INTO ${m[1]}${m[2]} SELECT ${m[3]} FROM members AS new WHERE new.id > ? ORDER BY new.id` })
  }
  return out
}

/**
 * FTS5 writes its in-memory terms out as a new index segment whenever they pass `hashsize` (1 MB
 * by default): a bulk insert of 100k members left a dozen segments, and every search then looks
 * each term up in each of them (about a tenth of a search's time at 100k). With room for the
 * whole batch the new rows become one segment, at no extra cost to the insert.
 */
const BULK_FTS_HASHSIZE = 64 * 1024 * 1024
const DEFAULT_FTS_HASHSIZE = 1024 * 1024
const setHashsize = (tx: Queryable, table: string, bytes: number) =>
  tx.run(`INSERT INTO ${table}(${table}, rank) VALUES ('hashsize', ?)`, [bytes])

/**
 * Runs `work` (which inserts members) with the search trigger deferred as above and, when the
 * register was empty (the first import), with the members' secondary indexes dropped and rebuilt
 * afterwards from their stored SQL: building an index once is far cheaper than updating it row by
 * row, especially for the ID number's blind indexes whose keys are random. All of it happens in
 * the caller's transaction, so a rollback restores the schema exactly.
 */
export async function withBulkLoad<T>(tx: Queryable, work: () => Promise<T>): Promise<T> {
  const trigger = await tx.get<{ sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", [SEARCH_INSERT_TRIGGER])
  const bulk = trigger ? bulkInsertsFor(trigger.sql) : null
  const maxBefore = (await tx.get<{ m: number | null }>('SELECT max(id) AS m FROM members'))?.m ?? null
  const indexes = maxBefore === null
    ? await tx.all<{ name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'members' AND sql IS NOT NULL")
    : []
  for (const ix of indexes) await tx.exec(`DROP INDEX "${ix.name.replace(/"/g, '""')}"`)
  if (trigger && bulk) await tx.exec(`DROP TRIGGER ${SEARCH_INSERT_TRIGGER}`)
  const result = await work()
  for (const ix of indexes) await tx.exec(ix.sql)
  if (trigger && bulk) {
    const fts5 = new Set((await tx.all<{ name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'")).map((t) => t.name))
    for (const { table, sql } of bulk) {
      const isFts5 = fts5.has(table)
      if (isFts5) await setHashsize(tx, table, BULK_FTS_HASHSIZE)
      await tx.run(sql, [maxBefore ?? 0])
      if (isFts5) await setHashsize(tx, table, DEFAULT_FTS_HASHSIZE)
    }
    await tx.exec(trigger.sql)
  }
  return result
}
