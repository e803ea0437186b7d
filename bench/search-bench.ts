import { devKeyFileProtector } from '../electron/core/crypto/key-vault'
import { performance } from 'node:perf_hooks'
import { localDate } from '../electron/core/clock'
import { seedDemo } from '../electron/core/demo/seed-demo'
import { LIST_PAGE_SIZE, memberSearchSchema } from '../shared/domain/member'
import { openWorkspace } from '../electron/core/workspace'
import { makeTempDir } from '../tests/fixtures/temp-workspace'
import { measure, report, type Latency } from './bench-kit'

/**
 * Search at 100k members (issue 2, performance.md): p95 of the core's members.search for each kind
 * of query, against the bare FTS phrase query on the same database as the floor.
 */
const COUNT = Number(process.env.BENCH_MEMBERS ?? 100_000)
const tmp = makeTempDir('uniondesk-bench-')
try {
  const clock = { now: () => new Date() }
  const ws = await openWorkspace('real', { dataDir: tmp.dir, clock, keyProtector: devKeyFileProtector })
  const t0 = performance.now()
  await seedDemo(ws.db, clock, ws.idNumbers, COUNT)
  const seedSeconds = (performance.now() - t0) / 1000
  report(`seed ${COUNT.toLocaleString()} demo members (app's bulk path into an empty register: indexes built after the rows)`, COUNT / seedSeconds, 'rows/s', '(info; the import figures are in roster-bench)', true)
  await ws.db.exec('PRAGMA optimize')

  type Row = { name: string; name_pinyin: string; name_initials: string; mobile: string; id_tail: string; employee_no: string }
  // ID numbers are stored sealed; the masked form keeps the last four, which is what users search by.
  const sample = await ws.db.all<Row>(
    'SELECT name, name_pinyin, name_initials, mobile, substr(id_masked, -4) AS id_tail, employee_no FROM members WHERE id % 97 = 0 LIMIT 400')
  const pick = (f: (r: Row) => string) => sample.map(f)
  const kinds: Record<string, string[]> = {
    '1-char (surname)': pick((r) => [...r.name][0]!),
    '2-char name': pick((r) => [...r.name].slice(0, 2).join('')),
    'whole name (2-4 chars)': pick((r) => r.name),
    'pinyin initials': pick((r) => r.name_initials.slice(0, 3)),
    'full pinyin': pick((r) => r.name_pinyin.slice(0, 8)),
    'phone fragment': pick((r) => r.mobile.slice(3, 8)),
    'ID number last 4': pick((r) => r.id_tail),
    'employee no.': pick((r) => r.employee_no.slice(2)),
  }
  // The floor: the index query performance.md names (FTS5 phrase on single characters, LIMIT 50),
  // through the same connection wrapper, so it carries the same round trip to SQLite's thread.
  const bare = await measure(kinds['2-char name']!, (q) =>
    ws.db.all('SELECT rowid FROM member_name_fts WHERE member_name_fts MATCH ? LIMIT 50', [`"${[...q].join(' ')}"`]))
  const floor = { name: 'bare FTS phrase', value: bare.p95 }
  const hop = await measure(kinds['2-char name']!, () => ws.db.get('SELECT 1'))
  console.log(`floor: bare FTS phrase query p50 ${bare.p50.toFixed(3)} ms, p95 ${bare.p95.toFixed(3)} ms (every call: p95 ${bare.rawP95.toFixed(3)}); ` +
    `a bare round trip (SELECT 1) p50 ${hop.p50.toFixed(3)} ms`)
  console.log(`search = members.search as the list calls it: request parsed, one prepared statement (page of ${LIST_PAGE_SIZE} rows, the list's page size, + capped count), rows built`)
  console.log('p95 = over queries of each query\'s median of 3 runs; "every call" = p95 over all runs (scheduler noise included)')
  const line = (label: string, r: Latency) => report(`search p95, ${label} (p50 ${r.p50.toFixed(3)} ms, every call p95 ${r.rawP95.toFixed(3)} ms, n=${r.n})`,
    r.p95, 'ms', '≤ 1 ms', r.p95 <= 1, floor)
  for (const [kind, queries] of Object.entries(kinds)) {
    line(kind, await measure(queries, (query) => ws.members.search(memberSearchSchema.parse({ query, limit: LIST_PAGE_SIZE }))))
  }
  line('2-char name + status filter', await measure(kinds['2-char name']!.slice(0, 100), (query) =>
    ws.members.search(memberSearchSchema.parse({ query, status: 'active', limit: LIST_PAGE_SIZE }))))
  const firstPage = await measure(Array.from({ length: 50 }, (_, i) => i * 2 * LIST_PAGE_SIZE), (offset) =>
    ws.members.search(memberSearchSchema.parse({ offset, limit: LIST_PAGE_SIZE })))
  report(`list page of ${LIST_PAGE_SIZE} + exact count, no filter (virtual table scroll)`, firstPage.p95, 'ms', '(info)', true, floor)
  console.log(`date ${localDate(new Date())}, ${COUNT} members`)
  await ws.db.close()
} finally {
  tmp.cleanup()
}
