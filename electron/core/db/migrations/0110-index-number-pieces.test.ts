import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../../../../tests/fixtures/temp-workspace'
import type { Database } from '../sqlite'
import { applyOnly, databaseAt, queryPlan } from './migration-test-kit'

const addMember = (db: Database, name: string, employeeNo: string | null, mobile: string | null, grams?: [string, string]) =>
  grams
    ? db.run(`INSERT INTO members (name, employee_no, mobile, employee_no_grams, mobile_grams, name_tokens, name_pinyin, name_initials, created_at, updated_at)
              VALUES (?, ?, ?, ?, ?, ?, 'x', 'x', 'now', 'now')`, [name, employeeNo, mobile, ...grams, name])
    : db.run(`INSERT INTO members (name, employee_no, mobile, name_tokens, name_pinyin, name_initials, created_at, updated_at)
              VALUES (?, ?, ?, ?, 'x', 'x', 'now', 'now')`, [name, employeeNo, mobile, name])

const hits = async (db: Database, match: string) =>
  (await db.all<{ rowid: number }>('SELECT rowid FROM member_number_fts WHERE member_number_fts MATCH ? ORDER BY rowid', [match])).map((r) => r.rowid)

describe('0110 index-number-pieces', () => {
  let tmp: ReturnType<typeof makeTempDir>
  let db: Database
  beforeEach(async () => { tmp = makeTempDir(); db = await databaseAt(tmp.dir, 100) })
  afterEach(async () => { await db.close(); tmp.cleanup() })

  it('stores the pieces of the numbers already there and finds fragments through them, within one field', async () => {
    await addMember(db, '甲', 'E1004', '13912345678')
    await addMember(db, '乙', null, '0971-8765432')
    await addMember(db, '丙', 'A12', null)
    await applyOnly(db, 110)

    const stored = await db.all<{ employee_no_grams: string; mobile_grams: string }>('SELECT employee_no_grams, mobile_grams FROM members ORDER BY id')
    expect(stored[0]).toEqual({ employee_no_grams: 'e100 1004 004', mobile_grams: '1391 3912 9123 1234 2345 3456 4567 5678 678' })
    expect(stored[1]!.mobile_grams).toMatch(/^0971 9718 7187 /)
    expect(stored[2]).toEqual({ employee_no_grams: 'a12', mobile_grams: '' })

    expect(await hits(db, '"1234 2345"')).toEqual([1]) // 12345 in a mobile
    expect(await hits(db, '"9718 7187"')).toEqual([2]) // 0971-87… across the dash
    expect(await hits(db, '"004"*')).toEqual([1]) // 3 characters, here the last three
    expect(await hits(db, '"912"*')).toEqual([1]) // 3 characters inside: the pieces that start with them
    expect(await hits(db, '"1004 0041"')).toEqual([]) // no run from the employee no. into the mobile
    expect(await queryPlan(db, 'SELECT rowid FROM member_number_fts WHERE member_number_fts MATCH ?', ['"1234"'])).toMatch(/VIRTUAL TABLE INDEX/)
  })

  it('keeps the triggers indexing new and changed numbers, and the name index as it was', async () => {
    await applyOnly(db, 110)
    await addMember(db, '丁', 'Q778', '13800001111', ['q778 778', '1380 3800 8000 0000 0001 0011 0111 1111 111'])
    expect(await hits(db, '"0011 0111"')).toEqual([1])
    await db.run("UPDATE members SET mobile = '13700002222', mobile_grams = '1370 3700 7000 0000 0002 0022 0222 2222 222' WHERE id = 1")
    expect(await hits(db, '"0011 0111"')).toEqual([])
    expect(await hits(db, '"0022 0222"')).toEqual([1])
    expect((await db.all('SELECT rowid FROM member_name_fts WHERE member_name_fts MATCH ?', ['"丁"'])).length).toBe(1)
  })
})
