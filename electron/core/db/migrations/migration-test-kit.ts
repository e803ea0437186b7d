import { join } from 'node:path'
import { migrate } from '../migrate'
import { Database } from '../sqlite'
import { MIGRATIONS } from './index'

/** Opens a fresh database file migrated up to (and including) `version`. */
export async function databaseAt(dir: string, version: number): Promise<Database> {
  const db = await Database.open(join(dir, `v${version}.sqlite`))
  await migrate(db, {}, MIGRATIONS.filter((m) => m.version <= version))
  return db
}

/** Runs only the migration with this version on a database at the one before it. */
export async function applyOnly(db: Database, version: number): Promise<void> {
  await migrate(db, {}, MIGRATIONS.filter((m) => m.version <= version))
}

export async function queryPlan(db: Database, sql: string, params: unknown[] = []): Promise<string> {
  const rows = await db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params as never)
  return rows.map((r) => r.detail).join('\n')
}

export async function tableNames(db: Database): Promise<string[]> {
  const rows = await db.all<{ name: string }>("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') ORDER BY name")
  return rows.map((r) => r.name)
}
