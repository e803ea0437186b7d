import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { devKeyFileProtector, makeTempDir } from '../../tests/fixtures/temp-workspace'
import { AppCore } from '../core/app-core'
import { createHandlers } from '../core/handlers'
import { startWebHost } from './web-host'

type Reply = { status: number; body: string; headers: Record<string, string | string[] | undefined> }

/** Raw HTTP so the test controls Host and Origin exactly as another page or process would send them. */
function send(url: string, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  const u = new URL(url)
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let body = ''
      res.setEncoding('utf8').on('data', (c: string) => { body += c }).on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }))
    })
    req.on('error', reject)
    req.end(init.body)
  })
}

describe('web host', () => {
  let tmp: ReturnType<typeof makeTempDir>
  let core: AppCore
  let host: Awaited<ReturnType<typeof startWebHost>>
  let origin: string
  beforeAll(async () => {
    tmp = makeTempDir()
    const staticDir = join(tmp.dir, 'renderer')
    mkdirSync(staticDir)
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>工会工作台</title>')
    core = await AppCore.open({ dataDir: join(tmp.dir, 'data'), version: '1.2.3', keyProtector: devKeyFileProtector })
    host = await startWebHost({ handlers: createHandlers(core), staticDir, port: 0 })
    origin = host.url.replace(/\/$/, '')
  })
  afterAll(async () => { await host.close(); await core.close(); tmp.cleanup() })

  const api = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
    send(host.url, `/api/${channel}`, { method: 'POST', body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', origin, ...headers } })

  it('listens on loopback only', () => {
    const addr = host.server.address()
    expect(typeof addr === 'object' && addr?.address).toBe('127.0.0.1')
  })

  it('serves the contract handlers as envelopes', async () => {
    const r = await api('app.info', {})
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { version: '1.2.3', host: 'web', workspace: 'real' } })
    const bad = JSON.parse((await api('auth.login', { username: '', password: 'x' })).body)
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation', field: 'username' } })
    const anonymous = JSON.parse((await api('members.search', {})).body)
    expect(anonymous).toMatchObject({ ok: false, error: { code: 'unauthenticated' } })
  })

  it('keys each browser session by an HttpOnly SameSite=Strict cookie', async () => {
    const first = await api('auth.setupChair', { username: 'zhuxi', displayName: '李卫东', password: 'Chair2026!' })
    const cookie = String(first.headers['set-cookie']).split(';')[0]!
    expect(String(first.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/)
    expect(JSON.parse(first.body)).toMatchObject({ ok: true, value: { user: { role: 'chair' } } })
    const withCookie = JSON.parse((await api('members.search', {}, { cookie })).body)
    expect(withCookie).toMatchObject({ ok: true, value: { total: 0 } })
    const otherBrowser = JSON.parse((await api('members.search', {})).body)
    expect(otherBrowser).toMatchObject({ ok: false, error: { code: 'unauthenticated' } })
  })

  it('rejects calls from another origin, without an origin, or without a JSON content type', async () => {
    expect((await api('app.info', {}, { origin: 'http://evil.example' })).status).toBe(403)
    expect((await send(host.url, '/api/app.info', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).status).toBe(403)
    expect((await api('app.info', {}, { 'content-type': 'text/plain' })).status).toBe(403)
  })

  it('rejects a foreign Host header (DNS rebinding), bodies over the limit and malformed JSON', async () => {
    expect((await send(host.url, '/', { headers: { host: 'attacker.example' } })).status).toBe(421)
    expect((await api('app.info', 'x'.repeat(1_100_000))).status).toBe(413)
    const malformed = await send(host.url, '/api/app.info', { method: 'POST', body: '{nope', headers: { 'content-type': 'application/json', origin } })
    expect(malformed.status).toBe(400)
  })

  it('serves the renderer with a strict CSP and never a file outside its folder', async () => {
    const page = await send(host.url, '/')
    expect(page.body).toContain('工会工作台')
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    const escape = await send(host.url, '/../data/uniondesk.sqlite')
    expect(escape.body).not.toContain('SQLite format')
    const encoded = await send(host.url, '/%2e%2e/data/uniondesk.sqlite')
    expect(encoded.body).not.toContain('SQLite format')
  })
})
