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
export function bulkStatementsFor(triggerSql: string): string[] | null {
  const body = /\bBEGIN\b([\s\S]*)\bEND\b\s*;?\s*$/i.exec(triggerSql)?.[1]
  if (!body) return null
  const out: string[] = []
  for (const raw of body.split(';')) {
    const stmt = raw.trim()
    if (!stmt) continue
    const m = /^INSERT\s+INTO\s+([\w"]+)\s*(\([^)]*\))\s*VALUES\s*\(([\s\S]*)\)$/i.exec(stmt)
    if (!m) return null
    out.push(`INSERT INTO ${m[1]}${m[2]} SELECT ${m[3]} FROM members AS new WHERE new.id > ? ORDER BY new.id`)
  }
  return out
}

/**
 * Runs `work` (which inserts members) with the search trigger deferred as above and, when the
 * register was empty (the first import), with the members' secondary indexes dropped and rebuilt
 * afterwards from their stored SQL: building an index once is far cheaper than updating it row by
 * row, especially for the ID number's blind indexes whose keys are random. All of it happens in
 * the caller's transaction, so a rollback restores the schema exactly.
 */
export async function withBulkLoad<T>(tx: Queryable, work: () => Promise<T>): Promise<T> {
  const trigger = await tx.get<{ sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", [SEARCH_INSERT_TRIGGER])
  const bulk = trigger ? bulkStatementsFor(trigger.sql) : null
  const maxBefore = (await tx.get<{ m: number | null }>('SELECT max(id) AS m FROM members'))?.m ?? null
  const indexes = maxBefore === null
    ? await tx.all<{ name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'members' AND sql IS NOT NULL")
    : []
  for (const ix of indexes) await tx.exec(`DROP INDEX "${ix.name.replace(/"/g, '""')}"`)
  if (trigger && bulk) await tx.exec(`DROP TRIGGER ${SEARCH_INSERT_TRIGGER}`)
  const result = await work()
  for (const ix of indexes) await tx.exec(ix.sql)
  if (trigger && bulk) {
    for (const sql of bulk) await tx.run(sql, [maxBefore ?? 0])
    await tx.exec(trigger.sql)
  }
  return result
}
