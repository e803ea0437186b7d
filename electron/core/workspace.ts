import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { AccountService } from './accounts/account-service'
import { readNumberSetting } from './accounts/settings-repository'
import { AuditTrail } from './audit/audit-trail'
import { BackupService } from './backup/backup-service'
import { systemClock, type Clock } from './clock'
import { KeyVault, type KeyProtector } from './crypto/key-vault'
import { migrate } from './db/migrate'
import { MIGRATIONS } from './db/migrations'
import { IdNumberProtector } from './members/id-number-protection'
import { Database } from './db/sqlite'
import { seedDemo } from './demo/seed-demo'
import { DepartmentService } from './departments/department-service'
import { countMembers } from './members/member-repository'
import { MemberService } from './members/member-service'
import { ProfileService } from './profile/profile-service'

export type WorkspaceKind = 'real' | 'demo'

export type CoreOptions = {
  /** Where the databases live: app.getPath('userData') in Electron, a folder the web host names. */
  dataDir: string
  /** Wraps the data key: Electron's safeStorage in the app, a development key file in the web host. */
  keyProtector: KeyProtector
  clock?: Clock
  /** Members generated into a new demo database. */
  demoMemberCount?: number
}

export const REAL_DB_FILE = 'uniondesk.sqlite'
export const DEMO_DB_FILE = 'uniondesk-demo.sqlite'
const PREFERENCES_FILE = 'preferences.json'

export function databaseFile(dataDir: string, kind: WorkspaceKind): string {
  return join(dataDir, kind === 'demo' ? DEMO_DB_FILE : REAL_DB_FILE)
}

/** The open database and the services over it. Real and demo records live in separate files. */
export class Workspace {
  readonly profile: ProfileService
  readonly departments: DepartmentService
  readonly members: MemberService
  readonly accounts: AccountService
  readonly audit: AuditTrail
  readonly backups: BackupService
  readonly idNumbers: IdNumberProtector

  constructor(
    readonly kind: WorkspaceKind,
    readonly db: Database,
    readonly vault: KeyVault,
    readonly clock: Clock,
    backupFolder: string,
  ) {
    this.audit = new AuditTrail(vault.auditKey)
    this.idNumbers = new IdNumberProtector(vault)
    this.profile = new ProfileService(db, this.audit, clock)
    this.departments = new DepartmentService(db, this.audit, clock)
    this.members = new MemberService(db, this.audit, this.idNumbers, clock)
    this.accounts = new AccountService(db, this.audit, clock)
    this.backups = new BackupService(db.file, backupFolder, clock, () => readNumberSetting(db, 'backup.keepCount'))
  }

  memberCount(): Promise<number> {
    return countMembers(this.db)
  }
}

/**
 * Opens (creating or upgrading) a workspace's database. The real register gets a backup before any
 * migration (AppCore adds the daily one); the demo is disposable and gets none.
 */
export async function openWorkspace(kind: WorkspaceKind, options: CoreOptions): Promise<Workspace> {
  const clock = options.clock ?? systemClock
  await mkdir(options.dataDir, { recursive: true })
  const vault = await KeyVault.open(join(options.dataDir, 'keys', `${kind}.key`), options.keyProtector)
  const db = await Database.open(databaseFile(options.dataDir, kind))
  const ws = new Workspace(kind, db, vault, clock, join(options.dataDir, 'backups'))
  try {
    const { from, to } = await migrate(db, {
      beforeMigrate: async (version) => {
        if (kind === 'real' && version > 0) await ws.backups.create('preMigration')
      },
    }, MIGRATIONS, { idProtector: ws.idNumbers })
    // Migrations may have replaced clear values (0080): move everything out of the WAL and empty it.
    if (from !== to) await db.exec('PRAGMA wal_checkpoint(TRUNCATE)')
    if (kind === 'demo' && from === 0) await seedDemo(db, clock, ws.idNumbers, options.demoMemberCount)
  } catch (err) {
    await db.close()
    throw err
  }
  return ws
}

/** Which workspace was last in use, so a restart returns the secretary to where they were. */
export async function readLastWorkspace(dataDir: string): Promise<WorkspaceKind> {
  try {
    const prefs = JSON.parse(await readFile(join(dataDir, PREFERENCES_FILE), 'utf8')) as { workspace?: unknown }
    return prefs.workspace === 'demo' ? 'demo' : 'real'
  } catch {
    return 'real'
  }
}

export async function writeLastWorkspace(dataDir: string, kind: WorkspaceKind): Promise<void> {
  await writeFile(join(dataDir, PREFERENCES_FILE), JSON.stringify({ workspace: kind }))
}
