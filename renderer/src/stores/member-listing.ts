import { computed, reactive, ref, shallowRef } from 'vue'
import { LIST_PAGE_SIZE, type MemberListRow, type MemberSearch } from '../../../shared/domain/member'

export const PAGE_SIZE = LIST_PAGE_SIZE

export type MemberFilters = Omit<MemberSearch, 'offset' | 'limit'>
export type MemberPage = { total: number; totalCapped?: boolean; rows: MemberListRow[] }
export type FetchMemberPage = (filters: MemberFilters, offset: number, limit: number) => Promise<MemberPage>

/** A row the virtual table shows before its page has arrived. */
export type PlaceholderRow = { id: number; placeholder: true }
export type MemberRow = MemberListRow | PlaceholderRow

export function isPlaceholder(row: MemberRow): row is PlaceholderRow {
  return 'placeholder' in row
}

export function defaultFilters(): MemberFilters {
  return {
    query: '', departmentId: null, status: null, gender: null, ethnicity: null,
    unqualifiedOnly: false, sort: 'name', order: 'asc',
  }
}

// Placeholders depend only on the index, so one shared array serves every listing and reload.
const placeholders: PlaceholderRow[] = []
function placeholderAt(i: number): PlaceholderRow {
  for (let k = placeholders.length; k <= i; k++) placeholders.push({ id: -(k + 1), placeholder: true })
  return placeholders[i]!
}

/**
 * One filtered view of the register, loaded lazily for a virtual table: pages of PAGE_SIZE rows are
 * fetched as they scroll into view and kept in a sparse cache keyed by offset. Changing the filters
 * starts a new generation; answers from an older generation are dropped, so a slow response for a
 * previous query never overwrites the current one.
 */
export function createMemberListing(fetchPage: FetchMemberPage, fixed: Partial<MemberFilters> = {}) {
  const filters = reactive<MemberFilters>({ ...defaultFilters(), ...fixed })
  const total = ref<number | null>(null)
  /** Core stops counting text hits at a cap: the list then shows the first ones and asks to narrow. */
  const capped = ref(false)
  const generation = ref(0)
  const loading = ref(false)
  const error = shallowRef<unknown>(null)
  const pages = new Map<number, MemberListRow[]>()
  const inFlight = new Set<number>()
  const version = ref(0) // bumps when a page lands, so `rows` is rebuilt
  let lastRange: [number, number] = [0, PAGE_SIZE - 1]

  async function loadPage(offset: number): Promise<void> {
    const gen = generation.value
    inFlight.add(offset)
    loading.value = true
    try {
      const page = await fetchPage({ ...filters }, offset, PAGE_SIZE)
      if (gen !== generation.value) return
      pages.set(offset, page.rows)
      total.value = page.total
      capped.value = page.totalCapped ?? false
      error.value = null
      version.value++
    } catch (err) {
      if (gen === generation.value) error.value = err
    } finally {
      if (gen === generation.value) {
        inFlight.delete(offset)
        loading.value = inFlight.size > 0
      }
    }
  }

  /** Makes sure the rows start..end (inclusive) are loaded or on their way. */
  function ensureRange(start: number, end: number): Promise<void> {
    lastRange = [start, end]
    const jobs: Promise<void>[] = []
    const last = total.value === null ? end : Math.min(end, total.value - 1)
    for (let offset = Math.floor(Math.max(0, start) / PAGE_SIZE) * PAGE_SIZE; offset <= Math.max(last, 0); offset += PAGE_SIZE) {
      if (!pages.has(offset) && !inFlight.has(offset)) jobs.push(loadPage(offset))
    }
    return Promise.all(jobs).then(() => undefined)
  }

  function dropCache(): void {
    generation.value++
    pages.clear()
    inFlight.clear()
  }

  /** New filters: forget everything and start from the top. */
  function reload(): Promise<void> {
    dropCache()
    lastRange = [0, PAGE_SIZE - 1]
    return loadPage(0)
  }

  /** Records changed (add, edit, status): fetch the rows in view again, keeping the scroll position. */
  function refresh(): Promise<void> {
    const [start, end] = lastRange
    dropCache()
    return ensureRange(start, end)
  }

  /** Everything belongs to another database now; load again when next shown. */
  function forget(): void {
    dropCache()
    total.value = null
    version.value++
  }

  function resetFilters(): void {
    Object.assign(filters, defaultFilters(), fixed)
  }

  const rows = computed<MemberRow[]>(() => {
    void version.value
    const n = total.value ?? 0
    const out = new Array<MemberRow>(n)
    for (let offset = 0; offset < n; offset += PAGE_SIZE) {
      const page = pages.get(offset)
      const end = Math.min(n, offset + PAGE_SIZE)
      for (let i = offset; i < end; i++) out[i] = page?.[i - offset] ?? placeholderAt(i)
    }
    return out
  })

  return { filters, total, capped, rows, loading, error, generation, ensureRange, reload, refresh, forget, resetFilters }
}

export type MemberListing = ReturnType<typeof createMemberListing>
