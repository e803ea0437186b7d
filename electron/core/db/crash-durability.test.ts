import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeTempDir } from '../../../tests/fixtures/temp-workspace'
import { checkIntegrity } from '../backup/backup-service'
import { REAL_DB_FILE } from '../workspace'
import { Database } from './sqlite'

/** Starts the writer and SIGKILLs it `delayMs` after it reports being inside the batch. */
function runAndKill(dataDir: string, before: number, batch: number, delayMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/crash-writer.ts', dataDir, String(before), String(batch)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk
      if (out.includes('BATCH_STARTED') && !child.killed) setTimeout(() => child.kill('SIGKILL'), delayMs)
    })
    child.on('error', reject)
    child.on('exit', () => resolve(out))
  })
}

describe('kill -9 in the middle of a batch of member writes', () => {
  for (const delayMs of [0, 40, 150]) {
    it(`leaves a whole database with the batch fully absent (killed ${delayMs} ms into the batch)`, async () => {
      const tmp = makeTempDir()
      try {
        const out = await runAndKill(tmp.dir, 300, 20_000, delayMs)
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
