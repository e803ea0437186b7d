import { invoke } from '../api/client'

/**
 * Files cross to core by token, never by path. In the browser (web host) the renderer uploads the
 * chosen file in chunks and assembles downloads itself; in Electron main shows its own open and save
 * dialogs and core reads or writes the path. One module so screens do not care which host they run on.
 */

/** Core takes at most 512 KiB of raw bytes per chunk (a request then stays under the web host's 1 MiB). */
export const UPLOAD_CHUNK_BYTES = 512 * 1024

export type Host = 'electron' | 'web'
export type PickedFile = { fileToken: string; fileName: string }
export type Download = { downloadToken: string; fileName: string; sizeBytes: number }
/** Bytes done of bytes in all (upload or download). */
export type TransferProgress = (done: number, total: number) => void

/** [start, end) byte ranges of consecutive chunks; an empty file still has no chunk. */
export function chunkRanges(size: number, chunk = UPLOAD_CHUNK_BYTES): Array<[number, number]> {
  const out: Array<[number, number]> = []
  for (let start = 0; start < size; start += chunk) out.push([start, Math.min(size, start + chunk)])
  return out
}

/** Standard base64 (no line breaks), in slices so a 512 KiB chunk never overflows the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  const step = 0x8000
  for (let i = 0; i < bytes.length; i += step) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + step) as unknown as number[])
  }
  return btoa(binary)
}

export function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(b64)
  const out = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i)
  return out
}

/** The browser path: beginUpload → uploadChunk 0, 1, 2 … in order → finishUpload. */
export async function uploadFile(file: Blob & { name: string }, onProgress?: TransferProgress): Promise<PickedFile> {
  const { uploadId } = await invoke('files.beginUpload', { fileName: file.name, sizeBytes: file.size })
  const ranges = chunkRanges(file.size)
  onProgress?.(0, file.size)
  for (const [index, [start, end]] of ranges.entries()) {
    const bytes = new Uint8Array(await file.slice(start, end).arrayBuffer())
    await invoke('files.uploadChunk', { uploadId, index, dataBase64: bytesToBase64(bytes) })
    onProgress?.(end, file.size)
  }
  const done = await invoke('files.finishUpload', { uploadId })
  return { fileToken: done.fileToken, fileName: done.fileName }
}

/** The browser path: reads the whole download by repeated files.read into one Blob. */
export async function fetchDownload(download: Download, onProgress?: TransferProgress): Promise<Blob> {
  const parts: Uint8Array<ArrayBuffer>[] = []
  let received = 0
  for (let offset = 0; ;) {
    const chunk = await invoke('files.read', { downloadToken: download.downloadToken, offset })
    const bytes = base64ToBytes(chunk.dataBase64)
    parts.push(bytes)
    received += bytes.length
    onProgress?.(received, download.sizeBytes)
    if (chunk.done) break
    // A reply that does not move forward would loop for ever: treat it as the end.
    if (chunk.nextOffset <= offset) break
    offset = chunk.nextOffset
  }
  return new Blob(parts, { type: mimeType(download.fileName) })
}

export function mimeType(fileName: string): string {
  if (/\.xlsx$/i.test(fileName)) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  if (/\.csv$/i.test(fileName)) return 'text/csv;charset=utf-8'
  return 'application/octet-stream'
}

/** Hands a Blob to the browser as a download with the given name. */
export function triggerBrowserDownload(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  // Give the browser time to start reading the blob before it is released.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/**
 * Saves a download where the user wants it: Electron asks main for a save dialog; the browser
 * assembles the file and lets its own download handling take over. `saved` is false when the user
 * closed the save dialog.
 */
export async function saveDownload(host: Host, download: Download, onProgress?: TransferProgress): Promise<{ saved: boolean; fileName: string }> {
  if (host === 'electron') return invoke('files.saveAs', { downloadToken: download.downloadToken })
  const blob = await fetchDownload(download, onProgress)
  triggerBrowserDownload(blob, download.fileName)
  return { saved: true, fileName: download.fileName }
}

/** Electron: main's open dialog (null when the user closed it). The browser uses a file input instead. */
export async function pickOpenFile(): Promise<PickedFile | null> {
  return invoke('files.pickOpen', {})
}

/** What the import accepts; checked before uploading so a wrong file fails at once. */
export function isRosterFileName(name: string): boolean {
  return /\.(xlsx|csv)$/i.test(name)
}
