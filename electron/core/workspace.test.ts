import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { devKeyFileProtector, makeTempDir } from '../../tests/fixtures/temp-workspace'
import { makeIdNumber } from '../../shared/domain/id-number'
import { memberSearchSchema } from '../../shared/domain/member'
import { migrate } from './db/migrate'
import { MIGRATIONS, SCHEMA_VERSION } from './db/migrations'
import { Database } from './db/sqlite'
import { openWorkspace, REAL_DB_FILE } from './workspace'

describe('opening a register written by an older version', () => {
  it('backs it up, then migrates it, sealing its plaintext ID numbers', async () => {
    const tmp = makeTempDir()
    try {
      const file = join(tmp.dir, REAL_DB_FILE)
      const old = await Database.open(file)
      await migrate(old, {}, MIGRATIONS.filter((m) => m.version <= 50))
      const id = makeIdNumber('630102', '19850301', 13)
      await old.run(`INSERT INTO members (name, id_number, name_tokens, name_pinyin, name_initials, created_at, updated_at)
                     VALUES ('王建国', ?, '王 建 国', 'wangjianguo', 'wjg', 'now', 'now')`, [id])
      await old.close()

      const ws = await openWorkspace('real', { dataDir: tmp.dir, keyProtector: devKeyFileProtector })
      expect((await ws.db.get<{ user_version: number }>('PRAGMA user_version'))?.user_version).toBe(SCHEMA_VERSION)
      const found = await ws.members.search(memberSearchSchema.parse({ query: id.slice(-6) }))
      expect(found.rows.map((m) => [m.name, m.idNumber])).toEqual([['王建国', `630102********${id.slice(14)}`]])
      const backups = readdirSync(join(tmp.dir, 'backups'))
      expect(backups.some((b) => b.includes('-preMigration'))).toBe(true)
      await ws.db.close()
      for (const suffix of ['', '-wal', '-shm']) {
        if (existsSync(file + suffix)) expect(readFileSync(file + suffix).includes(Buffer.from(id))).toBe(false)
      }
    } finally {
      tmp.cleanup()
    }
  })
})
