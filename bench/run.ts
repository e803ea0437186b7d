import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

/**
 * `npm run bench`: each benchmark in its own process (clean memory figures), each printing one line
 * per figure with its target and its ratio to a floor measured in the same run.
 */
const benches = ['bench/search-bench.ts', 'bench/roster-bench.ts'].filter((f) => existsSync(f))
let failed = 0
for (const file of benches) {
  console.log(`\n=== ${file}`)
  const r = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit' })
  if (r.status !== 0) failed++
}
process.exit(failed ? 1 : 0)
