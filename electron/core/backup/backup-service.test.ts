import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir, memberInput, TEST_ACTOR, devKeyFileProtector } from '../../../tests/fixtures/temp-workspace'
import type { Clock } from '../clock'
import { Database } from '../db/sqlite'
import { openWorkspace, type Workspace } from '../workspace'
import { BackupService, checkIntegrity } from './backup-service'

describe('BackupService', () => {
  let tmp: ReturnType<typeof makeTempDir>
  let ws: Workspace
  let now = new Date('2026-11-27T09:00:00')
  const clock: Clock = { now: () => now }
  let backups: BackupService
  const keep = 3
  beforeEach(async () => {
    tmp = makeTempDir()
    ws = await openWorkspace('real', { dataDir: join(tmp.dir, 'data'), clock, keyProtector: devKeyFileProtector })
    await ws.departments.create('综合办公室', TEST_ACTOR)
    await ws.members.create(memberInput(), TEST_ACTOR)
    backups = new BackupService(ws.db.file, join(tmp.dir, 'backups'), clock, async () => keep)
  })
  afterEach(async () => { await ws.db.close(); tmp.cleanup() })

  it('takes a consistent copy while the database is open and checks it', async () => {
    const b = await backups.create('manual')
    expect(b).toMatchObject({ name: 'uniondesk-20261127-090000-manual.sqlite', reason: 'manual' })
    const file = join(tmp.dir, 'backups', b.name)
    expect(await checkIntegrity(file)).toBe(true)
    const copy = await Database.open(file, { readOnly: true })
    expect(await copy.get('SELECT name FROM members')).toEqual({ name: '张三' })
    await copy.close()
  })

  it('keeps the last N and at most one automatic backup a day', async () => {
    expect(await backups.createDailyIfDue()).not.toBeNull()
    expect(await backups.createDailyIfDue()).toBeNull()
    for (let h = 10; h < 14; h++) { now = new Date(`2026-11-27T${h}:00:00`); await backups.create('manual') }
    now = new Date('2026-11-28T08:00:00')
    expect(await backups.createDailyIfDue()).not.toBeNull()
    const names = (await backups.list()).map((b) => b.name)
    expect(names).toEqual([
      'uniondesk-20261128-080000-auto.sqlite', 'uniondesk-20261127-130000-manual.sqlite', 'uniondesk-20261127-120000-manual.sqlite',
    ])
    expect(readdirSync(join(tmp.dir, 'backups'))).toHaveLength(3)
  })

  it('detects a damaged file and refuses names outside its folder', async () => {
    const bad = join(tmp.dir, 'broken.sqlite')
    writeFileSync(bad, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(5000, 7)]))
    expect(await checkIntegrity(bad).catch(() => false)).toBe(false)
    expect(() => backups.resolve('../data/uniondesk.sqlite')).toThrow()
    expect(() => backups.resolve('uniondesk-20261127-090000-manual.sqlite')).not.toThrow()
  })
})
