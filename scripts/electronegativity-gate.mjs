#!/usr/bin/env node
// Runs @doyensec/electronegativity offline over the built output and fails on any finding that is
// not justified in electronegativity-justifications.json. The tool exits 0 whatever it finds, so the
// gate reads its CSV. It tries to fetch Electron's release list and carries on when it cannot.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'

const report = 'test-results/electronegativity.csv'
if (!existsSync('out/main/index.js')) {
  console.error('out/ is missing: run `npm run build` first')
  process.exit(1)
}
rmSync(report, { force: true })
const electronVersion = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version
spawnSync('npx', ['electronegativity', '-i', 'out', '-e', electronVersion, '-r', '-o', report], { stdio: 'ignore' })
if (!existsSync(report)) {
  console.error('electronegativity produced no report')
  process.exit(1)
}

/**
 * CSV reader for the tool's output: quoted fields may hold commas, doubled quotes and line breaks
 * (a finding's sample is a slice of the built code), so records are not lines.
 */
function parseCsv(text) {
  const rows = []
  let row = []
  let cur = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cur += '"'; i++ }
      else if (c === '"') quoted = false
      else cur += c
    } else if (c === '"') quoted = true
    else if (c === ',') { row.push(cur.trim()); cur = '' }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      row.push(cur.trim()); cur = ''
      if (row.some((cell) => cell !== '')) rows.push(row)
      row = []
    } else cur += c
  }
  row.push(cur.trim())
  if (row.some((cell) => cell !== '')) rows.push(row)
  return rows
}

const [, ...findings] = parseCsv(readFileSync(report, 'utf8'))
const { accepted } = JSON.parse(readFileSync('electronegativity-justifications.json', 'utf8'))
const unjustified = findings.filter(([check, , , file, , sample]) =>
  !accepted.some((a) => a.check === check && a.file === file && (!a.sample || (sample ?? '').includes(a.sample))))
console.log(`electronegativity: ${findings.length} findings, ${findings.length - unjustified.length} justified`)
for (const [check, severity, , file, location, sample] of unjustified) {
  console.log(`  UNJUSTIFIED ${check} (${severity}) ${file}:${location} ${sample}`)
}
process.exit(unjustified.length ? 1 : 0)
