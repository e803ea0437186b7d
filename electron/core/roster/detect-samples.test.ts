import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { makeTempDir } from '../../../tests/fixtures/temp-workspace'
import { detectRoster } from './detect'

describe('detection samples', () => {
  it('shows Excel date serials in date columns as dates', async () => {
    const tmp = makeTempDir()
    try {
      const wb = new ExcelJS.Workbook()
      const ws = wb.addWorksheet('花名册')
      ws.addRow(['姓名', '出生日期', '入会时间', '工号'])
      ws.addRow(['卓玛', new Date(Date.UTC(1985, 2, 1)), 40179, 31000])
      const file = join(tmp.dir, 'dates.xlsx')
      await wb.xlsx.writeFile(file)
      const d = await detectRoster(file)
      expect(d.sampleRows[0]!.cells).toEqual(['卓玛', '1985-03-01', '2010-01-01', '31000'])
    } finally {
      tmp.cleanup()
    }
  })
})
