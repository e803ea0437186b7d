import { existsSync, readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../../../../tests/fixtures/temp-workspace'
import { makeIdNumber } from '../../../../shared/domain/id-number'
import { KeyVault } from '../../crypto/key-vault'
import { IdNumberProtector } from '../../members/id-number-protection'
import { migrate } from '../migrate'
import type { Database } from '../sqlite'
import { MIGRATIONS } from './index'
import { databaseAt, queryPlan } from './migration-test-kit'

const ids = new IdNumberProtector(new KeyVault(Buffer.alloc(32, 5)))
const plain = [makeIdNumber('632126', '19790212', 698), makeIdNumber('630104', '19930819', 677)]

describe('0080 encrypt-id-numbers', () => {
  let tmp: ReturnType<typeof makeTempDir>
  let db: Database
  beforeEach(async () => {
    tmp = makeTempDir()
    db = await databaseAt(tmp.dir, 70)
    for (const [i, id] of plain.entries()) {
      await db.run(`INSERT INTO members (name, id_number, mobile, name_tokens, name_pinyin, name_initials, created_at, updated_at)
                    VALUES (?, ?, '13900001111', 'x', 'x', 'x', 'now', 'now')`, [`成员${i}`, id])
    }
  })
  afterEach(async () => { await db.close(); tmp.cleanup() })

  it('seals existing plaintext ID numbers and leaves no copy in the files', async () => {
    await migrate(db, {}, MIGRATIONS.filter((m) => m.version <= 80), { idProtector: ids })
    await db.exec('PRAGMA wal_checkpoint(TRUNCATE)')
    const cols = (await db.all<{ name: string }>('PRAGMA table_info(members)')).map((c) => c.name)
    expect(cols).not.toContain('id_number')
    const rows = await db.all<{ id_number_enc: string; id_number_hash: string; id_masked: string }>(
      'SELECT id_number_enc, id_number_hash, id_masked FROM members ORDER BY id')
    expect(rows.map((r) => ids.reveal(r.id_number_enc))).toEqual(plain)
    expect(rows.map((r) => r.id_number_hash)).toEqual(plain.map((p) => ids.hash(p)))
    expect(rows[0]!.id_masked).toBe(`${plain[0]!.slice(0, 6)}********${plain[0]!.slice(14)}`)
    for (const suffix of ['', '-wal', '-shm']) {
      const file = db.file + suffix
      if (!existsSync(file)) continue
      const bytes = readFileSync(file)
      for (const p of plain) expect(bytes.includes(Buffer.from(p)), `${p} in ${file}`).toBe(false)
    }
  })

  it('keeps the number search for mobile, finds ID numbers by tail through an index, and refuses duplicates', async () => {
    await migrate(db, {}, MIGRATIONS.filter((m) => m.version <= 80), { idProtector: ids })
    const byMobile = await db.all("SELECT rowid FROM member_number_fts WHERE member_number_fts MATCH '\"0001111\"'")
    expect(byMobile).toHaveLength(2)
    expect(await queryPlan(db, 'SELECT id FROM members WHERE id_tail4_hash = ?', ['x'])).toMatch(/members_by_id_tail4/)
    const dup = ids.seal(plain[0]!)
    await expect(db.run(`INSERT INTO members (name, id_number_hash, name_tokens, name_pinyin, name_initials, created_at, updated_at)
                         VALUES ('x', ?, 'x', 'x', 'x', 'now', 'now')`, [dup.hash])).rejects.toThrow(/UNIQUE/)
  })

  it('refuses to run over plaintext rows without the data key', async () => {
    await expect(migrate(db, {}, MIGRATIONS.filter((m) => m.version <= 80))).rejects.toThrow(/data key/)
    const cols = (await db.all<{ name: string }>('PRAGMA table_info(members)')).map((c) => c.name)
    expect(cols).toContain('id_number')
  })
})
