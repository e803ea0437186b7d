import { describe, expect, it } from 'vitest'
import { en } from '../../../shared/messages/en'
import { formatImportReason, formatImportRow } from '../../../shared/messages/format'
import { zhCN } from '../../../shared/messages/zh-CN'
import type { ImportField } from './fields'
import { importErrorWords, importParams, importReasonZh } from './import-messages'

const PARAMS = { expected: 'X', shown: '6.32E+17', row: 7, other: '张三', another: '李四' }

/**
 * Every field/key pair validateRow and the duplicate checks produce, with the zh-CN reason as it was
 * worded before the texts moved to shared/messages: the secretary's Chinese must not change.
 */
const ZH_BEFORE: ReadonlyArray<[`${ImportField}|${string}`, string]> = [
  ['name|required', '不能为空，请填写'],
  ['name|tooLong', '太长了，请精简后再保存'],
  ['post|tooLong', '太长了，请精简后再保存'],
  ['title|tooLong', '太长了，请精简后再保存'],
  ['employeeNo|tooLong', '太长了，请精简后再保存'],
  ['cardNo|tooLong', '太长了，请精简后再保存'],
  ['nativePlace|tooLong', '太长了，请精简后再保存'],
  ['department|tooLong', '太长了，请精简后再保存'],
  ['gender|invalidOption', '应填写“男”或“女”'],
  ['ethnicity|invalidOption', '无法识别，请填写民族名称（如“汉族”“藏族”）或两位代码（如“01”）'],
  ['education|invalidOption', '无法识别，请填写研究生、大学本科、大学专科、中专或高中、初中及以下之一'],
  ['politicalStatus|invalidOption', '无法识别，请填写中共党员、中共预备党员、共青团员、民主党派或群众'],
  ['migrantWorker|invalidOption', '应填写“是”或“否”'],
  ['wageBase|invalidNumber', '应为不小于 0 的金额（元），如 5000 或 5000.50'],
  ['mobile|mobile.format', '应为以 1 开头的 11 位数字（或带区号的固定电话）'],
  ['idNumber|idNumber.length', '应为 18 位，请核对位数'],
  ['idNumber|idNumber.format', '只能由数字和末位 X 组成'],
  ['idNumber|idNumber.birthDate', '其中的出生日期不存在，请核对第 7–14 位'],
  ['idNumber|idNumber.checksum', '校验位错误，应为 X，请核对后重新导入'],
  ['idNumber|import.idNumberAsNumber', '被 Excel 存成了数字（显示为 6.32E+17），超过 15 位的数字已被改动，无法还原。请把该列设置为“文本”格式，照身份证重新录入后再导入'],
  ['birthDate|invalidDate', '不是有效日期，请填写如 1985-03-01 或 1985年3月 的日期'],
  ['joinDate|invalidDate', '不是有效日期，请填写如 2010-07-01 或 2010年7月 的日期'],
  ['idNumber|import.duplicateInFile', '与第 7 行的身份证号码相同，同一人只能登记一次，请删除或合并重复的行'],
  ['employeeNo|import.duplicateInFile', '与第 7 行的工号相同，同一人只能登记一次，请删除或合并重复的行'],
  ['employeeNo|import.idAndEmployeeNoConflict', '身份证号码属于已登记的会员“张三”，工号却属于会员“李四”，请核对'],
  ['employeeNo|duplicate.employeeNo', '与已登记的会员“张三”重复'],
  ['name|import.sameMemberTwice', '与第 7 行对应同一名已登记的会员“张三”，请合并这两行'],
]

const split = (pair: string) => pair.split('|') as [ImportField, string]
const CJK = /[\u4e00-\u9fff]/
const CHOICE_KEYS = ['invalidOption', 'invalidDate']

describe('import error words', () => {
  it('keeps the zh-CN reasons exactly as they were', () => {
    for (const [pair, zh] of ZH_BEFORE) {
      const [field, key] = split(pair)
      expect(importReasonZh(field, key, PARAMS), pair).toBe(zh)
    }
  })

  it('has its own English for every reason an import produces (never the form’s general error)', () => {
    const hints = en.importErrors.hints as Record<string, string>
    const reasons = en.importErrors.reasons as Record<string, string>
    for (const [pair] of ZH_BEFORE) {
      const [field, key] = split(pair)
      expect(hints[`${field}.${key}`] ?? reasons[key], pair).toBeDefined()
      const text = formatImportReason(field, key, importParams(field, PARAMS), en)
      // Chinese only inside “quotes” (a member's name), or as the words a cell must hold (男, 汉族, 1985年3月).
      if (!CHOICE_KEYS.includes(key)) expect(text.replace(/“[^”]*”/g, ''), pair).not.toMatch(CJK)
    }
  })

  it('words a whole row error in both languages from the same key and params', () => {
    const words = importErrorWords(12, '公民身份号码', 'idNumber', 'idNumber.checksum', { expected: 'X' })
    expect(words.params).toEqual({ field: '@fields.idNumber', expected: 'X' })
    expect(words.message).toBe('第 12 行 公民身份号码：校验位错误，应为 X，请核对后重新导入')
    const reasonEn = formatImportReason('idNumber', 'idNumber.checksum', words.params, en)
    expect(formatImportRow(12, '公民身份号码', reasonEn, String(words.params.field), en))
      .toBe('Row 12, ID number: the check character is wrong; it should be X. Check it and import again.')
    const dup = importErrorWords(9, '工号', 'employeeNo', 'import.duplicateInFile', { row: 4 })
    expect(formatImportReason('employeeNo', 'import.duplicateInFile', dup.params, en))
      .toBe('the same employee no. as row 4; a person is registered only once, so delete or merge the duplicate rows')
  })

  it('falls back to the general error for a key it has no import wording for', () => {
    expect(formatImportReason('name', 'status.futureDate', importParams('name'))).toBe(zhCN.errors['status.futureDate'])
  })

  it('keeps the roster keys of errors.* in zh-CN', () => {
    expect(zhCN.errors['import.cancelled']).toBe('导入已取消，会员名册未作任何改动')
    expect(Object.keys(zhCN.errors).filter((k) => k.startsWith('import.') || k.startsWith('export.')).length).toBeGreaterThan(0)
  })
})
