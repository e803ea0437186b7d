import { readFileSync, existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { TEST_ACTOR, devKeyFileProtector, fixedClock, makeTempDir, memberInput } from '../../../tests/fixtures/temp-workspace'
import { makeIdNumber } from '../../../shared/domain/id-number'
import { memberSearchSchema } from '../../../shared/domain/member'
import { insertMembersWithHistory } from './member-bulk'
import { generateDemoPeople } from '../demo/demo-people'
import { openWorkspace } from '../workspace'

describe('ID numbers at rest (security.md: grep finds nothing)', () => {
  it('stores no seeded ID number in the database, -wal or -shm file, yet finds and reveals it', async () => {
    const tmp = makeTempDir()
    try {
      const ws = await openWorkspace('real', { dataDir: tmp.dir, clock: fixedClock(), keyProtector: devKeyFileProtector })
      await ws.departments.create('检修维护部', TEST_ACTOR)
      const seeded = makeIdNumber('632801', '19791203', 555)
      const m = await ws.members.create(memberInput({ name: '才让卓玛', idNumber: seeded }), TEST_ACTOR)
      const bulk = generateDemoPeople(200, 3, [1])
      await ws.db.transaction((tx) => insertMembersWithHistory(tx, bulk, '2026-11-27T00:00:00Z', ws.idNumbers))
      // Edit it once so an old version of the row could linger in a freed page.
      await ws.members.update(m.id, memberInput({ name: '才让卓玛', idNumber: seeded, post: '值班员' }), TEST_ACTOR)

      expect(m.idNumber).toBe('632801********5552'.slice(0, 14) + seeded.slice(14))
      const found = await ws.members.search(memberSearchSchema.parse({ query: seeded.slice(-4) }))
      expect(found.rows.map((r) => r.id)).toContain(m.id)
      expect((await ws.members.search(memberSearchSchema.parse({ query: seeded }))).rows.map((r) => r.id)).toEqual([m.id])
      expect(await ws.members.revealIdNumber(m.id, TEST_ACTOR)).toBe(seeded)

      const secrets = [seeded, ...bulk.slice(0, 20).map((p) => p.fields.idNumber!)]
      for (const suffix of ['', '-wal', '-shm']) {
        const file = ws.db.file + suffix
        if (!existsSync(file)) continue
        const bytes = readFileSync(file)
        for (const s of secrets) expect(bytes.includes(Buffer.from(s)), `${s} found in ${file}`).toBe(false)
      }
      await ws.db.close()
    } finally {
      tmp.cleanup()
    }
  })
})
