import { rename, rm } from 'node:fs/promises'
import { makeIdNumber } from '../../../shared/domain/id-number'
import { FIELD_HEADERS, IMPORT_FIELDS, type ImportField } from './fields'
import { loadExcelJS } from './read-roster'

/**
 * The blank import template: a title row, the expected headers, one example row, and a second
 * sheet explaining how to fill it. Number-like columns are formatted as text, so Excel keeps all
 * 18 digits of an ID number typed into them.
 */
export const TEMPLATE_EXAMPLE: Record<ImportField, string | number> = {
  name: '张三', gender: '男', ethnicity: '汉族', idNumber: makeIdNumber('630102', '19850301', 123), birthDate: '1985-03-01',
  mobile: '13800000000', department: '综合办公室', post: '办公室文员', title: '助理工程师', employeeNo: 'E000001',
  education: '大学本科', politicalStatus: '中共党员', nativePlace: '青海西宁', joinDate: '2010-07-01', cardNo: 'QH0000001',
  wageBase: 5000, migrantWorker: '否',
}
const TEXT_FIELDS: ReadonlySet<ImportField> = new Set(['idNumber', 'mobile', 'employeeNo', 'cardNo', 'birthDate', 'joinDate'])
const WIDTHS: Partial<Record<ImportField, number>> = { idNumber: 21, mobile: 14, department: 14, wageBase: 16, nativePlace: 12 }

const NOTES = [
  '1. 第 2 行是表头，请不要修改；第 3 行是示例，填写前请删除。',
  '2. “姓名”必填；“身份证号码”“性别”“民族”“部门”“入会日期”缺少时可以导入，但会列入“待完善”名单。',
  '3. 身份证号码列已设为“文本”格式：请直接输入 18 位号码，末位 x 大小写均可。若号码显示为 6.30102E+17，说明被存成了数字，后几位已丢失，请重新输入。',
  '4. 日期可写作 1985-03-01、1985/3/1、1985年3月、19850301；只写年月时按该月 1 日登记（与身份证一致时按身份证日期）。',
  '5. 民族可写“藏族”“藏”或代码“04”；性别写“男”“女”；农民工写“是”“否”。',
  '6. 文化程度：研究生、大学本科、大学专科、中专或高中、初中及以下；政治面貌：中共党员、中共预备党员、共青团员、民主党派、群众。',
  '7. 部门不存在时导入会自动新建；与已登记会员身份证号码相同的行，可选择跳过或更新。',
  '8. 表格下方的“合计”“备注”“制表人”等行会被自动忽略。',
]

export async function writeTemplate(filePath: string): Promise<void> {
  const ExcelJS = await loadExcelJS()
  const tmp = `${filePath}.${process.pid}.tmp`
  try {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useStyles: true, useSharedStrings: false })
    const ws = wb.addWorksheet('会员花名册', { views: [{ state: 'frozen', ySplit: 2 }] })
    ws.columns = IMPORT_FIELDS.map((f) => ({ width: WIDTHS[f] ?? 11, style: TEXT_FIELDS.has(f) ? { numFmt: '@' } : {} }))
    const title = ws.addRow(['工会会员花名册（导入模板）'])
    title.font = { bold: true, size: 14 }
    ws.mergeCells(1, 1, 1, IMPORT_FIELDS.length)
    title.commit()
    const header = ws.addRow(IMPORT_FIELDS.map((f) => FIELD_HEADERS[f]))
    header.font = { bold: true }
    header.eachCell((cell) => { cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } } })
    header.commit()
    const example = ws.addRow(IMPORT_FIELDS.map((f) => TEMPLATE_EXAMPLE[f]))
    example.font = { color: { argb: 'FF808080' } }
    example.commit()
    ws.commit()
    const notes = wb.addWorksheet('填写说明')
    notes.columns = [{ width: 110 }]
    notes.addRow(['填写说明']).commit()
    for (const line of NOTES) notes.addRow([line]).commit()
    notes.commit()
    await wb.commit()
    await rename(tmp, filePath)
  } catch (err) {
    await rm(tmp, { force: true })
    throw err
  }
}
