import { afterEach, describe, expect, it } from 'vitest'
import { formatImportReason, formatImportRow } from '../../../shared/messages/format'
import { setLocale } from '../i18n'
import { importErrorText, importFailureText, importReasonText, reasonCellText, type ImportRowError } from './import-error-text'

afterEach(() => setLocale('zh-CN'))

/** Errors as roster.preview sends them: key, params (with the field's label as a reference), row and column. */
const checksum: ImportRowError = {
  rowNumber: 12, column: '公民身份号码', field: 'idNumber', messageKey: 'idNumber.checksum', params: { field: '@fields.idNumber', expected: 'X' },
}
const ERRORS: ImportRowError[] = [
  checksum,
  { rowNumber: 10, column: '性别', field: 'gender', messageKey: 'invalidOption', params: { field: '@fields.gender' } },
  { rowNumber: 11, column: '身份证号', field: 'idNumber', messageKey: 'import.duplicateInFile', params: { field: '@fields.idNumber', row: 4 } },
  { rowNumber: 5, column: '工号', field: 'employeeNo', messageKey: 'duplicate.employeeNo', params: { field: '@fields.employeeNo', other: '马明' } },
  { rowNumber: 7, column: '身份证号', field: 'idNumber', messageKey: 'import.idNumberAsNumber', params: { field: '@fields.idNumber', shown: '630102199201010000' } },
  { rowNumber: 3, column: '缴费基数', field: 'wageBase', messageKey: 'invalidNumber', params: { field: '@fields.wageBaseFen' } },
  { rowNumber: 8, column: '姓名', field: 'name', messageKey: 'status.futureDate', params: { field: '@fields.name' } },
]

describe('import errors in the chosen language', () => {
  it('words zh-CN exactly as core does for the error report', () => {
    for (const e of ERRORS) {
      const reason = formatImportReason(e.field, e.messageKey, e.params)
      expect(importReasonText(e), e.messageKey).toBe(reason)
      expect(importErrorText(e), e.messageKey).toBe(formatImportRow(e.rowNumber, e.column, reason))
    }
    expect(importErrorText(checksum)).toBe('第 12 行 公民身份号码：校验位错误，应为 X，请核对后重新导入')
  })

  it('words English from the same key and params, naming the field', () => {
    setLocale('en')
    expect(importErrorText(checksum)).toBe('Row 12, ID number: the check character is wrong; it should be X. Check it and import again.')
    expect(importErrorText(ERRORS[1]!)).toBe('Row 10, Gender: write 男 (male) or 女 (female)')
    expect(importErrorText(ERRORS[2]!))
      .toBe('Row 11, ID number: the same ID number as row 4; a person is registered only once, so delete or merge the duplicate rows')
    expect(importErrorText(ERRORS[3]!)).toBe('Row 5, Employee no.: already used by the registered member “马明”')
    expect(importReasonText(ERRORS[4]!)).toMatch(/^Excel stored it as a number \(shown as 630102199201010000\)/)
    expect(importErrorText(ERRORS[5]!)).toBe('Row 3, Wage base for dues: should be an amount in yuan, 0 or more, such as 5000 or 5000.50')
    expect(importReasonText(ERRORS[6]!)).toBe('The date cannot be in the future') // no import wording: the general error
    expect(reasonCellText(checksum)).toBe('The check character is wrong; it should be X. Check it and import again.')
  })

  it('words a failed import in the chosen language unless the message needs values it did not get', () => {
    setLocale('en')
    expect(importFailureText({ messageKey: 'internal', message: '操作没有完成' })).toBe(
      'The action did not complete and nothing was changed. Try again or contact support.')
    expect(importFailureText({ messageKey: 'import.sheetNotFound', message: '文件中没有名为“花名册”的工作表' }))
      .toBe('文件中没有名为“花名册”的工作表')
    const withParams = importFailureText({ messageKey: 'import.sheetNotFound', message: '文件中没有名为“花名册”的工作表', params: { sheet: '花名册' } })
    expect(withParams).toContain('花名册')
    expect(withParams).not.toMatch(/文件中没有/)
  })
})
