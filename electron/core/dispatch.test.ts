import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir, devKeyFileProtector } from '../../tests/fixtures/temp-workspace'
import { CHANNELS } from '../../shared/contract'
import { AppCore } from './app-core'
import { dispatch } from './dispatch'
import { createHandlers, type Handlers } from './handlers'

const ctx = { host: 'web' as const, sessionKey: 'test-session' }
const validMember = {
  name: '马秀英', cardNo: null, gender: null, birthDate: null, ethnicity: '回族', idNumber: '11010519491231002x',
  mobile: null, education: null, politicalStatus: null, nativePlace: null, departmentId: 1, post: null, title: null,
  employeeNo: null, joinDate: '2010-05-01', wageBaseFen: 500000, migrantWorker: false,
}

describe('dispatch (the one entry for IPC and HTTP)', () => {
  let tmp: ReturnType<typeof makeTempDir>
  let core: AppCore
  let handlers: Handlers
  beforeEach(async () => {
    tmp = makeTempDir()
    core = await AppCore.open({ dataDir: tmp.dir, keyProtector: devKeyFileProtector, version: '9.9.9' })
    handlers = createHandlers(core)
    await dispatch(handlers, 'auth.setupChair', { username: 'zhuxi', displayName: '李卫东', password: 'Chair2026!' }, ctx)
    await dispatch(handlers, 'departments.create', { name: '综合办公室' }, ctx)
  })
  afterEach(async () => { await core.close(); tmp.cleanup() })

  it('has a handler for every contract channel', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort())
  })

  it('validates the request and words the first problem in Chinese, naming the field', async () => {
    const r = await dispatch(handlers, 'members.create', { ...validMember, idNumber: '110105194912310021', ethnicity: '04' }, ctx)
    expect(r).toEqual({ ok: false, error: {
      code: 'validation', field: 'idNumber', messageKey: 'idNumber.checksum', params: { expected: 'X' },
      message: '身份证号码校验位错误，应为 X，请核对后重新输入',
    } })
    const missing = await dispatch(handlers, 'members.create', { ...validMember, ethnicity: '04', joinDate: null }, ctx)
    expect(missing).toMatchObject({ ok: false, error: { field: 'joinDate', message: '入会日期不能为空，请填写' } })
    expect((await dispatch(handlers, 'app.info', {}, ctx))).toMatchObject({ ok: true, value: { memberCount: 0 } })
  })

  it('turns domain errors into typed error values', async () => {
    const ok = await dispatch(handlers, 'members.create', { ...validMember, ethnicity: '03' }, ctx)
    expect(ok).toMatchObject({ ok: true, value: { name: '马秀英', idNumber: '110105********002X', gender: 'F' } })
    const dup = await dispatch(handlers, 'members.create', { ...validMember, ethnicity: '03', name: '马梅' }, ctx)
    expect(dup).toMatchObject({ ok: false, error: { code: 'conflict', field: 'idNumber', message: expect.stringContaining('马秀英') } })
    const missing = await dispatch(handlers, 'members.get', { id: 404 }, ctx)
    expect(missing).toMatchObject({ ok: false, error: { code: 'notFound' } })
  })

  it('refuses unknown channels and hides unexpected errors behind "internal"', async () => {
    expect(await dispatch(handlers, 'members.drop', {}, ctx)).toMatchObject({ ok: false, error: { code: 'internal', messageKey: 'unknownChannel' } })
    const logged: unknown[] = []
    const broken = { ...handlers, 'app.info': async () => { throw new Error('SQLITE_CORRUPT at /secret/path') } } as Handlers
    const r = await dispatch(broken, 'app.info', {}, ctx, (e) => logged.push(e))
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(JSON.stringify(r)).not.toContain('secret')
    expect(logged).toHaveLength(1)
  })
})
