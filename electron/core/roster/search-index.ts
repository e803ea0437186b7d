import type { Queryable } from '../db/sqlite'

/**
 * Big imports add members with the per-row search trigger (migration 0050) switched off and fill
 * the two FTS5 indexes in one INSERT … SELECT at the end, inside the caller's transaction: a
 * rollback brings the trigger back, and the trigger is recreated from its own stored SQL, so the
 * migration stays the single definition. Members are never deleted and ids only grow, so "id above
 * the old maximum" is exactly the rows this import added. Updates keep their trigger.
 */
export const SEARCH_INSERT_TRIGGER = 'members_search_insert'

export async function withSearchIndexDeferred<T>(tx: Queryable, work: () => Promise<T>): Promise<T> {
  const trigger = await tx.get<{ sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", [SEARCH_INSERT_TRIGGER])
  if (!trigger) return work()
  const maxBefore = (await tx.get<{ m: number | null }>('SELECT max(id) AS m FROM members'))?.m ?? 0
  await tx.exec(`DROP TRIGGER ${SEARCH_INSERT_TRIGGER}`)
  const result = await work()
  await tx.run('INSERT INTO member_name_fts(rowid, tokens) SELECT id, name_tokens FROM members WHERE id > ? ORDER BY id', [maxBefore])
  await tx.run(`INSERT INTO member_number_fts(rowid, employee_no, mobile, id_number)
    SELECT id, coalesce(employee_no, ''), coalesce(mobile, ''), coalesce(id_number, '') FROM members WHERE id > ? ORDER BY id`, [maxBefore])
  await tx.exec(trigger.sql)
  return result
}
