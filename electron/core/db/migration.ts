import type { Queryable } from './sqlite'

export type Migration = {
  /** Stored in PRAGMA user_version; numbered in tens so a fix can slot in between. */
  version: number
  name: string
  up(db: Queryable): Promise<void>
}

export function defineMigration(version: number, name: string, up: Migration['up']): Migration {
  return { version, name, up }
}
