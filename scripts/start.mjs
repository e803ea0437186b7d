#!/usr/bin/env node
// `npm start`: build with electron-vite, then run the app in Electron — or, where the Electron
// runtime cannot be had (offline machines never download its binary) or cannot show a window, run
// the same renderer and core through the web host and open it in the browser.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  decideStart, findHostUrl, openCommand, resolveElectronBinary, webFallbackLine, webHostPort,
} from './start-decision.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const require = createRequire(import.meta.url)

/** A package's bin script, run with this Node: no .cmd shims, no shell, same on Windows. */
function binOf(pkg, name) {
  const manifestPath = require.resolve(`${pkg}/package.json`)
  const { bin } = JSON.parse(readFileSync(manifestPath, 'utf8'))
  return join(dirname(manifestPath), typeof bin === 'string' ? bin : bin[name ?? pkg])
}

function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options })
    child.once('error', reject)
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
}

/** Forward Ctrl+C / termination to the child, and leave with its exit code. */
function supervise(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.once('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)))
}

const buildCode = await run(process.execPath, [binOf('electron-vite'), 'build'])
if (buildCode !== 0) process.exit(buildCode)

const electronDir = dirname(require.resolve('electron/package.json'))
const binary = resolveElectronBinary({
  electronDir, env: process.env, platform: process.platform,
  exists: existsSync,
  readText: (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined),
})
const decision = decideStart({ binary, platform: process.platform, env: process.env })

if (decision.mode === 'electron') {
  const env = { ...process.env }
  // Inherited from some tool, this would make Electron run as plain Node instead of the app.
  delete env.ELECTRON_RUN_AS_NODE
  supervise(spawn(decision.command, decision.args, { cwd: root, stdio: 'inherit', env }))
} else {
  console.log(webFallbackLine(`http://127.0.0.1:${webHostPort(process.env)}/`, decision.kind))
  // electron-vite has just built out/renderer with the same settings as renderer/vite.config.mts.
  // The web host reports npm's package version; set it when started as plain `node scripts/start.mjs`.
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  const host = spawn(process.execPath, [binOf('tsx'), 'electron/webhost/cli.ts'], {
    cwd: root, stdio: ['inherit', 'pipe', 'inherit'],
    env: { ...process.env, npm_package_version: process.env.npm_package_version ?? version },
  })
  let opened = false
  host.stdout.on('data', (chunk) => {
    process.stdout.write(chunk)
    const url = !opened && findHostUrl(chunk.toString('utf8'))
    if (!url) return
    opened = true
    const open = openCommand(process.platform, url, process.env)
    if (!open) return
    // Best effort: no browser, no xdg-open — the URL is on screen anyway.
    const browser = spawn(open.command, open.args, { stdio: 'ignore', detached: true })
    browser.once('error', () => {})
    browser.unref()
  })
  supervise(host)
}
