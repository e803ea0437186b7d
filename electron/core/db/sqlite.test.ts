import { statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../../../tests/fixtures/temp-workspace'
import { Database } from './sqlite'

describe('Database', () => {
  let tmp: ReturnType<typeof makeTempDir>
  let db: Database
  beforeEach(async () => {
    tmp = makeTempDir()
    db = await Database.open(join(tmp.dir, 'x.sqlite'))
    await db.exec('CREATE TABLE t (v INTEGER NOT NULL)')
  })
  afterEach(async () => { await db.close(); tmp.cleanup() })

  it('opens with the durability and speed settings of performance.md', async () => {
    expect(await db.get('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' })
    expect(await db.get('PRAGMA synchronous')).toEqual({ synchronous: 2 }) // FULL
    expect(await db.get('PRAGMA foreign_keys')).toEqual({ foreign_keys: 1 })
    expect(await db.get('PRAGMA cache_size')).toEqual({ cache_size: -65536 })
    expect(await db.get('PRAGMA mmap_size')).toEqual({ mmap_size: 268435456 })
    expect(await db.forBulkWrite(async () => [
      await db.get('PRAGMA mmap_size'), await db.get('PRAGMA cache_size'), await db.get('PRAGMA wal_autocheckpoint'),
    ])).toEqual([{ mmap_size: 0 }, { cache_size: -16384 }, { wal_autocheckpoint: 0 }])
    expect(await db.get('PRAGMA wal_autocheckpoint')).toEqual({ wal_autocheckpoint: 1000 })
    expect(await db.get('PRAGMA mmap_size')).toEqual({ mmap_size: 268435456 })
    expect(await db.get('PRAGMA cache_size')).toEqual({ cache_size: -65536 })
    expect(await db.get('PRAGMA busy_timeout')).toEqual({ timeout: 5000 })
  })

  it('rolls back everything a failed transaction wrote', async () => {
    await expect(db.transaction(async (tx) => {
      await tx.run('INSERT INTO t VALUES (1)')
      await tx.run('INSERT INTO t VALUES (NULL)')
    })).rejects.toThrow(/NOT NULL/)
    expect(await db.all('SELECT * FROM t')).toEqual([])
  })

  it('makes a query issued during a transaction wait instead of joining it', async () => {
    let release!: () => void
    const gate = new Promise<void>((r) => { release = r })
    const tx = db.transaction(async (q) => {
      await q.run('INSERT INTO t VALUES (1)')
      await gate
      throw new Error('abandon')
    })
    const outside = db.run('INSERT INTO t VALUES (2)')
    release()
    await expect(tx).rejects.toThrow('abandon')
    await outside
    expect(await db.all('SELECT v FROM t')).toEqual([{ v: 2 }])
  })

  it('keeps hot statements prepared without holding a snapshot or going stale', async () => {
    await db.run('INSERT INTO t VALUES (1), (2)')
    const sum = 'SELECT sum(v) AS s FROM t WHERE v >= ?'
    expect(await db.cachedAll(sum, [1])).toEqual([{ s: 3 }])
    // Between calls the statement is reset: writes, a schema change and a full checkpoint go through.
    await db.run('INSERT INTO t VALUES (5)')
    await db.exec('CREATE INDEX t_by_v ON t(v)')
    expect(await db.get('PRAGMA wal_checkpoint(TRUNCATE)')).toMatchObject({ busy: 0 })
    expect(await db.cachedAll(sum, [2])).toEqual([{ s: 7 }])
    await expect(db.cachedAll('SELECT nope FROM t')).rejects.toThrow(/no such column/)
    // The cache is bounded: old statements are finalized, not leaked; close still succeeds.
    for (let i = 0; i < 60; i++) expect(await db.cachedAll(`SELECT ${i} AS i`)).toEqual([{ i }])
    expect(await db.cachedAll(sum, [5])).toEqual([{ s: 5 }])
  })

  it('keeps repeated writes prepared, each run with its own values, across schema changes and a rollback', async () => {
    const add = 'INSERT INTO t (v) SELECT value FROM json_each(?)'
    expect(await db.cachedRun(add, ['[1, 2]'])).toEqual({ lastID: 2, changes: 2 })
    expect(await db.cachedRun(add, ['[3]'])).toEqual({ lastID: 3, changes: 1 })
    await db.exec('CREATE INDEX t_by_v ON t(v)')
    await expect(db.transaction(async (tx) => {
      expect(await tx.cachedRun(add, ['[10, 20, 30]'])).toEqual({ lastID: 6, changes: 3 })
      throw new Error('undo')
    })).rejects.toThrow('undo')
    await expect(db.cachedRun(add, ['[null]'])).rejects.toThrow(/NOT NULL/)
    expect(await db.cachedRun(add, ['[4]'])).toEqual({ lastID: 4, changes: 1 })
    // A finished write holds nothing: a full checkpoint goes through right after it.
    expect(await db.get('PRAGMA wal_checkpoint(TRUNCATE)')).toMatchObject({ busy: 0 })
    expect(await db.all('SELECT v FROM t ORDER BY rowid')).toEqual([{ v: 1 }, { v: 2 }, { v: 3 }, { v: 4 }])
  })

  it('answers searches from the last commit while a long write is still in progress', async () => {
    await db.run('INSERT INTO t VALUES (1)')
    let release!: () => void
    const gate = new Promise<void>((r) => { release = r })
    let inserted!: () => void
    const insertedOne = new Promise<void>((r) => { inserted = r })
    const write = db.transaction(async (tx) => {
      await tx.run('INSERT INTO t VALUES (2)')
      inserted()
      await gate
    })
    await insertedOne
    // The transaction holds the writer; a search does not wait for it and sees only committed rows.
    expect(await db.cachedAll('SELECT count(*) AS n FROM t')).toEqual([{ n: 1 }])
    release()
    await write
    expect(await db.cachedAll('SELECT count(*) AS n FROM t')).toEqual([{ n: 2 }])
    // Folding the WAL goes through with the read connection open.
    await db.run('INSERT INTO t VALUES (3)')
    await db.foldWal()
    expect(statSync(`${db.file}-wal`).size).toBe(0)
    expect(await db.cachedAll('SELECT count(*) AS n FROM t')).toEqual([{ n: 3 }])
  })
})
