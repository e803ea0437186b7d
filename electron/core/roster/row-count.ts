import { createReadStream } from 'node:fs'
import { rosterFileKind } from './read-roster'
import { openXlsx } from './xlsx-reader'
import { openZipEntry, type ZipEntry } from './zip-reader'

/**
 * A cheap count of a sheet's rows for progress bars, without parsing the sheet: the worksheet's
 * XML is inflated and its `<row` elements counted (≈0.2 s for 100k rows, vs seconds to parse).
 * For CSV, line breaks are counted. Returns null when the file cannot be read that way.
 */
export async function countSheetRows(filePath: string, sheetIndex = 0): Promise<number | null> {
  try {
    if (rosterFileKind(filePath) === 'csv') return await countLines(filePath)
    const book = await openXlsx(filePath)
    const sheet = book.sheets[sheetIndex]
    return sheet ? await countRowTags(filePath, sheet.entry) : null
  } catch {
    return null
  }
}

/** Counts `<row` / `<x:row` element starts across chunk boundaries. */
async function countRowTags(filePath: string, entry: ZipEntry): Promise<number> {
  const source = await openZipEntry(filePath, entry)
  let count = 0
  let carry = Buffer.alloc(0)
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk
      // Matches at positions before `from` were checked with the previous chunk.
      const from = Math.max(0, carry.length - 3)
      for (let i = buf.indexOf('row', from, 'latin1'); i >= 0 && i + 3 < buf.length; i = buf.indexOf('row', i + 3, 'latin1')) {
        const before = buf[i - 1]
        const after = buf[i + 3]
        if (after !== 0x20 && after !== 0x3e && after !== 0x2f) continue
        // "<row" or a prefixed "<x:row"; "</row" has '/' before it.
        if (before === 0x3c || (before === 0x3a && isPrefixedOpen(buf, i - 1))) count++
      }
      carry = Buffer.from(buf.subarray(Math.max(0, buf.length - 16)))
    }
  } finally {
    source.destroy()
  }
  return count
}

function isPrefixedOpen(buf: Buffer, colon: number): boolean {
  let j = colon - 1
  while (j >= 0 && buf[j] !== 0x3c && buf[j] !== 0x2f && buf[j] !== 0x20 && buf[j] !== 0x3e) j--
  return j >= 0 && buf[j] === 0x3c
}

async function countLines(filePath: string): Promise<number> {
  let n = 0
  let last = 0x0a
  for await (const chunk of createReadStream(filePath) as AsyncIterable<Buffer>) {
    let i = chunk.indexOf(0x0a)
    while (i >= 0) { n++; i = chunk.indexOf(0x0a, i + 1) }
    if (chunk.length) last = chunk[chunk.length - 1]!
  }
  return last === 0x0a ? n : n + 1
}
