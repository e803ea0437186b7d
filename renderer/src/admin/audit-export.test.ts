import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { auditSheetRows, buildAuditWorkbook } from './audit-export'
import { auditChangeWords, actionWord, entityWord } from './audit-words'
import type { AuditRow } from './admin-types'

const at = new Date(2026, 10, 27, 9, 0, 0).toISOString()
const ROWS: AuditRow[] = [
  { id: 2, at, actorId: 1, actorName: '王主席', action: 'user.create', entity: 'user', entityId: '3',
    changes: { username: [null, 'chakan'], displayName: [null, '赵查看'], role: [null, 'viewer'] } },
  { id: 1, at, actorId: null, actorName: 'ganshi', action: 'auth.failed', entity: 'user', entityId: '4', changes: { attempts: 1 } },
]
const text = { action: actionWord, entity: entityWord, changes: auditChangeWords() }

describe('audit export', () => {
  it('turns entries into text cells: local time, words, one change per line', () => {
    expect(auditSheetRows(ROWS, text)).toEqual([
      ['2026-11-27 09:00:00', '王主席', '新增用户', '账号', '赵查看', '用户名：chakan\n姓名：赵查看\n角色：只读'],
      ['2026-11-27 09:00:00', 'ganshi', '密码错误', '账号', '#4', '连续错误次数：1'],
    ])
  })

  it('writes a workbook with a title row, the date and filter, Chinese headers and text cells', async () => {
    const wb = await buildAuditWorkbook(ROWS, {
      ...text, title: '示范工会委员会 操作日志', subtitle: '导出日期：2026-11-27', sheetName: '操作日志',
      headers: ['时间', '操作人', '操作', '对象类型', '对象', '变化'],
    })
    const back = new ExcelJS.Workbook()
    await back.xlsx.load(await wb.xlsx.writeBuffer())
    const ws = back.getWorksheet('操作日志')!
    expect(ws.getCell('A1').value).toBe('示范工会委员会 操作日志')
    expect(ws.getCell('A2').value).toBe('导出日期：2026-11-27')
    expect(ws.getRow(3).values).toEqual([undefined, '时间', '操作人', '操作', '对象类型', '对象', '变化'])
    expect(ws.getCell('C4').value).toBe('新增用户')
    expect(ws.getCell('A4').value).toBe('2026-11-27 09:00:00')
    expect(ws.rowCount).toBe(5)
  })
})
