import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fixedClock, makeTempDir, memberInput, TEST_ACTOR, devKeyFileProtector } from '../../../tests/fixtures/temp-workspace'
import { makeIdNumber } from '../../../shared/domain/id-number'
import { ConflictError, NotFoundError, ValidationError } from '../errors'
import { openWorkspace, type Workspace } from '../workspace'

describe('MemberService', () => {
  let tmp: ReturnType<typeof makeTempDir>
  let ws: Workspace
  beforeEach(async () => {
    tmp = makeTempDir()
    ws = await openWorkspace('real', { dataDir: tmp.dir, clock: fixedClock(), keyProtector: devKeyFileProtector })
    await ws.departments.create('发电运行部', TEST_ACTOR)
  })
  afterEach(async () => { await ws.db.close(); tmp.cleanup() })

  it('creates a member, derives birth date and gender from the ID, and writes the join history', async () => {
    const m = await ws.members.create(memberInput({ name: '才让多杰', idNumber: makeIdNumber('632521', '19880615', 31) }), TEST_ACTOR)
    expect(m).toMatchObject({ name: '才让多杰', birthDate: '1988-06-15', gender: 'M', status: 'active', qualityIssues: [], departmentName: '发电运行部' })
    const { history } = await ws.members.get(m.id)
    expect(history).toMatchObject([{ kind: 'join', eventDate: '2015-03-01', toStatus: 'active' }])
  })

  it('flags a birth date or gender that disagrees with the ID number as unqualified', async () => {
    const m = await ws.members.create(memberInput({ birthDate: '1990-02-02', gender: 'F', idNumber: makeIdNumber('630102', '19900101', 11) }), TEST_ACTOR)
    expect(m.qualityIssues).toEqual(['birthDateMismatch', 'genderMismatch'])
    const listed = await ws.members.search({ query: '', departmentId: null, status: null, gender: null, ethnicity: null,
      unqualifiedOnly: true, sort: 'name', order: 'asc', offset: 0, limit: 50 })
    expect(listed.rows.map((r) => r.id)).toEqual([m.id])
  })

  it('refuses a duplicate ID number or employee no., naming the member who has it', async () => {
    const first = await ws.members.create(memberInput({ name: '王芳', employeeNo: 'E001', seq: 1 }), TEST_ACTOR)
    const dupId = await ws.members.create(memberInput({ name: '李四', seq: 1 }), TEST_ACTOR).catch((e: unknown) => e)
    expect(dupId).toBeInstanceOf(ConflictError)
    expect(dupId).toMatchObject({ field: 'idNumber', messageKey: 'duplicate.idNumber', params: { other: '王芳' } })
    await expect(ws.members.create(memberInput({ name: '李四', employeeNo: 'E001', seq: 2 }), TEST_ACTOR))
      .rejects.toMatchObject({ field: 'employeeNo', params: { other: '王芳' } })
    expect((await ws.memberCount())).toBe(1)
    // Saving a member with its own ID is not a duplicate.
    await expect(ws.members.update(first.id, memberInput({ name: '王芳', employeeNo: 'E001', seq: 1, mobile: '13900000000' }), TEST_ACTOR))
      .resolves.toMatchObject({ mobile: '13900000000' })
  })

  it('records which fields an edit changed, and nothing when nothing changed', async () => {
    const m = await ws.members.create(memberInput({ seq: 3 }), TEST_ACTOR)
    await ws.members.update(m.id, memberInput({ seq: 3, name: '张珊', post: '值班员' }), TEST_ACTOR)
    await ws.members.update(m.id, memberInput({ seq: 3, name: '张珊', post: '值班员' }), TEST_ACTOR)
    const { member, history } = await ws.members.get(m.id)
    expect(member.name).toBe('张珊')
    expect(history.filter((h) => h.kind === 'edit')).toMatchObject([{ changedFields: ['name', 'post'] }])
  })

  it('refuses an unknown department', async () => {
    await expect(ws.members.create(memberInput({ departmentId: 99 }), TEST_ACTOR)).rejects.toBeInstanceOf(ValidationError)
  })

  it('moves through the lifecycle with dated history and refuses what the rules forbid', async () => {
    const m = await ws.members.create(memberInput({ seq: 4 }), TEST_ACTOR)
    await expect(ws.members.changeStatus({ id: m.id, kind: 'transferOut', eventDate: '2026-10-01', counterpart: null, note: null }, TEST_ACTOR))
      .rejects.toMatchObject({ field: 'counterpart', messageKey: 'status.counterpartRequired' })
    await expect(ws.members.changeStatus({ id: m.id, kind: 'exit', eventDate: '2026-12-01', counterpart: null, note: null }, TEST_ACTOR))
      .rejects.toMatchObject({ messageKey: 'status.futureDate' })
    await expect(ws.members.changeStatus({ id: m.id, kind: 'exit', eventDate: '2010-01-01', counterpart: null, note: null }, TEST_ACTOR))
      .rejects.toMatchObject({ messageKey: 'status.dateBeforeJoin' })
    const out = await ws.members.changeStatus({ id: m.id, kind: 'transferOut', eventDate: '2026-10-01', counterpart: '黄河水电公司工会', note: null }, TEST_ACTOR)
    expect(out.status).toBe('transferredOut')
    await expect(ws.members.changeStatus({ id: m.id, kind: 'retain', eventDate: '2026-10-02', counterpart: null, note: null }, TEST_ACTOR))
      .rejects.toMatchObject({ code: 'conflict', messageKey: 'status.notAllowed', params: { from: '@statuses.transferredOut', kind: '@changeKinds.retain' } })
    await ws.members.changeStatus({ id: m.id, kind: 'transferIn', eventDate: '2026-11-01', counterpart: '黄河水电公司工会', note: null }, TEST_ACTOR)
    await ws.members.changeStatus({ id: m.id, kind: 'death', eventDate: '2026-11-20', counterpart: null, note: '病故' }, TEST_ACTOR)
    await expect(ws.members.changeStatus({ id: m.id, kind: 'reinstate', eventDate: '2026-11-21', counterpart: null, note: null }, TEST_ACTOR))
      .rejects.toBeInstanceOf(ConflictError)
    const { member, history } = await ws.members.get(m.id)
    expect(member.status).toBe('deceased')
    expect(history.map((h) => [h.kind, h.fromStatus, h.toStatus, h.counterpart])).toEqual([
      ['death', 'active', 'deceased', null],
      ['transferIn', 'transferredOut', 'active', '黄河水电公司工会'],
      ['transferOut', 'active', 'transferredOut', '黄河水电公司工会'],
      ['join', null, 'active', null],
    ])
  })

  it('reports a missing member as not found', async () => {
    await expect(ws.members.get(12345)).rejects.toBeInstanceOf(NotFoundError)
  })
})

