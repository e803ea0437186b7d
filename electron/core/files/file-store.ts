import { randomBytes } from 'node:crypto'
import { createWriteStream, type WriteStream } from 'node:fs'
import { mkdir, open, readdir, rm, stat } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { NotFoundError, ValidationError } from '../errors'

const CHUNK_BYTES = 512 * 1024
const newToken = () => randomBytes(24).toString('base64url')

type Entry = { path: string; fileName: string; sessionKey: string }
type Upload = Entry & { sizeBytes: number; received: number; nextIndex: number; out: WriteStream }

/**
 * Files that cross the boundary by token, never by path: uploads from the browser (in chunks, as
 * contract calls), files chosen in Electron's open dialog, and results to download or save (an
 * export, a template, an error report). Tokens belong to the session that made them. Everything
 * lives in one scratch folder that is emptied at start-up.
 */
export class FileStore {
  private readonly uploads = new Map<string, Upload>()
  private readonly files = new Map<string, Entry>()

  constructor(readonly folder: string) {}

  async reset(): Promise<void> {
    await rm(this.folder, { recursive: true, force: true })
    await mkdir(this.folder, { recursive: true })
  }

  /** A fresh path in the scratch folder for core to write a result into. */
  async scratchPath(ext: string): Promise<string> {
    await mkdir(this.folder, { recursive: true })
    return join(this.folder, `${newToken()}${ext}`)
  }

  beginUpload(sessionKey: string, fileName: string, sizeBytes: number): string {
    const ext = extname(fileName).toLowerCase()
    if (!['.xlsx', '.csv'].includes(ext)) throw new ValidationError('fileName', 'files.kind')
    const uploadId = newToken()
    const path = join(this.folder, `${uploadId}${ext}`)
    this.uploads.set(uploadId, { path, fileName, sessionKey, sizeBytes, received: 0, nextIndex: 0, out: createWriteStream(path) })
    return uploadId
  }

  async writeChunk(sessionKey: string, uploadId: string, index: number, data: Buffer): Promise<number> {
    const u = this.uploads.get(uploadId)
    if (!u || u.sessionKey !== sessionKey) throw new NotFoundError()
    if (index !== u.nextIndex || data.length > CHUNK_BYTES || u.received + data.length > u.sizeBytes) {
      await this.abortUpload(uploadId)
      throw new ValidationError('dataBase64', 'files.badChunk')
    }
    await new Promise<void>((resolve, reject) => u.out.write(data, (err) => (err ? reject(err) : resolve())))
    u.received += data.length
    u.nextIndex++
    return u.received
  }

  async finishUpload(sessionKey: string, uploadId: string): Promise<{ fileToken: string; fileName: string }> {
    const u = this.uploads.get(uploadId)
    if (!u || u.sessionKey !== sessionKey) throw new NotFoundError()
    await new Promise<void>((resolve) => u.out.end(resolve))
    this.uploads.delete(uploadId)
    if (u.received !== u.sizeBytes) {
      await rm(u.path, { force: true })
      throw new ValidationError('dataBase64', 'files.incomplete')
    }
    return { fileToken: this.register(sessionKey, u.path, u.fileName), fileName: u.fileName }
  }

  private async abortUpload(uploadId: string): Promise<void> {
    const u = this.uploads.get(uploadId)
    if (!u) return
    this.uploads.delete(uploadId)
    u.out.destroy()
    await rm(u.path, { force: true })
  }

  /** Gives a file (uploaded, chosen in a dialog, or written by core) a token for this session. */
  register(sessionKey: string, path: string, fileName: string): string {
    const token = newToken()
    this.files.set(token, { path, fileName, sessionKey })
    return token
  }

  resolve(sessionKey: string, token: string): Entry {
    const f = this.files.get(token)
    if (!f || f.sessionKey !== sessionKey) throw new NotFoundError()
    return f
  }

  async describe(sessionKey: string, token: string): Promise<{ fileName: string; sizeBytes: number }> {
    const f = this.resolve(sessionKey, token)
    return { fileName: f.fileName, sizeBytes: (await stat(f.path)).size }
  }

  /** One chunk of a result, for the browser to download through contract calls. */
  async read(sessionKey: string, token: string, offset: number): Promise<{ data: Buffer; nextOffset: number; done: boolean }> {
    const f = this.resolve(sessionKey, token)
    const handle = await open(f.path, 'r')
    try {
      const size = (await handle.stat()).size
      const buffer = Buffer.alloc(Math.max(0, Math.min(CHUNK_BYTES, size - offset)))
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset)
      const nextOffset = offset + bytesRead
      return { data: buffer.subarray(0, bytesRead), nextOffset, done: nextOffset >= size }
    } finally {
      await handle.close()
    }
  }

  /** Scratch files older than a day, left by a session that never fetched them. */
  async sweep(maxAgeMs = 24 * 3600_000): Promise<void> {
    for (const name of await readdir(this.folder).catch(() => [] as string[])) {
      const p = join(this.folder, name)
      const s = await stat(p).catch(() => null)
      if (s && Date.now() - s.mtimeMs > maxAgeMs) await rm(p, { force: true })
    }
  }
}
