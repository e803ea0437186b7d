import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeTempDir } from '../../../tests/fixtures/temp-workspace'
import { runAndKillAfter } from '../../../tests/fixtures/kill-midway'
import { checkIntegrity } from '../backup/backup-service'
import { REAL_DB_FILE } from '../workspace'
import { Database } from './sqlite'

describe('kill -9 in the middle of a batch of member writes', () => {
  for (const delayMs of [0, 40, 150]) {
    it(`leaves a whole database with the batch fully absent (killed ${delayMs} ms into the batch)`, async () => {
      const tmp = makeTempDir()
      try {
        const out = await runAndKillAfter('tests/fixtures/crash-writer.ts', [tmp.dir, '300', '20000'], 'BATCH_STARTED', delayMs)
        expect(out).toContain('COMMITTED')
        expect(out).not.toContain('BATCH_COMMITTED')
        const file = join(tmp.dir, REAL_DB_FILE)
        expect(await checkIntegrity(file)).toBe(true)
        const db = await Database.open(file)
        expect(await db.get('SELECT count(*) AS n FROM members')).toEqual({ n: 300 })
        expect(await db.get("SELECT count(*) AS n FROM member_history WHERE kind = 'join'")).toEqual({ n: 300 })
        expect(await db.get('SELECT count(*) AS n FROM member_history WHERE member_id > 300')).toEqual({ n: 0 })
        const fts = await db.get<{ n: number }>("SELECT count(*) AS n FROM member_name_fts WHERE member_name_fts MATCH '\"扎 西\"'")
        expect(fts!.n).toBeLessThanOrEqual(300)
        await db.close()
      } finally {
        tmp.cleanup()
      }
    }, 60_000)
  }
})
