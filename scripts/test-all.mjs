#!/usr/bin/env node
// `npm test`: every check in one run — typecheck, lint, unit/component tests, build, e2e in Chromium —
// and one closing `N passed, N failed` line (CI reads it; vitest and Playwright lines are not read).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'

const results = { passed: 0, failed: 0, skipped: 0 }
const failures = []
mkdirSync('test-results', { recursive: true })

function run(label, command, args) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`)
  const r = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' })
  return r.status === 0
}

/** A step that is one check: passes or fails as a whole. */
function step(label, command, args) {
  if (run(label, command, args)) results.passed++
  else { results.failed++; failures.push(label) }
}

/** A test runner step: its own counts, read from its JSON report. */
function suite(label, command, args, reportFile, count) {
  rmSync(reportFile, { force: true })
  const ok = run(label, command, args)
  if (!existsSync(reportFile)) {
    results.failed++
    failures.push(`${label} (no report)`)
    return
  }
  const c = count(JSON.parse(readFileSync(reportFile, 'utf8')))
  results.passed += c.passed
  results.failed += c.failed
  results.skipped += c.skipped
  if (!ok && c.failed === 0) { results.failed++; failures.push(`${label} (runner error)`) }
  else if (c.failed > 0) failures.push(`${label}: ${c.failed} failed`)
}

step('typecheck', 'npm', ['run', '--silent', 'typecheck'])
step('lint', 'npm', ['run', '--silent', 'lint'])
suite('unit and component tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json'],
  'test-results/vitest.json', (j) => ({ passed: j.numPassedTests, failed: j.numFailedTests + (j.numRuntimeErrorTestSuites ?? 0), skipped: j.numPendingTests + j.numTodoTests }))
step('build (electron-vite: main, preload, renderer)', 'npm', ['run', '--silent', 'build'])
step('security scan of the built shell (electronegativity, justified findings only)', 'node', ['scripts/electronegativity-gate.mjs'])
step('build renderer for the web host', 'npm', ['run', '--silent', 'build:renderer'])
// A free loopback port for the e2e web host, so a developer's running server does not collide.
process.env.E2E_PORT ??= String(await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => resolve(port)) })
}))
suite('e2e in Chromium via the web host', 'npx', ['playwright', 'test'], 'test-results/e2e-report.json',
  (j) => ({ passed: j.stats.expected + j.stats.flaky, failed: j.stats.unexpected, skipped: j.stats.skipped }))

console.log('')
if (failures.length) console.log(`Failed: ${failures.join('; ')}`)
const skipped = results.skipped ? `, ${results.skipped} skipped` : ''
console.log(`${results.passed} passed, ${results.failed} failed${skipped}`)
process.exit(results.failed ? 1 : 0)
