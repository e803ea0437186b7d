import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir, memberInput, TEST_ACTOR, devKeyFileProtector } from '../../tests/fixtures/temp-workspace'
import { AppCore } from './app-core'
import { DEMO_DB_FILE, REAL_DB_FILE } from './workspace'
import { Database } from './db/sqlite'
import { SCHEMA_VERSION } from './db/migrations'

describe('AppCore workspaces', () => {
  let tmp: ReturnType<typeof makeTempDir>
  beforeEach(() => { tmp = makeTempDir() })
  afterEach(() => tmp.cleanup())

  it('keeps demo data in its own file, never mixed with real records, and remembers the choice', async () => {
    const core = await AppCore.open({ dataDir: tmp.dir, keyProtector: devKeyFileProtector, version: '1', demoMemberCount: 200 })
    await core.workspace.departments.create('发电运行部', TEST_ACTOR)
    await core.workspace.members.create(memberInput(), TEST_ACTOR)
    await core.switchTo('demo')
    expect(core.workspace.kind).toBe('demo')
    expect(await core.workspace.memberCount()).toBe(200)
    expect((await core.workspace.profile.get())?.unionName).toContain('工会')
    await core.close()
    expect(existsSync(join(tmp.dir, DEMO_DB_FILE))).toBe(true)

    const reopened = await AppCore.open({ dataDir: tmp.dir, keyProtector: devKeyFileProtector, version: '1' })
    expect(reopened.workspace.kind).toBe('demo')
    await reopened.switchTo('real')
    expect(await reopened.workspace.memberCount()).toBe(1)
    expect(await reopened.workspace.profile.get()).toBeNull()
    await reopened.close()
  })

  it('refuses to open a records file made by a newer app, without touching it', async () => {
    const db = await Database.open(join(tmp.dir, REAL_DB_FILE))
    await db.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 100}`)
    await db.close()
    await expect(AppCore.open({ dataDir: tmp.dir, keyProtector: devKeyFileProtector, version: '1' })).rejects.toMatchObject({ code: 'databaseTooNew' })
  })
})

describe('AppCore restore', () => {
  it('restores a backup after backing up the current state, and signs everyone out', async () => {
    const tmp = makeTempDir()
    try {
      const core = await AppCore.open({ dataDir: tmp.dir, keyProtector: devKeyFileProtector, version: '1' })
      await core.workspace.accounts.setupChair({ username: 'zhuxi', displayName: '李卫东', password: 'Chair2026!' })
      await core.workspace.departments.create('发电运行部', TEST_ACTOR)
      await core.workspace.members.create(memberInput({ seq: 1 }), TEST_ACTOR)
      const backup = await core.workspace.backups.create('manual')
      await core.workspace.members.create(memberInput({ seq: 2, name: '后来的人' }), TEST_ACTOR)
      core.sessions.start('s', { userId: 1, username: 'zhuxi', displayName: '李卫东', role: 'chair', mustChangePassword: false }, Date.now())

      await core.restore(backup.name)
      expect(await core.workspace.memberCount()).toBe(1)
      expect(core.sessions.current('s', Date.now(), 0)).toBeNull()
      const kept = await core.workspace.backups.list()
      expect(kept.map((b) => b.reason)).toContain('preRestore')
      // The state before the restore is itself restorable.
      await core.restore(kept.find((b) => b.reason === 'preRestore')!.name)
      expect(await core.workspace.memberCount()).toBe(2)
      await expect(core.restore('../uniondesk.sqlite')).rejects.toMatchObject({ messageKey: 'backup.unknown' })
      await core.close()
    } finally {
      tmp.cleanup()
    }
  })
})
