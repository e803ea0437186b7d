import { cellText, type CellValue } from './cell-normalize'
import type { ImportField } from './fields'

/**
 * Finds the header row of a roster (skipping title rows and merged banners above it) and proposes
 * which column fills which field. The user confirms or changes the proposal before anything is written.
 */

const EXACT: Record<string, ImportField> = {}
const add = (field: ImportField, ...names: string[]) => { for (const n of names) EXACT[n] = field }
add('name', '姓名', '名字', '会员姓名', '职工姓名', '员工姓名', '人员姓名')
add('gender', '性别')
add('ethnicity', '民族', '民族名称')
add('idNumber', '身份证号', '身份证号码', '公民身份号码', '身份证', '身份证件号码', '证件号码', '居民身份证号码', '身份证编号')
add('birthDate', '出生日期', '出生年月', '出生年月日', '生日', '出生时间')
add('mobile', '手机', '手机号', '手机号码', '联系电话', '电话', '联系方式', '移动电话', '电话号码', '联系手机')
add('department', '部门', '单位', '所在部门', '所在单位', '工作单位', '科室', '车间', '部门名称', '所属部门', '班组', '所在科室')
add('post', '岗位', '职务', '岗位名称', '工种', '现任岗位', '现任职务')
add('title', '职称', '技术职称', '专业技术职称', '职称等级', '专业技术职务')
add('employeeNo', '工号', '员工编号', '职工编号', '员工号', '人员编号', '职工号', '员工工号')
add('education', '文化程度', '学历', '最高学历')
add('politicalStatus', '政治面貌')
add('nativePlace', '籍贯')
add('joinDate', '入会时间', '入会日期', '入会年月', '加入工会时间', '入会年份')
add('cardNo', '会员证号', '会员证号码', '会员证编号', '会员卡号')
add('wageBase', '工资', '缴费基数', '缴费工资基数', '工资基数', '月工资', '会费基数', '缴费工资', '月工资收入')
add('migrantWorker', '农民工', '是否农民工')

/** Tried in order when no exact name matches: a header that contains the word. */
const CONTAINS: ReadonlyArray<[RegExp, ImportField]> = [
  [/身份证|身份号码/, 'idNumber'], [/会员证|会员卡/, 'cardNo'], [/入会/, 'joinDate'], [/出生/, 'birthDate'],
  [/政治面貌/, 'politicalStatus'], [/学历|文化程度/, 'education'], [/农民工/, 'migrantWorker'], [/民族/, 'ethnicity'],
  [/性别/, 'gender'], [/籍贯/, 'nativePlace'], [/职称/, 'title'], [/工号|员工编号|职工编号/, 'employeeNo'],
  [/手机|电话/, 'mobile'], [/缴费基数|工资/, 'wageBase'], [/岗位|职务|工种/, 'post'], [/姓名/, 'name'],
  [/部门|科室|车间|单位/, 'department'],
]

/** Trims decoration off a header: spaces, line breaks, "*" for required, "（元）"-style notes, a colon. */
export function normalizeHeader(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s\u200B-\u200F\u2060\uFEFF]/g, '')
    .replace(/\(.*?\)|\[.*?\]|【.*?】|<.*?>/g, '')
    .replace(/^[*#※]+|[*#※:]+$/g, '')
}

export function matchHeader(raw: string): ImportField | null {
  const h = normalizeHeader(raw)
  if (!h) return null
  const exact = EXACT[h]
  if (exact) return exact
  // Long texts and "label: value" lines are titles or notes, not headers.
  if (h.length > 10 || /[:：]/.test(h)) return null
  for (const [re, field] of CONTAINS) if (re.test(h)) return field
  return null
}

export type DetectedColumn = { index: number; header: string; field: ImportField | null }
export type HeaderGuess = { headerRow: number; columns: DetectedColumn[]; matched: number }

/** How many rows from the top are searched for the header. */
export const HEADER_SEARCH_ROWS = 30

type SheetRow = { rowNumber: number; cells: readonly CellValue[] }

/** A row's cells as headers, each field going to the first column that names it; `keep` decides which columns are listed. */
function headerColumns(cells: readonly CellValue[], textOnly: boolean, keep: (index: number, header: string) => boolean) {
  const taken = new Set<ImportField>()
  const columns: DetectedColumn[] = []
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] ?? null
    const header = textOnly && typeof cell !== 'string' ? '' : cellText(cell)
    if (!keep(i + 1, header)) continue
    let field = header ? matchHeader(header) : null
    if (field && taken.has(field)) field = null
    if (field) taken.add(field)
    columns.push({ index: i + 1, header, field })
  }
  return { columns, taken }
}

/**
 * Picks the row that names the most distinct fields (at least two, one of them the name) among the
 * first rows; ties go to the upper row. Each field goes to the first column that names it.
 */
export function detectHeader(rows: ReadonlyArray<SheetRow>): HeaderGuess | null {
  let best: HeaderGuess | null = null
  for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const { columns, taken } = headerColumns(row.cells, true, (_, header) => header !== '')
    if (taken.size >= 2 && taken.has('name') && (!best || taken.size > best.matched)) {
      best = { headerRow: row.rowNumber, columns, matched: taken.size }
    }
  }
  return best
}

/**
 * The header row the user pointed at, taken as it is: fields are matched as detectHeader would, but
 * none is required (what is not recognised is mapped by hand). Columns with a blank header are
 * listed too when the rows below hold something there, so they can be mapped; null for a blank row.
 */
export function headerFromRow(header: SheetRow, below: ReadonlyArray<SheetRow>): HeaderGuess | null {
  const filled = (cells: readonly CellValue[], index: number) => cellText(cells[index - 1] ?? null) !== ''
  const width = Math.max(header.cells.length, ...below.map((r) => r.cells.length))
  const cells = Array.from({ length: width }, (_, i) => header.cells[i] ?? null)
  const { columns, taken } = headerColumns(cells, false, (index, text) => text !== '' || below.some((r) => filled(r.cells, index)))
  if (!columns.some((c) => c.header !== '')) return null
  return { headerRow: header.rowNumber, columns, matched: taken.size }
}
