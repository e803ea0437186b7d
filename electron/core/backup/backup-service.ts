import { mkdir, readdir, rm, stat } from 'node:fs/promises'
import { basename, join, resolve, sep } from 'node:path'
import { localDate, type Clock } from '../clock'
import { Database } from '../db/sqlite'
import { AppError, ValidationError } from '../errors'

export const BACKUP_REASONS = ['auto', 'manual', 'preMigration', 'preRestore'] as const
export type BackupReason = (typeof BACKUP_REASONS)[number]
export type BackupInfo = { name: string; sizeBytes: number; createdAt: string; reason: BackupReason }

const NAME = /^uniondesk-(\d{8})-(\d{6})-(auto|manual|preMigration|preRestore)(?:-\d+)?\.sqlite$/

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${localDate(d).replace(/-/g, '')}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`
}

/** A copy is only a backup once SQLite itself says the file is whole. */
export async function checkIntegrity(file: string): Promise<boolean> {
  const db = await Database.open(file, { readOnly: true })
  try {
    const rows = await db.all<{ integrity_check: string }>('PRAGMA integrity_check')
    return rows.length === 1 && rows[0]!.integrity_check === 'ok'
  } finally {
    await db.close()
  }
}

/**
 * Online backups with `VACUUM INTO` (a consistent, compact copy taken while the app runs), checked
 * with integrity_check, the last N kept. Restore goes through AppCore, which swaps the file.
 */
export class BackupService {
  constructor(
    /** The live database file; backups read it through their own connection, not the app's queue. */
    private readonly dbFile: string,
    readonly folder: string,
    private readonly clock: Clock,
    private readonly keepCount: () => Promise<number>,
  ) {}

  async create(reason: BackupReason, targetFolder: string = this.folder): Promise<BackupInfo> {
    await mkdir(targetFolder, { recursive: true })
    const base = `uniondesk-${stamp(this.clock.now())}-${reason}`
    let name = `${base}.sqlite`
    for (let i = 2; await exists(join(targetFolder, name)); i++) name = `${base}-${i}.sqlite`
    const file = join(targetFolder, name)
    // A separate read-only connection: in WAL mode the copy sees the last commit and the app's own
    // connection keeps serving the secretary meanwhile.
    const reader = await Database.open(this.dbFile, { readOnly: true })
    try {
      await reader.run('VACUUM INTO ?', [file])
    } finally {
      await reader.close()
    }
    if (!(await checkIntegrity(file))) {
      await rm(file, { force: true })
      throw new AppError('internal', 'backup.corrupt')
    }
    if (targetFolder === this.folder) await this.prune()
    return (await this.list()).find((b) => b.name === name) ?? describe(name, (await stat(file)).size)!
  }

  async list(): Promise<BackupInfo[]> {
    const names = await readdir(this.folder).catch(() => [] as string[])
    const out: BackupInfo[] = []
    for (const n of names) {
      const info = describe(n, (await stat(join(this.folder, n)).catch(() => null))?.size ?? 0)
      if (info) out.push(info)
    }
    return out.sort((a, b) => b.name.localeCompare(a.name))
  }

  /** Taken at start-up: at most one automatic backup a day. */
  async createDailyIfDue(): Promise<BackupInfo | null> {
    const today = localDate(this.clock.now()).replace(/-/g, '')
    const latestAuto = (await this.list()).find((b) => b.reason === 'auto')
    if (latestAuto && latestAuto.name.includes(`-${today}-`)) return null
    return this.create('auto')
  }

  /** The path of a backup in our folder, refusing anything else (no paths from the caller). */
  resolve(name: string): string {
    if (!NAME.test(name) || basename(name) !== name) throw new ValidationError('name', 'backup.unknown')
    const file = resolve(this.folder, name)
    if (!file.startsWith(resolve(this.folder) + sep)) throw new ValidationError('name', 'backup.unknown')
    return file
  }

  private async prune(): Promise<void> {
    const keep = await this.keepCount()
    const all = await this.list()
    for (const b of all.slice(Math.max(1, keep))) await rm(join(this.folder, b.name), { force: true })
  }
}

function describe(name: string, sizeBytes: number): BackupInfo | null {
  const m = NAME.exec(name)
  if (!m) return null
  const [, d, t, reason] = m
  const createdAt = `${d!.slice(0, 4)}-${d!.slice(4, 6)}-${d!.slice(6)} ${t!.slice(0, 2)}:${t!.slice(2, 4)}:${t!.slice(4)}`
  return { name, sizeBytes, createdAt, reason: reason as BackupReason }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(() => true, () => false)
}
