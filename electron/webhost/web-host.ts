import { randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'
import { dispatch } from '../core/dispatch'
import type { Handlers } from '../core/handlers'

const MAX_BODY_BYTES = 1024 * 1024

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.json': 'application/json',
}

/** Same policy as the Electron window: our own scripts and styles only, calls to our own origin. */
export const WEB_CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
  "font-src 'self' data:", "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ')

export type WebHostOptions = {
  handlers: Handlers
  /** The built renderer (out/renderer); without it only the API is served. */
  staticDir?: string
  port?: number
}

/**
 * Serves the contract's handler map over HTTP so the real renderer runs in a plain browser against
 * the real core. Loopback only; a call must come from this origin (Origin header checked, JSON
 * content type required so a foreign page cannot send a CORS-simple request).
 */
export async function startWebHost(options: WebHostOptions): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  let origin = ''
  const server = createServer((req, res) => {
    handle(req, res, options, origin).catch((err: unknown) => {
      console.error('[webhost]', err)
      if (!res.headersSent) res.writeHead(500).end()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', resolve)
  })
  const { port } = server.address() as AddressInfo
  origin = `http://127.0.0.1:${port}`
  return {
    server, url: `${origin}/`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()) }),
  }
}

async function handle(req: IncomingMessage, res: ServerResponse, options: WebHostOptions, origin: string): Promise<void> {
  const url = new URL(req.url ?? '/', origin)
  const allowedHosts = [origin.slice('http://'.length), `localhost:${new URL(origin).port}`]
  if (!allowedHosts.includes(req.headers.host ?? '')) return void res.writeHead(421).end() // DNS rebinding
  if (url.pathname.startsWith('/api/')) return handleApi(req, res, options, origin, url)
  if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end()
  return serveStatic(res, options.staticDir, url.pathname)
}

async function handleApi(req: IncomingMessage, res: ServerResponse, options: WebHostOptions, origin: string, url: URL) {
  const sameOrigin = req.headers.origin === origin || req.headers.origin === origin.replace('127.0.0.1', 'localhost')
  if (req.method !== 'POST' || !sameOrigin || !req.headers['content-type']?.startsWith('application/json')) {
    return void res.writeHead(403, { 'content-type': 'text/plain' }).end('forbidden')
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) return void res.writeHead(413).end()
    chunks.push(chunk as Buffer)
  }
  let body: unknown
  try {
    body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {}
  } catch {
    return void res.writeHead(400).end()
  }
  const channel = decodeURIComponent(url.pathname.slice('/api/'.length))
  const { token, setCookie } = sessionToken(req)
  const envelope = await dispatch(options.handlers, channel, body, { host: 'web', sessionKey: `web:${token}` })
  res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...(setCookie ? { 'set-cookie': setCookie } : {}),
  })
  res.end(JSON.stringify(envelope))
}

const SESSION_COOKIE = 'uniondesk_session'

/**
 * The browser's signed-in session is keyed by a random HttpOnly, SameSite=Strict cookie: page
 * script cannot read it and other sites' requests do not carry it.
 */
function sessionToken(req: IncomingMessage): { token: string; setCookie?: string } {
  const found = (req.headers.cookie ?? '').split(';').map((c) => c.trim().split('='))
    .find(([k, v]) => k === SESSION_COOKIE && v && /^[A-Za-z0-9_-]{43}$/.test(v))
  if (found) return { token: found[1]! }
  const token = randomBytes(32).toString('base64url')
  return { token, setCookie: `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/` }
}

async function serveStatic(res: ServerResponse, root: string | undefined, pathname: string): Promise<void> {
  if (!root) return void res.writeHead(404).end()
  const rel = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '')
  let file = join(root, rel)
  if (!file.startsWith(root + sep) && file !== root) return void res.writeHead(404).end()
  let info = await stat(file).catch(() => null)
  if (!info?.isFile()) {
    file = join(root, 'index.html') // the app routes by hash; anything else falls back to the shell
    info = await stat(file).catch(() => null)
    if (!info) return void res.writeHead(404).end()
  }
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': WEB_CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600',
  })
  createReadStream(file).pipe(res)
}
