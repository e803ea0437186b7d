import { describe, expect, it } from 'vitest'
import { detectHeader, headerFromRow, matchHeader, normalizeHeader } from './header-detection'

describe('header names', () => {
  it('recognises the usual Chinese variants', () => {
    const cases: Record<string, string> = {
      姓名: 'name', 名字: 'name', 性别: 'gender', 身份证号: 'idNumber', 身份证号码: 'idNumber', 公民身份号码: 'idNumber',
      民族: 'ethnicity', 出生日期: 'birthDate', 出生年月: 'birthDate', 部门: 'department', 单位: 'department',
      所在部门: 'department', 手机: 'mobile', 联系电话: 'mobile', 电话: 'mobile', 入会时间: 'joinDate', 入会日期: 'joinDate',
      工号: 'employeeNo', 员工编号: 'employeeNo', 文化程度: 'education', 学历: 'education', 政治面貌: 'politicalStatus',
      会员证号: 'cardNo', 籍贯: 'nativePlace', 岗位: 'post', 职称: 'title', 工资: 'wageBase', 缴费基数: 'wageBase',
      农民工: 'migrantWorker', '是否农民工': 'migrantWorker',
    }
    for (const [header, field] of Object.entries(cases)) expect(matchHeader(header), header).toBe(field)
  })

  it('ignores decoration and leaves unknown or long headers unmapped', () => {
    expect(normalizeHeader(' *身份证号码\n（18位） ')).toBe('身份证号码')
    expect(matchHeader('*姓 名')).toBe('name')
    expect(matchHeader('缴费工资基数（元）')).toBe('wageBase')
    expect(matchHeader('身份证号码(必填)')).toBe('idNumber')
    expect(matchHeader('序号')).toBeNull()
    expect(matchHeader('备注')).toBeNull()
    expect(matchHeader('错误说明')).toBeNull()
    expect(matchHeader('填报单位：青海示例水电有限公司工会')).toBeNull()
  })
})

describe('finding the header row', () => {
  it('skips a title banner and a 填报单位 line', () => {
    const rows = [
      { rowNumber: 1, cells: ['青海示例公司工会会员花名册'] },
      { rowNumber: 2, cells: ['填报单位：青海示例公司', null, null, '日期：2026年11月'] },
      { rowNumber: 4, cells: ['序号', '姓名', '性别', '身份证号', '手机', '手机号码', '备注'] },
      { rowNumber: 5, cells: [1, '张三', '男', '630102198503011234', '13800138000', null, null] },
    ]
    const guess = detectHeader(rows)!
    expect(guess.headerRow).toBe(4)
    expect(guess.columns.map((c) => c.field)).toEqual([null, 'name', 'gender', 'idNumber', 'mobile', null, null])
  })

  it('needs the name and one more field', () => {
    expect(detectHeader([{ rowNumber: 1, cells: ['姓名', '备注'] }])).toBeNull()
    expect(detectHeader([{ rowNumber: 1, cells: ['性别', '民族'] }])).toBeNull()
  })
})

describe('a header row the user chose', () => {
  it('matches what it can, needs no name, and lists blank-headed columns that hold data', () => {
    const header = { rowNumber: 2, cells: ['人员', '手机', null, '手机号码', 2026, null] }
    const below = [{ rowNumber: 3, cells: ['张三', '13800138000', '夜班', null, null, null] }]
    expect(headerFromRow(header, below)).toEqual({
      headerRow: 2, matched: 1, columns: [
        { index: 1, header: '人员', field: null },
        { index: 2, header: '手机', field: 'mobile' },
        { index: 3, header: '', field: null },
        { index: 4, header: '手机号码', field: null }, // mobile is taken by the first column that names it
        { index: 5, header: '2026', field: null },
      ],
    })
  })

  it('is nothing for a row without any text', () => {
    expect(headerFromRow({ rowNumber: 1, cells: [null, ' '] }, [{ rowNumber: 2, cells: ['张三'] }])).toBeNull()
  })
})
