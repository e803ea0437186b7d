import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runAndKillAfter } from '../../../tests/fixtures/kill-midway'
import { TEST_ACTOR, devKeyFileProtector, makeTempDir, memberInput } from '../../../tests/fixtures/temp-workspace'
import { generateDemoPeople } from '../demo/demo-people'
import { checkIntegrity } from '../backup/backup-service'
import { openWorkspace, REAL_DB_FILE } from '../workspace'
import { Database } from './sqlite'

function rosterCsv(file: string, rows: number): void {
  const lines = ['姓名,身份证号码,民族,部门,工号']
  for (const p of generateDemoPeople(rows, 11, [1])) lines.push(`${p.fields.name},${p.fields.idNumber},汉族,检修维护部,${p.fields.employeeNo}`)
  writeFileSync(file, `${lines.join('\n')}\n`)
}

describe('kill -9 in the middle of an import', () => {
  for (const delayMs of [0, 100]) {
    it(`leaves the register exactly as before (killed ${delayMs} ms into the import)`, async () => {
      const tmp = makeTempDir()
      try {
        const ws = await openWorkspace('real', { dataDir: tmp.dir, keyProtector: devKeyFileProtector })
        await ws.departments.create('发电运行部', TEST_ACTOR)
        await ws.members.create(memberInput({ seq: 1 }), TEST_ACTOR)
        await ws.db.close()
        const csv = join(tmp.dir, 'roster.csv')
        rosterCsv(csv, 20_000)
        const out = await runAndKillAfter('tests/fixtures/crash-importer.ts', [tmp.dir, csv], 'IMPORTING', delayMs)
        expect(out).toContain('IMPORTING')
        expect(out).not.toContain('IMPORT_COMMITTED')
        const file = join(tmp.dir, REAL_DB_FILE)
        expect(await checkIntegrity(file)).toBe(true)
        const db = await Database.open(file)
        expect(await db.get('SELECT count(*) AS n FROM members')).toEqual({ n: 1 })
        expect(await db.get('SELECT count(*) AS n FROM departments')).toEqual({ n: 1 })
        // The search triggers an import may suspend are back in place.
        const triggers = await db.all<{ name: string }>("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'members_search%' ORDER BY name")
        expect(triggers.map((t) => t.name)).toEqual(['members_search_insert', 'members_search_update'])
        await db.close()
      } finally {
        tmp.cleanup()
      }
    }, 90_000)
  }
})