describe('MemberService edits without revealing the ID number', () => {
  it('keeps the sealed ID number when told to, and records no reveal', async () => {
    const tmp = makeTempDir()
    const ws = await openWorkspace('real', { dataDir: tmp.dir, clock: fixedClock(), keyProtector: devKeyFileProtector })
    try {
      await ws.departments.create('发电运行部', TEST_ACTOR)
      const m = await ws.members.create(memberInput({ seq: 7 }), TEST_ACTOR)
      const edited = await ws.members.update(m.id, { ...memberInput({ seq: 7, mobile: '13800001234' }), idNumber: null }, TEST_ACTOR, { keepIdNumber: true })
      expect(edited.idNumber).toBe(m.idNumber)
      expect(edited.mobile).toBe('13800001234')
      expect(await ws.members.revealIdNumber(m.id, TEST_ACTOR)).toBe(memberInput({ seq: 7 }).idNumber)
      const trail = await ws.audit.list(ws.db, { entity: 'member', offset: 0, limit: 10 })
      expect(trail.rows.map((r) => r.action)).toEqual(['member.revealIdNumber', 'member.update', 'member.create'])
      expect(Object.keys(trail.rows[1]!.changes)).toEqual(['mobile'])
    } finally {
      await ws.db.close()
      tmp.cleanup()
    }
  })
})
