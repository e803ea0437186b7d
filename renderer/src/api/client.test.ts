import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from './api-error'
import { invoke } from './client'

/** Only the transport edge is stubbed (fetch / window.api); the client itself runs for real. */
afterEach(() => {
  vi.unstubAllGlobals()
  delete window.api
})

function stubFetch(body: unknown) {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }))
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

describe('api client', () => {
  it('posts the request as JSON to /api/<channel> and returns the value of an ok envelope', async () => {
    const fetchMock = stubFetch({ ok: true, value: { id: 7, name: '生产部', sortOrder: 1, memberCount: 0 } })
    const dept = await invoke('departments.create', { name: '生产部' })
    expect(dept).toEqual({ id: 7, name: '生产部', sortOrder: 1, memberCount: 0 })
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/departments.create')
    expect(init.method).toBe('POST')
    expect(new Headers(init.headers).get('content-type')).toBe('application/json')
    expect(JSON.parse(String(init.body))).toEqual({ name: '生产部' })
  })

  it('throws an ApiError carrying code, key, params and field for an ok:false envelope', async () => {
    stubFetch({
      ok: false,
      error: {
        code: 'conflict', messageKey: 'duplicate.idNumber', field: 'idNumber', params: { other: '张三' },
        message: '身份证号码与已登记的会员“张三”重复，同一人只能登记一次',
      },
    })
    const err = await invoke('members.get', { id: 1 }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    const api = err as ApiError
    expect(api.code).toBe('conflict')
    expect(api.messageKey).toBe('duplicate.idNumber')
    expect(api.field).toBe('idNumber')
    expect(api.params).toEqual({ other: '张三' })
    expect(api.message).toContain('张三')
  })

  it('turns a network failure into an internal ApiError worded in Chinese', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch') }))
    const err = await invoke('app.info', {}).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).code).toBe('internal')
    expect((err as ApiError).message).toMatch(/无法连接/)
  })

  it('treats an HTTP error status (e.g. 403 from the web host) as a transport failure', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('forbidden', { status: 403 })))
    const err = await invoke('app.info', {}).catch((e: unknown) => e)
    expect((err as ApiError).code).toBe('internal')
  })

  it('uses the Electron preload bridge when present and never fetch', async () => {
    const fetchMock = stubFetch({ ok: true, value: null })
    const bridge = vi.fn(async () => ({ ok: true as const, value: null }))
    window.api = { invoke: bridge }
    await expect(invoke('profile.get', {})).resolves.toBeNull()
    expect(bridge).toHaveBeenCalledWith('profile.get', {})
    expect(fetchMock).not.toHaveBeenCalled()
  })
})
