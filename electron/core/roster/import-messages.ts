import { formatErrorZh } from '../../../shared/messages/format'
import { fieldLabel, MEMBER_FIELD_OF, type ImportField } from './fields'

type Params = Record<string, string | number>

/**
 * Messages only the roster import and export need. Keys follow shared/messages; these should move
 * into shared/messages/zh-CN.ts (`errors.*`) so the renderer can word them in English too.
 */
export const ROSTER_MESSAGES_ZH: Record<string, string> = {
  'import.idNumberAsNumber':
    '身份证号码被 Excel 存成了数字（显示为 {shown}），超过 15 位的数字已被改动，无法还原。请把该列设置为“文本”格式，照身份证重新录入后再导入',
  'import.duplicateInFile': '与第 {row} 行的{field}相同，同一人只能登记一次，请删除或合并重复的行',
  'import.sameMemberTwice': '与第 {row} 行对应同一名已登记的会员“{other}”，请合并这两行',
  'import.idAndEmployeeNoConflict': '身份证号码属于已登记的会员“{other}”，工号却属于会员“{another}”，请核对',
  'import.headerNotFound': '没有找到表头行（至少要有“姓名”和另一列，如“身份证号码”），请检查文件或选择其他工作表',
  'import.nameNotMapped': '请为“姓名”选择对应的列',
  'import.columnTwice': '第 {column} 列被指定给了两个项目，请修改对应关系',
  'import.unreadable': '无法读取文件“{file}”，请确认它是 .xlsx 或 .csv 文件，并且没有在其他程序中打开',
  'import.unsupportedType': '只能导入 .xlsx 或 .csv 文件；.xls 文件请先在 Excel 或 WPS 中另存为 .xlsx',
  'import.sheetNotFound': '文件中没有名为“{sheet}”的工作表',
  'import.cancelled': '导入已取消，会员名册未作任何改动',
  'export.outsideFolder': '文件名无效，请换一个文件名',
}

/** Hints that make a generic message useful for a spreadsheet cell. */
const FIELD_HINTS: Partial<Record<string, string>> = {
  'gender.invalidOption': '应填写“男”或“女”',
  'ethnicity.invalidOption': '无法识别，请填写民族名称（如“汉族”“藏族”）或两位代码（如“01”）',
  'education.invalidOption': '无法识别，请填写研究生、大学本科、大学专科、中专或高中、初中及以下之一',
  'politicalStatus.invalidOption': '无法识别，请填写中共党员、中共预备党员、共青团员、民主党派或群众',
  'migrantWorker.invalidOption': '应填写“是”或“否”',
  'wageBase.invalidNumber': '应为不小于 0 的金额（元），如 5000 或 5000.50',
  'birthDate.invalidDate': '不是有效日期，请填写如 1985-03-01 或 1985年3月 的日期',
  'joinDate.invalidDate': '不是有效日期，请填写如 2010-07-01 或 2010年7月 的日期',
}

/** A message in zh-CN from our catalogue or shared/messages. */
export function rosterMessageZh(messageKey: string, params?: Params, field?: string): string {
  const own = ROSTER_MESSAGES_ZH[messageKey]
  if (own) return own.replace(/\{(\w+)\}/g, (_, k: string) => String(params?.[k] ?? ''))
  return formatErrorZh(messageKey, field, params)
}

/**
 * The reason for one cell, worded to follow "第 12 行 身份证号码：": the field's name is not repeated
 * and "重新输入" becomes "重新导入".
 */
export function importReasonZh(field: ImportField, messageKey: string, params?: Params): string {
  const hint = FIELD_HINTS[`${field}.${messageKey}`]
  if (hint) return hint
  const label = fieldLabel(field)
  let text = rosterMessageZh(messageKey, { field: label, ...params }, MEMBER_FIELD_OF[field])
  if (text.startsWith(label)) text = text.slice(label.length).replace(/^的/, '')
  return text.replace('重新输入', '重新导入')
}

/** 「第 12 行 身份证号码：校验位错误，应为 X，请核对后重新导入」 */
export function rowMessageZh(rowNumber: number, column: string, reason: string): string {
  return `第 ${rowNumber} 行 ${column}：${reason}`
}
