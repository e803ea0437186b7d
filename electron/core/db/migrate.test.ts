import { join } from 'node:path'
import { readdirSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../../../tests/fixtures/temp-workspace'
import { DatabaseTooNewError } from '../errors'
import { migrate, readSchemaVersion } from './migrate'
import { defineMigration } from './migration'
import { MIGRATIONS, SCHEMA_VERSION } from './migrations'
import { Database } from './sqlite'

describe('migration runner', () => {
  let tmp: ReturnType<typeof makeTempDir>
  let db: Database
  beforeEach(async () => { tmp = makeTempDir(); db = await Database.open(join(tmp.dir, 'records.sqlite')) })
  afterEach(async () => { await db.close(); tmp.cleanup() })

  it('lists every migration file, numbered in tens, in order, named NNNN-verb-noun', () => {
    const files = readdirSync(join(__dirname, 'migrations')).filter((f) => /^\d{4}-.*(?<!\.test)\.ts$/.test(f))
    expect(files.map((f) => Number(f.slice(0, 4)))).toEqual(MIGRATIONS.map((m) => m.version))
    for (const m of MIGRATIONS) expect(m.version % 10).toBe(0)
    expect(files.map((f) => f.slice(5, -3))).toEqual(MIGRATIONS.map((m) => m.name))
    for (const f of files) expect(f).toMatch(/^\d{4}-[a-z]+(-[a-z]+)+\.ts$/)
  })

  it('brings a new file to the latest version and is a no-op the second time', async () => {
    expect(await migrate(db)).toEqual({ from: 0, to: SCHEMA_VERSION })
    expect(await readSchemaVersion(db)).toBe(SCHEMA_VERSION)
    expect(await migrate(db)).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION })
  })

  it('refuses a database from a newer app and leaves it untouched', async () => {
    await migrate(db)
    await db.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 10}`)
    const err = await migrate(db).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DatabaseTooNewError)
    expect((err as DatabaseTooNewError).params).toEqual({ found: SCHEMA_VERSION + 10, supported: SCHEMA_VERSION })
    expect(await readSchemaVersion(db)).toBe(SCHEMA_VERSION + 10)
  })

  it('rolls a failing migration back whole, keeping the previous version', async () => {
    const broken = [
      defineMigration(10, 'create-things', async (tx) => { await tx.exec('CREATE TABLE things (x)') }),
      defineMigration(20, 'break-things', async (tx) => {
        await tx.exec('CREATE TABLE half_done (x)')
        await tx.exec('THIS IS NOT SQL')
      }),
    ]
    await expect(migrate(db, {}, broken)).rejects.toThrow()
    expect(await readSchemaVersion(db)).toBe(10)
    const tables = await db.all<{ name: string }>("SELECT name FROM sqlite_schema WHERE name = 'half_done'")
    expect(tables).toEqual([])
  })

  it('calls the pre-migration hook (for the backup) only when something is pending', async () => {
    const calls: Array<[number, number]> = []
    await migrate(db, { beforeMigrate: async (from, to) => { calls.push([from, to]) } })
    await migrate(db, { beforeMigrate: async (from, to) => { calls.push([from, to]) } })
    expect(calls).toEqual([[0, SCHEMA_VERSION]])
  })
})
