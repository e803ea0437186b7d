import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { devKeyFileProtector, makeTempDir } from '../../../tests/fixtures/temp-workspace'
import { makeIdNumber } from '../../../shared/domain/id-number'
import type { Channel } from '../../../shared/contract'
import { AppCore } from '../app-core'
import { dispatch } from '../dispatch'
import { createHandlers, type Handlers } from './index'

type Ok<T = Record<string, unknown>> = { ok: true; value: T }

describe('roster import and export through the contract (web host path: upload and download by token)', () => {
  let tmp: ReturnType<typeof makeTempDir>
  let core: AppCore
  let h: Handlers
  const ctx = { host: 'web' as const, sessionKey: 'chair' }
  const call = async <T = Record<string, unknown>>(c: Channel, req: unknown, c2 = ctx) => {
    const r = await dispatch(h, c, req, c2)
    if (!r.ok) throw new Error(`${c}: ${r.error.message}`)
    return (r as Ok<T>).value
  }

  async function upload(file: string, fileName: string): Promise<string> {
    const bytes = readFileSync(file)
    const { uploadId } = await call<{ uploadId: string }>('files.beginUpload', { fileName, sizeBytes: bytes.length })
    for (let i = 0, n = 0; i < bytes.length; i += 300_000, n++) {
      await call('files.uploadChunk', { uploadId, index: n, dataBase64: bytes.subarray(i, i + 300_000).toString('base64') })
    }
    return (await call<{ fileToken: string }>('files.finishUpload', { uploadId })).fileToken
  }

  async function downloadAll(token: string): Promise<Buffer> {
    const parts: Buffer[] = []
    for (let offset = 0; ;) {
      const c = await call<{ dataBase64: string; nextOffset: number; done: boolean }>('files.read', { downloadToken: token, offset })
      parts.push(Buffer.from(c.dataBase64, 'base64'))
      offset = c.nextOffset
      if (c.done) return Buffer.concat(parts)
    }
  }

  async function waitForJob(jobId: string) {
    for (;;) {
      const s = await call<{ state: string; result: Record<string, number> | null }>('roster.importStatus', { jobId })
      if (s.state !== 'running') return s
      await new Promise((r) => setTimeout(r, 50))
    }
  }

  const rosterFile = async (rows: Array<[string, string, string, string]>) => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('花名册')
    ws.addRow(['青海示例水电工会会员花名册'])
    ws.addRow(['姓名', '身份证号码', '民族', '部门'])
    for (const r of rows) ws.addRow(r)
    ws.addRow(['合计', '', '', ''])
    const file = join(tmp.dir, `roster-${rows.length}.xlsx`)
    await wb.xlsx.writeFile(file)
    return file
  }

  beforeAll(async () => {
    tmp = makeTempDir()
    core = await AppCore.open({ dataDir: join(tmp.dir, 'data'), keyProtector: devKeyFileProtector, version: '1' })
    h = createHandlers(core)
    await call('auth.setupChair', { username: 'zhuxi', displayName: '李卫东', password: 'Chair2026!' })
  })
  afterAll(async () => { await core.close(); tmp.cleanup() })

  it('detects, previews, imports all-or-nothing in the background, and reports bad rows as a file to fix', async () => {
    const good = Array.from({ length: 40 }, (_, i) => [`扎西${i}`, makeIdNumber('632521', '19880615', i * 2 + 1), '藏族', '发电运行部'] as [string, string, string, string])
    const bad: [string, string, string, string] = ['错号', '632521198806150010', '藏', '发电运行部']
    const token = await upload(await rosterFile([...good, bad]), '花名册.xlsx')

    const detection = await call<{ mapping: { headerRow: number; columns: Record<string, number> } }>('roster.detect', { fileToken: token })
    expect(detection.mapping.headerRow).toBe(2)
    expect(detection.mapping.columns).toMatchObject({ name: 1, idNumber: 2, ethnicity: 3, department: 4 })
    const request = { fileToken: token, mapping: detection.mapping, onConflict: 'skip' }
    const preview = await call<{ counts: Record<string, number>; errors: Array<Record<string, unknown>>; newDepartments: string[] }>('roster.preview', request)
    expect(preview.counts).toEqual({ new: 40, update: 0, skip: 0, error: 1 })
    expect(preview.errors[0]!.message).toMatch(/^第 43 行 身份证号码：.*校验位/)
    // The key and params cross too, so the renderer words the error in the chosen language.
    expect(preview.errors[0]).toMatchObject({ rowNumber: 43, column: '身份证号码', columnIndex: 2, field: 'idNumber',
      messageKey: 'idNumber.checksum', params: { field: '@fields.idNumber', expected: expect.any(String) } })
    expect(preview.newDepartments).toEqual(['发电运行部'])
    expect((await call<{ memberCount: number }>('app.info', {})).memberCount).toBe(0)

    const started = await call<{ jobId: string }>('roster.startImport', request)
    const done = await waitForJob(started.jobId)
    expect(done).toMatchObject({ state: 'done', result: { inserted: 40, errors: 1, departmentsCreated: 1 } })
    const found = await call<{ total: number }>('members.search', { query: '扎西1' })
    expect(found.total).toBeGreaterThan(0)

    const report = await call<{ downloadToken: string; fileName: string }>('roster.errorReport', { fileToken: token, mapping: detection.mapping })
    expect(report.fileName).toBe('花名册-错误报告.xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await downloadAll(report.downloadToken) as unknown as ArrayBuffer)
    const text = JSON.stringify(wb.worksheets[0]!.getSheetValues())
    expect(text).toContain('错误说明')
    expect(text).toContain('错号')
  })

  it('reports a failed import with its key and values, so any language can word it, and leaves the register as it was', async () => {
    const token = await upload(await rosterFile([['卓玛', makeIdNumber('632521', '19900101', 7), '藏族', '综合办公室']]), '花名册.xlsx')
    const detection = await call<{ mapping: { headerRow: number; columns: Record<string, number> } }>('roster.detect', { fileToken: token })
    const before = (await call<{ memberCount: number }>('app.info', {})).memberCount
    const started = await call<{ jobId: string }>('roster.startImport', {
      fileToken: token, mapping: { ...detection.mapping, sheet: '没有这张表' }, onConflict: 'skip' })
    const failed = await waitForJob(started.jobId) as unknown as { state: string; error: Record<string, unknown> }
    expect(failed.state).toBe('failed')
    expect(failed.error).toEqual({ messageKey: 'import.sheetNotFound', message: '文件中没有名为“没有这张表”的工作表', params: { sheet: '没有这张表' } })
    expect((await call<{ memberCount: number }>('app.info', {})).memberCount).toBe(before)
  })

  it('maps the header row the user chose, and refuses one that is blank or out of range', async () => {
    const token = await upload(await rosterFile([['卓玛', makeIdNumber('632521', '19900101', 7), '藏族', '生产部']]), '花名册.xlsx')
    const chosen = await call<{ headerRow: number; headerChosen: boolean; rawRows: unknown[]; mapping: { columns: Record<string, number> } }>(
      'roster.detect', { fileToken: token, sheet: '花名册', headerRow: 2 })
    expect(chosen).toMatchObject({ headerRow: 2, headerChosen: true, mapping: { columns: { name: 1, idNumber: 2, ethnicity: 3, department: 4 } } })
    expect(chosen.rawRows).toHaveLength(4)
    expect(await dispatch(h, 'roster.detect', { fileToken: token, headerRow: 0 }, ctx)).toMatchObject({ ok: false, error: { field: 'headerRow' } })
    expect(await dispatch(h, 'roster.detect', { fileToken: token, headerRow: 500 }, ctx))
      .toMatchObject({ ok: false, error: { messageKey: 'import.headerRowEmpty', message: '第 500 行是空行，不能作为表头，请选择写有列名（如“姓名”）的那一行' } })
  })

  it('refuses import to a viewer and full ID numbers in an export to anyone not allowed to reveal', async () => {
    await call('users.create', { username: 'chakan', displayName: '查看员', role: 'viewer', password: 'Temp2026!' })
    const viewer = { host: 'web' as const, sessionKey: 'viewer' }
    await call('auth.login', { username: 'chakan', password: 'Temp2026!' }, viewer)
    await call('auth.changePassword', { oldPassword: 'Temp2026!', newPassword: 'Mine2026!' }, viewer)
    expect(await dispatch(h, 'files.beginUpload', { fileName: 'a.xlsx', sizeBytes: 10 }, viewer)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await dispatch(h, 'roster.export', { revealIdNumbers: true }, viewer)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    const masked = await dispatch(h, 'roster.export', { format: 'csv' }, viewer)
    expect(masked).toMatchObject({ ok: true, value: { rows: 40 } })
    // Tokens belong to the session that made them.
    const token = (masked as Ok<{ downloadToken: string }>).value.downloadToken
    expect(await dispatch(h, 'files.read', { downloadToken: token, offset: 0 }, ctx)).toMatchObject({ ok: false, error: { code: 'notFound' } })
    const csv = Buffer.concat([Buffer.from((await dispatch(h, 'files.read', { downloadToken: token, offset: 0 }, viewer) as Ok<{ dataBase64: string }>).value.dataBase64, 'base64')]).toString('utf8')
    expect(csv).toMatch(/632521\*{8}/)
    expect(csv).not.toContain(makeIdNumber('632521', '19880615', 1))
  })

  it('refuses a file that is not a roster and uploads that arrive out of order', async () => {
    expect(await dispatch(h, 'files.beginUpload', { fileName: 'virus.exe', sizeBytes: 10 }, ctx)).toMatchObject({ ok: false, error: { field: 'fileName' } })
    const { uploadId } = await call<{ uploadId: string }>('files.beginUpload', { fileName: 'a.csv', sizeBytes: 10 })
    expect(await dispatch(h, 'files.uploadChunk', { uploadId, index: 3, dataBase64: 'YWJj' }, ctx)).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(await dispatch(h, 'files.pickOpen', {}, ctx)).toMatchObject({ ok: false, error: { messageKey: 'files.noDialog' } })
  })
})
