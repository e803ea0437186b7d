import { basename, dirname, extname } from 'node:path'
import { copyFile } from 'node:fs/promises'
import { can } from '../../../shared/domain/roles'
import { memberSearchSchema } from '../../../shared/domain/member'
import type { AppCore, HandlerContext } from '../app-core'
import { ForbiddenError, ValidationError } from '../errors'
import { detectRoster, type RosterMapping } from '../roster/detect'
import { writeErrorReport } from '../roster/error-report'
import { previewImport } from '../roster/import-preview'
import { defaultExportName, exportRoster } from '../roster/roster-export'
import { writeTemplate } from '../roster/roster-template'
import { sanitizeFileName, withExtension } from '../roster/file-names'
import type { GuardedHandlers } from './types'

type RosterChannel = 'files.beginUpload' | 'files.uploadChunk' | 'files.finishUpload' | 'files.pickOpen' | 'files.read'
  | 'files.saveAs' | 'roster.detect' | 'roster.preview' | 'roster.startImport' | 'roster.importStatus' | 'roster.cancelImport'
  | 'roster.errorReport' | 'roster.template' | 'roster.export'

const ROSTER_FILTERS = [{ name: '花名册（Excel / CSV）', extensions: ['xlsx', 'csv'] }]

export function rosterHandlers(core: AppCore): GuardedHandlers<RosterChannel> {
  const ws = () => core.workspace
  const file = (ctx: HandlerContext, token: string) => core.files.resolve(ctx.sessionKey, token)
  const download = async (ctx: HandlerContext, path: string, fileName: string) => {
    const downloadToken = core.files.register(ctx.sessionKey, path, fileName)
    return { downloadToken, ...(await core.files.describe(ctx.sessionKey, downloadToken)) }
  }
  const importOptions = (fileName: string, mapping: RosterMapping, onConflict: 'skip' | 'update') =>
    ({ mapping, onConflict, fileName, idNumbers: ws().idNumbers })
  const toMapping = (m: { sheet: string; sheetIndex?: number | undefined; headerRow: number; columns: RosterMapping['columns'] }): RosterMapping =>
    ({ sheet: m.sheet, headerRow: m.headerRow, columns: m.columns, ...(m.sheetIndex === undefined ? {} : { sheetIndex: m.sheetIndex }) })

  return {
    'files.beginUpload': async (req, ctx) => ({ uploadId: core.files.beginUpload(ctx.sessionKey, req.fileName, req.sizeBytes) }),
    'files.uploadChunk': async (req, ctx) =>
      ({ received: await core.files.writeChunk(ctx.sessionKey, req.uploadId, req.index, Buffer.from(req.dataBase64, 'base64')) }),
    'files.finishUpload': (req, ctx) => core.files.finishUpload(ctx.sessionKey, req.uploadId),
    'files.pickOpen': async (_req, ctx) => {
      if (!core.dialogs) throw new ValidationError('file', 'files.noDialog')
      const path = await core.dialogs.pickFile(ROSTER_FILTERS)
      if (!path) return null
      return { fileToken: core.files.register(ctx.sessionKey, path, basename(path)), fileName: basename(path) }
    },
    'files.read': async (req, ctx) => {
      const r = await core.files.read(ctx.sessionKey, req.downloadToken, req.offset)
      return { dataBase64: r.data.toString('base64'), nextOffset: r.nextOffset, done: r.done }
    },
    'files.saveAs': async (req, ctx) => {
      if (!core.dialogs) throw new ValidationError('file', 'files.noDialog')
      const f = file(ctx, req.downloadToken)
      const ext = extname(f.fileName)
      const target = await core.dialogs.pickSavePath(f.fileName, [{ name: ext.slice(1).toUpperCase(), extensions: [ext.slice(1)] }])
      if (!target) return { saved: false, fileName: f.fileName }
      // The user chose the folder in the dialog; the name is ours, sanitised, so nothing lands elsewhere.
      const name = withExtension(sanitizeFileName(basename(target, extname(target))), ext)
      await copyFile(f.path, `${dirname(target)}/${name}`)
      return { saved: true, fileName: name }
    },

    'roster.detect': (req, ctx) => {
      const f = file(ctx, req.fileToken)
      return detectRoster(f.path, {
        fileName: f.fileName, ...(req.sheet ? { sheet: req.sheet } : {}), ...(req.headerRow ? { headerRow: req.headerRow } : {}),
      })
    },
    'roster.preview': async (req, ctx) => {
      const f = file(ctx, req.fileToken)
      const p = await previewImport(ws().db, f.path, importOptions(f.fileName, toMapping(req.mapping), req.onConflict))
      return {
        counts: p.counts, dataRows: p.dataRows, ignoredRows: p.ignoredRows, conflicts: p.conflicts, newDepartments: p.newDepartments,
        errors: p.errors.map((e) => ({
          rowNumber: e.rowNumber, column: e.column, columnIndex: e.columnIndex, field: e.field, value: e.value,
          messageKey: e.messageKey, params: e.params, reason: e.reason, message: e.message,
        })),
        updates: p.updates.map((u) => ({ ...u, diff: u.diff.map((d) => ({ field: d.field, label: d.label, from: d.from, to: d.to })) })),
      }
    },
    'roster.startImport': async (req, ctx) => {
      const f = file(ctx, req.fileToken)
      return core.imports.start(ws(), ctx.sessionKey, f.path, importOptions(f.fileName, toMapping(req.mapping), req.onConflict), ctx.actor)
    },
    'roster.importStatus': async (req, ctx) => core.imports.status(ctx.sessionKey, req.jobId),
    'roster.cancelImport': (req, ctx) => core.imports.cancel(ctx.sessionKey, req.jobId),
    'roster.errorReport': async (req, ctx) => {
      const f = file(ctx, req.fileToken)
      const mapping = toMapping(req.mapping)
      const p = await previewImport(ws().db, f.path, importOptions(f.fileName, mapping, 'skip'))
      const out = await core.files.scratchPath('.xlsx')
      await writeErrorReport(out, { headers: p.headers, errorRows: p.errorRows, columns: mapping.columns })
      return download(ctx, out, withExtension(`${sanitizeFileName(basename(f.fileName, extname(f.fileName)))}-错误报告`, '.xlsx'))
    },
    'roster.template': async (_req, ctx) => {
      const out = await core.files.scratchPath('.xlsx')
      await writeTemplate(out)
      return download(ctx, out, '会员花名册导入模板.xlsx')
    },
    'roster.export': async (req, ctx) => {
      if (req.revealIdNumbers && !(ctx.role && can(ctx.role, 'revealSensitive'))) throw new ForbiddenError()
      const unionName = (await ws().profile.get())?.unionName ?? '工会'
      const folder = core.files.folder
      const fileName = withExtension(defaultExportName(unionName, ws().clock.now()), `.${req.format}`)
      const r = await exportRoster(ws().db, {
        filter: memberSearchSchema.partial().parse(req.filter), format: req.format, folder, fileName: await scratchName(core, req.format),
        unionName, idNumbers: ws().idNumbers, revealIdNumbers: req.revealIdNumbers, now: ws().clock.now(),
      })
      await ws().db.transaction((tx) => ws().audit.record(tx, ctx.actor, {
        action: 'roster.export', entity: 'roster', entityId: null,
        changes: { rows: r.rows, format: req.format, revealIdNumbers: req.revealIdNumbers, filter: req.filter },
      }, ws().clock.now().toISOString()))
      return { ...(await download(ctx, r.filePath, fileName)), rows: r.rows }
    },
  }
}

/** Exports are written under a random name in the scratch folder; the user-facing name travels with the token. */
async function scratchName(core: AppCore, format: 'xlsx' | 'csv'): Promise<string> {
  return basename(await core.files.scratchPath(`.${format}`), `.${format}`)
}
