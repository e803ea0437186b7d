import { describe, expect, it } from 'vitest'
import { columnChoices, columnLetter, mappingFromChoices, validateChoices, type RosterDetection } from './roster-mapping'

/** What core's roster.detect returns for a messy sheet: a title banner, the header in row 2. */
const detection: RosterDetection = {
  fileName: '花名册.xlsx',
  kind: 'xlsx',
  sheets: ['花名册', '说明'],
  sheet: '花名册',
  mapping: { sheet: '花名册', sheetIndex: 0, headerRow: 2, columns: { name: 1, idNumber: 2, ethnicity: 3, department: 4 } },
  headerRow: 2,
  headerChosen: false,
  columns: [
    { index: 1, header: '名字', field: 'name' },
    { index: 2, header: '公民身份号码', field: 'idNumber' },
    { index: 3, header: '民族', field: 'ethnicity' },
    { index: 4, header: '所在部门', field: 'department' },
    { index: 5, header: '备注', field: null },
  ],
  sampleRows: [
    { rowNumber: 3, cells: ['扎西', '632521198806150011', '藏', '发电运行部', ''] },
    { rowNumber: 4, cells: ['卓玛', '', '藏族', '发电运行部'] },
    { rowNumber: 5, cells: ['李明', '630102198503120012', '汉', '办公室', '新入职'] },
    { rowNumber: 6, cells: ['王芳', '630102199001010013', '回', '办公室', ''] },
  ],
  rawRows: [
    { rowNumber: 1, cells: ['西宁示范水电工会会员花名册'] },
    { rowNumber: 2, cells: ['名字', '公民身份号码', '民族', '所在部门', '备注'] },
  ],
  totalRowsEstimate: 32,
}

describe('column mapping', () => {
  it('names columns as Excel does', () => {
    expect([1, 2, 26, 27, 52, 53, 702, 703].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA'])
  })

  it('shows each column with up to three non-blank samples, pre-filled from detection', () => {
    const choices = columnChoices(detection)
    expect(choices.map((c) => [c.letter, c.header, c.field])).toEqual([
      ['A', '名字', 'name'], ['B', '公民身份号码', 'idNumber'], ['C', '民族', 'ethnicity'], ['D', '所在部门', 'department'], ['E', '备注', null],
    ])
    expect(choices[0]!.samples).toEqual(['扎西', '卓玛', '李明'])
    expect(choices[1]!.samples).toEqual(['632521198806150011', '630102198503120012', '630102199001010013'])
    expect(choices[4]!.samples).toEqual(['新入职'])
  })

  it('accepts a mapping with 姓名 and every field once', () => {
    expect(validateChoices(columnChoices(detection))).toEqual([])
  })

  it('asks for 姓名 when no column fills it', () => {
    const choices = columnChoices(detection).map((c) => (c.field === 'name' ? { ...c, field: null } : c))
    expect(validateChoices(choices)).toEqual([{ kind: 'nameNotMapped' }])
  })

  it('names the field and the columns when two columns fill the same field', () => {
    const choices = columnChoices(detection).map((c) => (c.index === 5 ? { ...c, field: 'department' as const } : c))
    expect(validateChoices(choices)).toEqual([{ kind: 'fieldTwice', field: 'department', columns: ['D', 'E'] }])
    const both = choices.map((c) => (c.index === 1 ? { ...c, field: 'department' as const } : c))
    expect(validateChoices(both)).toEqual([
      { kind: 'nameNotMapped' }, { kind: 'fieldTwice', field: 'department', columns: ['A', 'D', 'E'] },
    ])
  })

  it('builds the mapping core takes (field → 1-based column) on the detected sheet and header row', () => {
    const choices = columnChoices(detection).map((c) => (c.index === 5 ? { ...c, field: 'post' as const } : c))
    expect(mappingFromChoices(detection.mapping!, choices)).toEqual({
      sheet: '花名册', sheetIndex: 0, headerRow: 2, columns: { name: 1, idNumber: 2, ethnicity: 3, department: 4, post: 5 },
    })
    const noIndex = mappingFromChoices({ sheet: 'CSV', headerRow: 1 }, [{ index: 3, field: 'name' }, { index: 1, field: null }])
    expect(noIndex).toEqual({ sheet: 'CSV', headerRow: 1, columns: { name: 3 } })
  })
})
