import { afterEach, describe, expect, it } from 'vitest'
import { defaultFilters } from '../stores/member-listing'
import { setLocale } from '../i18n'
import {
  describeFilters, filterSentence, importPercent, importProgressText, importSummaryText, roundRate, type FilterWords,
} from './roster-format'

afterEach(() => setLocale('zh-CN'))

const words: FilterWords = {
  department: (id) => (id === 3 ? '发电运行部' : `#${id}`),
  status: (s) => (s === 'active' ? '在册' : s),
  gender: (g) => (g === 'F' ? '女' : '男'),
  ethnicity: (c) => (c === '04' ? '藏族' : c),
}

describe('import progress text', () => {
  it('reads 「已处理 12,000 / 100,000 行，约 9,800 行/秒」', () => {
    expect(importProgressText({ rowsDone: 12_000, total: 100_000, rowsPerSecond: 9_837.4 }))
      .toBe('已处理 12,000 / 100,000 行，约 9,800 行/秒')
  })

  it('leaves out the speed before there is one, and the total when unknown', () => {
    expect(importProgressText({ rowsDone: 0, total: 20_000, rowsPerSecond: 0 })).toBe('已处理 0 / 20,000 行')
    expect(importProgressText({ rowsDone: 1_500, total: null, rowsPerSecond: 512 })).toBe('已处理 1,500 行，约 510 行/秒')
  })

  it('follows the chosen language', () => {
    setLocale('en')
    expect(importProgressText({ rowsDone: 12_000, total: 100_000, rowsPerSecond: 9_837 }))
      .toBe('12,000 / 100,000 rows processed, about 9,800 rows/s')
  })

  it('rounds speeds to what is worth reading', () => {
    expect([0, -3, Number.NaN, 7.4, 47, 512, 999, 1_049, 9_837, 12_345, 123_456].map(roundRate))
      .toEqual([0, 0, 0, 7, 50, 510, 1_000, 1_000, 9_800, 12_000, 120_000])
  })

  it('fills the bar by rows done; 100 only when done', () => {
    expect(importPercent({ rowsDone: 12_000, total: 100_000, state: 'running' })).toBe(12)
    expect(importPercent({ rowsDone: 100_000, total: 100_000, state: 'running' })).toBe(99)
    expect(importPercent({ rowsDone: 5, total: null, state: 'running' })).toBe(0)
    expect(importPercent({ rowsDone: 5, total: null, state: 'done' })).toBe(100)
  })

  it('sums up the result in one sentence', () => {
    expect(importSummaryText({ inserted: 1_234, updated: 5, skipped: 0, errors: 2 }))
      .toBe('新增 1,234 人，更新 5 人，跳过 0 行，2 行有错误未导入')
  })
})

describe('the export filter in words', () => {
  it('says 「全部会员」 when nothing is filtered', () => {
    expect(describeFilters(defaultFilters(), words)).toBe('全部会员')
    expect(filterSentence(defaultFilters(), words, 1_234)).toBe('当前筛选：全部会员，共 1,234 人')
  })

  it('names each active filter with its value', () => {
    const f = { ...defaultFilters(), departmentId: 3, status: 'active' as const }
    expect(filterSentence(f, words, 1_234)).toBe('当前筛选：部门 发电运行部，状态 在册，共 1,234 人')
    const g = { ...defaultFilters(), query: ' zx ', gender: 'F' as const, ethnicity: '04' as const }
    expect(describeFilters(g, words)).toBe('搜索“zx”，性别 女，民族 藏族')
    expect(filterSentence(g, words, 1_000, true)).toBe('当前筛选：搜索“zx”，性别 女，民族 藏族，超过 1,000 人')
  })
})
