import { extname, isAbsolute, relative, resolve, sep } from 'node:path'
import { ValidationError } from '../errors'

/**
 * File names for what the app writes into a folder the user picked. Pure: no file system access.
 * A name can never reach outside the folder: separators, "..", drive letters and reserved
 * Windows names are neutralised, and `resolveInside` checks the final path once more.
 */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i
const MAX_LENGTH = 120

export function sanitizeFileName(name: string, fallback = '导出文件'): string {
  let s = name.normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/[\\/:*?"<>|]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '')
  if (RESERVED.test(s)) s = `_${s}`
  if (s.length > MAX_LENGTH) {
    const ext = extname(s)
    const keep = ext.length > 0 && ext.length <= 10 ? ext : ''
    s = s.slice(0, MAX_LENGTH - keep.length).replace(/[.\s]+$/, '') + keep
  }
  return s || fallback
}

/** `name` with `ext` (".xlsx") unless it already ends with it (case-insensitive). */
export function withExtension(name: string, ext: string): string {
  return name.toLowerCase().endsWith(ext.toLowerCase()) ? name : `${name}${ext}`
}

/** The full path of a sanitised file name directly inside `folder`; throws if it would land elsewhere. */
export function resolveInside(folder: string, fileName: string): string {
  const base = resolve(folder)
  const safe = sanitizeFileName(fileName)
  const full = resolve(base, safe)
  const rel = relative(base, full)
  if (!rel || rel.startsWith('..') || isAbsolute(rel) || rel.includes(sep)) {
    throw new ValidationError('fileName', 'export.outsideFolder')
  }
  return full
}
