import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { StringDecoder } from 'node:string_decoder'
import { createInflateRaw } from 'node:zlib'

/**
 * Just enough ZIP to stream the parts of an .xlsx: the central directory gives every entry's
 * sizes and offset (right even when the writer used data descriptors), and each entry is then
 * streamed from disk through inflate. Nothing is held in memory but the directory.
 * ZIP64 archives (> 4 GB or > 65,535 entries) are refused: no roster comes near that.
 */
export type ZipEntry = { name: string; method: number; compressedSize: number; size: number; localOffset: number }

export class ZipFormatError extends Error {}

export async function readZipDirectory(filePath: string): Promise<Map<string, ZipEntry>> {
  const fh = await open(filePath, 'r')
  try {
    const { size } = await fh.stat()
    const tailLen = Math.min(size, 65_557)
    if (tailLen < 22) throw new ZipFormatError('not a zip file')
    const tail = Buffer.alloc(tailLen)
    await fh.read(tail, 0, tailLen, size - tailLen)
    let eocd = -1
    for (let i = tailLen - 22; i >= 0; i--) if (tail.readUInt32LE(i) === 0x06054b50) { eocd = i; break }
    if (eocd < 0) throw new ZipFormatError('no end of central directory')
    const count = tail.readUInt16LE(eocd + 10)
    const cdSize = tail.readUInt32LE(eocd + 12)
    const cdOffset = tail.readUInt32LE(eocd + 16)
    if (count === 0xffff || cdOffset === 0xffffffff || cdOffset + cdSize > size) throw new ZipFormatError('zip64 or damaged')
    const cd = Buffer.alloc(cdSize)
    await fh.read(cd, 0, cdSize, cdOffset)
    const entries = new Map<string, ZipEntry>()
    let p = 0
    for (let k = 0; k < count; k++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) throw new ZipFormatError('damaged central directory')
      const nameLen = cd.readUInt16LE(p + 28)
      const name = cd.toString('utf8', p + 46, p + 46 + nameLen)
      entries.set(name, {
        name, method: cd.readUInt16LE(p + 10), compressedSize: cd.readUInt32LE(p + 20), size: cd.readUInt32LE(p + 24),
        localOffset: cd.readUInt32LE(p + 42),
      })
      p += 46 + nameLen + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32)
    }
    return entries
  } finally {
    await fh.close()
  }
}

/** The entry's uncompressed bytes as a stream; destroy it to stop early. */
export async function openZipEntry(filePath: string, entry: ZipEntry): Promise<Readable> {
  const fh = await open(filePath, 'r')
  let start: number
  try {
    const local = Buffer.alloc(30)
    await fh.read(local, 0, 30, entry.localOffset)
    if (local.readUInt32LE(0) !== 0x04034b50) throw new ZipFormatError('damaged local header')
    start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28)
  } finally {
    await fh.close()
  }
  if (entry.method !== 0 && entry.method !== 8) throw new ZipFormatError(`compression method ${entry.method}`)
  if (entry.compressedSize === 0) return Readable.from([])
  const raw = createReadStream(filePath, { start, end: start + entry.compressedSize - 1, highWaterMark: 1 << 16 })
  if (entry.method === 0) return raw
  const inflate = createInflateRaw({ chunkSize: 1 << 16 })
  raw.on('error', (err) => inflate.destroy(err))
  inflate.on('close', () => raw.destroy())
  return raw.pipe(inflate)
}

/** Decoded text of an entry in chunks (UTF-8 split across chunks is decoded correctly). */
export async function* zipEntryText(filePath: string, entry: ZipEntry): AsyncGenerator<string> {
  const stream = await openZipEntry(filePath, entry)
  // StringDecoder keeps a character split between chunks for the next one, like TextDecoder's
  // stream mode, but decodes natively: TextDecoder went through ICU, a tenth of reading a sheet.
  const decoder = new StringDecoder('utf8')
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) yield decoder.write(chunk)
    const rest = decoder.end()
    if (rest) yield rest
  } finally {
    stream.destroy()
  }
}

export async function zipEntryString(filePath: string, entry: ZipEntry): Promise<string> {
  let s = ''
  for await (const part of zipEntryText(filePath, entry)) s += part
  return s
}
