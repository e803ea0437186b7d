import { resolve } from 'node:path'
import { AppCore } from '../core/app-core'
import { devKeyFileProtector } from '../core/crypto/key-vault'
import { createHandlers } from '../core/handlers'
import { startWebHost } from './web-host'

/**
 * `npm run start:web`: the app in a browser against the real core. Options:
 *   --data-dir <folder>  (default ./data; UNIONDESK_DATA_DIR also works)
 *   --port <n>           (default 5730; 0 picks a free port)
 */
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

const dataDir = resolve(arg('data-dir') ?? process.env.UNIONDESK_DATA_DIR ?? 'data')
const port = Number(arg('port') ?? process.env.UNIONDESK_PORT ?? 5730)
const staticDir = resolve(arg('static-dir') ?? 'out/renderer')
const version = process.env.npm_package_version ?? '0.0.0'

// The web host is for development and machines without Electron: its data key sits in a 0600 file.
const core = await AppCore.open({ dataDir, version, keyProtector: devKeyFileProtector })
const host = await startWebHost({ handlers: createHandlers(core), staticDir, port })
console.log(`工会工作台已启动：${host.url}  （数据目录 ${dataDir}）`)
console.log(`UnionDesk web host: ${host.url}  (data folder ${dataDir})`)

async function shutdown() {
  await host.close()
  await core.close()
  process.exit(0)
}
process.on('SIGINT', () => void shutdown())
process.on('SIGTERM', () => void shutdown())
