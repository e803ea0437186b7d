import type { IdNumberProtector } from '../members/id-number-protection'
import type { Queryable } from './sqlite'

/** What a data-converting migration may need besides SQL (the data key for encrypting fields). */
export type MigrationContext = { idProtector?: IdNumberProtector }

export type Migration = {
  /** Stored in PRAGMA user_version; numbered in tens so a fix can slot in between. */
  version: number
  name: string
  up(db: Queryable, ctx: MigrationContext): Promise<void>
}

export function defineMigration(version: number, name: string, up: Migration['up']): Migration {
  return { version, name, up }
}
