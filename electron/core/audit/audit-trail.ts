import { createHmac } from 'node:crypto'
import type { Queryable } from '../db/sqlite'

export type Actor = { id: number | null; name: string }
/** Field → [old, new]; sensitive values arrive already masked. */
export type Changes = Record<string, unknown>
export type AuditEntry = { action: string; entity: string; entityId: string | number | null; changes: Changes }

export type AuditRow = {
  id: number; at: string; actorId: number | null; actorName: string; action: string; entity: string
  entityId: string | null; changes: Changes
}

const GENESIS = 'genesis'

type StoredRow = {
  id: number; at: string; actor_id: number | null; actor_name: string; action: string; entity: string
  entity_id: string | null; changes: string; prev_hash: string; hash: string
}

/**
 * Who did what, when, to which record. Each row carries a keyed hash over its content and the
 * previous row's hash: changing, removing or inserting a row anywhere breaks every link after it,
 * and without the key a forger cannot recompute the chain.
 */
export class AuditTrail {
  constructor(private readonly key: Buffer) {}

  private hashOf(prev: string, r: Omit<StoredRow, 'id' | 'prev_hash' | 'hash'>): string {
    const content = JSON.stringify([r.at, r.actor_id, r.actor_name, r.action, r.entity, r.entity_id, r.changes])
    return createHmac('sha256', this.key).update(`${prev}\n${content}`).digest('hex')
  }

  /** Call inside the transaction that makes the change, so the record and its audit land together. */
  async record(tx: Queryable, actor: Actor, entry: AuditEntry, at: string): Promise<void> {
    const last = await tx.get<{ hash: string }>('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1')
    const prev = last?.hash ?? GENESIS
    const row = {
      at, actor_id: actor.id, actor_name: actor.name, action: entry.action, entity: entry.entity,
      entity_id: entry.entityId === null ? null : String(entry.entityId), changes: JSON.stringify(entry.changes),
    }
    await tx.run(
      `INSERT INTO audit_log (at, actor_id, actor_name, action, entity, entity_id, changes, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [row.at, row.actor_id, row.actor_name, row.action, row.entity, row.entity_id, row.changes, prev, this.hashOf(prev, row)])
  }

  /** Walks the chain in order; reports the first row whose link or content does not hold. */
  async verify(db: Queryable): Promise<{ ok: true; count: number } | { ok: false; count: number; brokenAtId: number }> {
    const rows = await db.all<StoredRow>('SELECT * FROM audit_log ORDER BY id')
    let prev = GENESIS
    for (const r of rows) {
      if (r.prev_hash !== prev || this.hashOf(prev, r) !== r.hash) return { ok: false, count: rows.length, brokenAtId: r.id }
      prev = r.hash
    }
    return { ok: true, count: rows.length }
  }

  async list(db: Queryable, filter: { entity?: string | null; actorId?: number | null; offset: number; limit: number }): Promise<{ total: number; rows: AuditRow[] }> {
    const where: string[] = []
    const params: (string | number)[] = []
    if (filter.entity) { where.push('entity = ?'); params.push(filter.entity) }
    if (filter.actorId) { where.push('actor_id = ?'); params.push(filter.actorId) }
    const w = where.length ? `WHERE ${where.join(' AND ')}` : ''
    const total = (await db.get<{ n: number }>(`SELECT count(*) AS n FROM audit_log ${w}`, params))?.n ?? 0
    const rows = await db.all<StoredRow>(`SELECT * FROM audit_log ${w} ORDER BY id DESC LIMIT ? OFFSET ?`, [...params, filter.limit, filter.offset])
    return {
      total,
      rows: rows.map((r) => ({
        id: r.id, at: r.at, actorId: r.actor_id, actorName: r.actor_name, action: r.action, entity: r.entity,
        entityId: r.entity_id, changes: JSON.parse(r.changes) as Changes,
      })),
    }
  }
}

/** old → new for the fields that differ, with sensitive ones masked by `mask`. */
export function diffForAudit<T extends Record<string, unknown>>(
  before: T | null, after: T, fields: readonly (keyof T & string)[], mask: (field: string, v: unknown) => unknown = (_f, v) => v,
): Changes {
  const out: Changes = {}
  for (const f of fields) {
    const a = before ? before[f] : null
    const b = after[f]
    if (a !== b) out[f] = [mask(f, a ?? null), mask(f, b ?? null)]
  }
  return out
}
