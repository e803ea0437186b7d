import { describe, expect, it } from 'vitest'
import type { Member } from '../../../shared/domain/member'
import { createMemberListing, isPlaceholder, PAGE_SIZE, type MemberFilters, type MemberPage } from './member-listing'

/** A register of `total` members served page by page; calls are recorded, answers can be held back. */
function fakeRegister(total: number) {
  const calls: { offset: number; query: string }[] = []
  const held: (() => void)[] = []
  let holding = false
  const fetchPage = (filters: MemberFilters, offset: number, limit: number): Promise<MemberPage> => {
    calls.push({ offset, query: filters.query })
    const rows = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) =>
      ({ id: offset + i + 1, name: `${filters.query || 'm'}${offset + i}` }) as unknown as Member)
    const page = { total, rows }
    if (!holding) return Promise.resolve(page)
    return new Promise((resolve) => held.push(() => resolve(page)))
  }
  return { fetchPage, calls, held, hold: (on: boolean) => { holding = on } }
}

describe('member listing (sparse page cache for the virtual table)', () => {
  it('loads the first page, then only the pages that scroll into view, once each', async () => {
    const reg = fakeRegister(100_000)
    const listing = createMemberListing(reg.fetchPage)
    await listing.reload()
    expect(listing.total.value).toBe(100_000)
    expect(listing.rows.value).toHaveLength(100_000)
    expect(isPlaceholder(listing.rows.value[0]!)).toBe(false)
    expect(isPlaceholder(listing.rows.value[50_000]!)).toBe(true)

    const page = 50_000 - (50_000 % PAGE_SIZE)
    await listing.ensureRange(page + 2, page + 10)
    await listing.ensureRange(page + 5, page + PAGE_SIZE - 1) // same page: cached, no new call
    expect(reg.calls.map((c) => c.offset)).toEqual([0, page])
    const row = listing.rows.value[page + 5]!
    expect(isPlaceholder(row) ? null : row.name).toBe(`m${page + 5}`)

    await listing.ensureRange(page + PAGE_SIZE - 5, page + PAGE_SIZE + 5) // crosses into the next page
    expect(reg.calls.map((c) => c.offset)).toEqual([0, page, page + PAGE_SIZE])
  })

  it('drops an answer that arrives after the filters changed', async () => {
    const reg = fakeRegister(500)
    const listing = createMemberListing(reg.fetchPage)
    reg.hold(true)
    listing.filters.query = 'old'
    const stale = listing.reload()
    reg.hold(false)
    listing.filters.query = 'zs'
    await listing.reload()
    reg.held.forEach((release) => release()) // the slow answer for 'old' lands last
    await stale
    const first = listing.rows.value[0]!
    expect(isPlaceholder(first) ? null : first.name).toBe('zs0')
  })

  it('refresh re-fetches the rows in view and keeps the fixed filter on reset', async () => {
    const reg = fakeRegister(1_000)
    const listing = createMemberListing(reg.fetchPage, { unqualifiedOnly: true })
    await listing.reload()
    const inView = 10 * PAGE_SIZE
    await listing.ensureRange(inView, inView + PAGE_SIZE - 1)
    reg.calls.length = 0
    await listing.refresh()
    expect(reg.calls.map((c) => c.offset)).toEqual([inView])
    listing.filters.query = 'x'
    listing.resetFilters()
    expect(listing.filters.query).toBe('')
    expect(listing.filters.unqualifiedOnly).toBe(true)
  })
})
