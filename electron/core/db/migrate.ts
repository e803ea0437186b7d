import { DatabaseTooNewError } from '../errors'
import type { Migration, MigrationContext } from './migration'
import { MIGRATIONS } from './migrations'
import type { Database } from './sqlite'

export type MigrateHooks = {
  /** Called once before the first pending migration runs (the place for a pre-migration backup). */
  beforeMigrate?: (from: number, to: number) => Promise<void>
}

export async function readSchemaVersion(db: Database): Promise<number> {
  const row = await db.get<{ user_version: number }>('PRAGMA user_version')
  return row?.user_version ?? 0
}

/**
 * Brings the database up to the app's schema. Each migration and its user_version land in one
 * transaction, so a crash leaves the file at a whole version. A file from a newer app is refused
 * untouched rather than guessed at.
 */
export async function migrate(
  db: Database,
  hooks: MigrateHooks = {},
  migrations: readonly Migration[] = MIGRATIONS,
  ctx: MigrationContext = {},
): Promise<{ from: number; to: number }> {
  const from = await readSchemaVersion(db)
  const latest = migrations[migrations.length - 1]?.version ?? 0
  if (from > latest) throw new DatabaseTooNewError(from, latest)
  const pending = migrations.filter((m) => m.version > from)
  if (pending.length === 0) return { from, to: from }
  await hooks.beforeMigrate?.(from, latest)
  for (const m of pending) {
    await db.transaction(async (tx) => {
      await m.up(tx, ctx)
      await tx.exec(`PRAGMA user_version = ${Number(m.version)}`)
    })
  }
  return { from, to: latest }
}
