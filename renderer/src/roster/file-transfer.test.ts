import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  base64ToBytes, bytesToBase64, chunkRanges, fetchDownload, saveDownload, uploadFile, UPLOAD_CHUNK_BYTES,
} from './file-transfer'

/** Only the transport edge is stubbed (fetch / window.api); the upload and download logic runs for real. */
afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  delete window.api
})

type Call = { channel: string; body: Record<string, unknown> }

/** A fake web host: answers each channel with `answer(channel, body)` and records the calls. */
function stubHost(answer: (channel: string, body: Record<string, unknown>) => unknown) {
  const calls: Call[] = []
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    const channel = url.replace('/api/', '')
    const body = JSON.parse(String(init.body)) as Record<string, unknown>
    calls.push({ channel, body })
    return new Response(JSON.stringify({ ok: true, value: answer(channel, body) }), { status: 200 })
  }))
  return calls
}

/** Byte-for-byte equality (vitest's deep equality is far too slow on megabytes). */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

function pseudoRandomBytes(n: number, seed = 7): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(n)
  let x = seed
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0
    out[i] = x >>> 24
  }
  return out
}

describe('chunking and base64', () => {
  it('cuts a file into consecutive chunks of at most 512 KiB', () => {
    expect(chunkRanges(0)).toEqual([])
    expect(chunkRanges(10)).toEqual([[0, 10]])
    expect(chunkRanges(UPLOAD_CHUNK_BYTES)).toEqual([[0, UPLOAD_CHUNK_BYTES]])
    expect(chunkRanges(UPLOAD_CHUNK_BYTES * 2 + 1)).toEqual([
      [0, UPLOAD_CHUNK_BYTES], [UPLOAD_CHUNK_BYTES, UPLOAD_CHUNK_BYTES * 2], [UPLOAD_CHUNK_BYTES * 2, UPLOAD_CHUNK_BYTES * 2 + 1],
    ])
  })

  it('encodes standard base64 that core accepts, and decodes it back exactly', () => {
    expect(bytesToBase64(new TextEncoder().encode('Man'))).toBe('TWFu')
    expect(bytesToBase64(new TextEncoder().encode('Ma'))).toBe('TWE=')
    expect(bytesToBase64(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe('+/+/')
    expect(bytesToBase64(new Uint8Array())).toBe('')
    // A full chunk (more than the 32 KiB slices it is built from) survives the round trip.
    const bytes = pseudoRandomBytes(UPLOAD_CHUNK_BYTES)
    const b64 = bytesToBase64(bytes)
    expect(b64).toMatch(/^[A-Za-z0-9+/]*={0,2}$/)
    expect(b64.length).toBeLessThanOrEqual(700_000) // core's limit for one chunk
    expect(sameBytes(base64ToBytes(b64), bytes)).toBe(true)
  })
})

describe('browser upload', () => {
  it('begins, sends chunks 0, 1, 2 in order, finishes, and reports progress', async () => {
    const bytes = pseudoRandomBytes(UPLOAD_CHUNK_BYTES * 2 + 1000)
    const calls = stubHost((channel) => {
      if (channel === 'files.beginUpload') return { uploadId: 'up_0123456789abcdef' }
      if (channel === 'files.uploadChunk') return { received: 1 }
      return { fileToken: 'tok_0123456789abcdef', fileName: '花名册.xlsx' }
    })
    const progress: number[] = []
    const file = new File([bytes], '花名册.xlsx')
    const picked = await uploadFile(file, (done) => progress.push(done))

    expect(picked).toEqual({ fileToken: 'tok_0123456789abcdef', fileName: '花名册.xlsx' })
    expect(calls.map((c) => c.channel)).toEqual([
      'files.beginUpload', 'files.uploadChunk', 'files.uploadChunk', 'files.uploadChunk', 'files.finishUpload',
    ])
    expect(calls[0]!.body).toEqual({ fileName: '花名册.xlsx', sizeBytes: bytes.length })
    const chunks = calls.filter((c) => c.channel === 'files.uploadChunk')
    expect(chunks.map((c) => c.body.index)).toEqual([0, 1, 2])
    expect(chunks.every((c) => c.body.uploadId === 'up_0123456789abcdef')).toBe(true)
    const decoded = chunks.map((c) => base64ToBytes(String(c.body.dataBase64)))
    expect(decoded.map((d) => d.length)).toEqual([UPLOAD_CHUNK_BYTES, UPLOAD_CHUNK_BYTES, 1000])
    const joined = new Uint8Array(bytes.length)
    let at = 0
    for (const d of decoded) { joined.set(d, at); at += d.length }
    expect(sameBytes(joined, bytes)).toBe(true)
    expect(calls[4]!.body).toEqual({ uploadId: 'up_0123456789abcdef' })
    expect(progress).toEqual([0, UPLOAD_CHUNK_BYTES, UPLOAD_CHUNK_BYTES * 2, bytes.length])
  })

  it('stops at the first refused chunk and passes core’s error on', async () => {
    vi.stubGlobal('fetch', vi.fn(async (url: string) => {
      const channel = url.replace('/api/', '')
      const body = channel === 'files.uploadChunk'
        ? { ok: false, error: { code: 'validation', messageKey: 'files.badChunk', message: '文件上传中断，请重新选择文件' } }
        : { ok: true, value: { uploadId: 'up_0123456789abcdef' } }
      return new Response(JSON.stringify(body), { status: 200 })
    }))
    const file = new File([pseudoRandomBytes(UPLOAD_CHUNK_BYTES + 10)], 'a.csv')
    await expect(uploadFile(file)).rejects.toMatchObject({ messageKey: 'files.badChunk' })
    expect(vi.mocked(fetch).mock.calls.length).toBe(2)
  })
})

describe('download assembly', () => {
  const chunksOf = (bytes: Uint8Array, size: number) => (offset: number) => {
    const part = bytes.subarray(offset, offset + size)
    const nextOffset = offset + part.length
    return { dataBase64: bytesToBase64(part), nextOffset, done: nextOffset >= bytes.length }
  }

  it('reads from offset 0 until done and joins the chunks into one Blob', async () => {
    const bytes = pseudoRandomBytes(1_300_000, 3)
    const read = chunksOf(bytes, UPLOAD_CHUNK_BYTES)
    const calls = stubHost((_c, body) => read(Number(body.offset)))
    const progress: number[] = []
    const blob = await fetchDownload({ downloadToken: 'dl_0123456789abcdef', fileName: '名册.xlsx', sizeBytes: bytes.length },
      (done) => progress.push(done))
    expect(calls.map((c) => c.body.offset)).toEqual([0, UPLOAD_CHUNK_BYTES, UPLOAD_CHUNK_BYTES * 2])
    expect(calls.every((c) => c.channel === 'files.read' && c.body.downloadToken === 'dl_0123456789abcdef')).toBe(true)
    expect(sameBytes(new Uint8Array(await blob.arrayBuffer()), bytes)).toBe(true)
    expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(progress.at(-1)).toBe(bytes.length)
  })

  it('an empty file is one read that is done at once', async () => {
    const calls = stubHost(() => ({ dataBase64: '', nextOffset: 0, done: true }))
    const blob = await fetchDownload({ downloadToken: 'dl_0123456789abcdef', fileName: 'x.csv', sizeBytes: 0 })
    expect(calls).toHaveLength(1)
    expect(blob.size).toBe(0)
  })

  it('in the browser the assembled file is handed over as a download with its name', async () => {
    const bytes = new TextEncoder().encode('姓名,身份证号码\n')
    stubHost((_c, body) => chunksOf(bytes, 1000)(Number(body.offset)))
    const clicked: HTMLAnchorElement[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) { clicked.push(this) })
    const created = vi.fn((_b: Blob) => 'blob:roster')
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() }))
    const r = await saveDownload('web', { downloadToken: 'dl_0123456789abcdef', fileName: '会员花名册.csv', sizeBytes: bytes.length })
    expect(r).toEqual({ saved: true, fileName: '会员花名册.csv' })
    expect(clicked).toHaveLength(1)
    expect(clicked[0]!.download).toBe('会员花名册.csv')
    const blob = created.mock.calls[0]![0]
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes)
  })

  it('in Electron main shows the save dialog (files.saveAs); nothing is read into the page', async () => {
    const invoke = vi.fn(async () => ({ ok: true as const, value: { saved: true, fileName: '会员花名册.xlsx' } }))
    window.api = { invoke } as unknown as NonNullable<typeof window.api>
    const fetchMock = vi.fn()
    vi.stubGlobal('fetch', fetchMock)
    const r = await saveDownload('electron', { downloadToken: 'dl_0123456789abcdef', fileName: '会员花名册.xlsx', sizeBytes: 10 })
    expect(r).toEqual({ saved: true, fileName: '会员花名册.xlsx' })
    expect(invoke).toHaveBeenCalledWith('files.saveAs', { downloadToken: 'dl_0123456789abcdef' })
    expect(fetchMock).not.toHaveBeenCalled()
  })
})
