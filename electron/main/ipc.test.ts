import { describe, expect, it } from 'vitest'
import type { Handlers } from '../core/handlers'
import { FORBIDDEN, INVOKE_CHANNEL, registerIpc, type IpcMainLike } from './ipc'
import { createSenderCheck, type InvokeEventLike } from './ipc-sender'

const appUrl = 'file:///opt/UnionDesk/resources/app.asar/out/renderer/index.html'
const topFrame: InvokeEventLike = { senderFrame: { url: `${appUrl}#/members`, parent: null } }

/** A stand-in for Electron's ipcMain: records the handler so the test can invoke it like Electron would. */
function fakeIpcMain() {
  const registered = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>()
  const ipcMain: IpcMainLike = { handle: (channel, listener) => void registered.set(channel, listener) }
  const invoke = (event: InvokeEventLike, ...args: unknown[]) => {
    const listener = registered.get(INVOKE_CHANNEL)
    if (!listener) throw new Error('no handler')
    return listener(event, ...args)
  }
  return { ipcMain, registered, invoke }
}

/** Only the channels a test calls are real; the rest throw if reached. */
function handlersWith(partial: Partial<Handlers>): Handlers {
  return new Proxy(partial, {
    get: (target, key: string | symbol) => typeof key === 'symbol' ? undefined : target[key as keyof Handlers] ?? (() => { throw new Error(`unexpected ${key}`) }),
  }) as Handlers
}

const info = { version: '1.0.0', workspace: 'real' as const, hasProfile: false, memberCount: 0, host: 'electron' as const }

describe('registerIpc', () => {
  it('registers exactly one invoke channel', () => {
    const { ipcMain, registered } = fakeIpcMain()
    registerIpc(ipcMain, handlersWith({}), createSenderCheck(appUrl))
    expect([...registered.keys()]).toEqual(['uniondesk:invoke'])
  })

  it('dispatches a trusted call with host electron', async () => {
    const { ipcMain, invoke } = fakeIpcMain()
    const seen: unknown[] = []
    registerIpc(ipcMain, handlersWith({ 'app.info': async (_req, ctx) => { seen.push(ctx); return info } }), createSenderCheck(appUrl))
    await expect(invoke(topFrame, 'app.info', {})).resolves.toEqual({ ok: true, value: info })
    // Other context fields (e.g. a per-window session key) may ride along; the host must be electron.
    expect(seen).toEqual([expect.objectContaining({ host: 'electron' })])
  })

  it('refuses untrusted senders before any handler runs', async () => {
    const { ipcMain, invoke } = fakeIpcMain()
    const warnings: string[] = []
    let called = false
    registerIpc(ipcMain, handlersWith({ 'app.info': async () => { called = true; return info } }), createSenderCheck(appUrl),
      (m) => warnings.push(m))
    const untrusted: InvokeEventLike[] = [
      { senderFrame: { url: 'https://evil.example/', parent: null } },
      { senderFrame: { url: appUrl, parent: { url: appUrl } } },
      { senderFrame: null },
    ]
    for (const event of untrusted) {
      const res = await invoke(event, 'app.info', {})
      expect(res).toEqual(FORBIDDEN)
      expect(res).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
    expect(called).toBe(false)
    expect(warnings).toHaveLength(3)
  })

  it('answers unknown channels and invalid payloads with error values, never throws', async () => {
    const { ipcMain, invoke } = fakeIpcMain()
    registerIpc(ipcMain, handlersWith({}), createSenderCheck(appUrl))
    await expect(invoke(topFrame, 'fs.readFile', { path: '/etc/passwd' })).resolves.toMatchObject({ ok: false, error: { code: 'internal', messageKey: 'unknownChannel' } })
    await expect(invoke(topFrame, '__proto__', {})).resolves.toMatchObject({ ok: false })
    await expect(invoke(topFrame, 'members.get', { id: 'not-a-number' })).resolves.toMatchObject({ ok: false, error: { code: 'validation' } })
  })

  it('turns a handler crash into an internal error without a stack', async () => {
    const { ipcMain, invoke } = fakeIpcMain()
    registerIpc(ipcMain, handlersWith({ 'app.info': async () => { throw new Error('SQLITE_CORRUPT at /secret/path') } }), createSenderCheck(appUrl))
    const originalError = console.error
    console.error = () => {}
    try {
      const res = await invoke(topFrame, 'app.info', {})
      expect(res).toMatchObject({ ok: false, error: { code: 'internal' } })
      expect(JSON.stringify(res)).not.toContain('/secret/path')
    } finally {
      console.error = originalError
    }
  })
})
