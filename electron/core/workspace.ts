import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { systemClock, type Clock } from './clock'
import { migrate, type MigrateHooks } from './db/migrate'
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
  clock?: Clock
  migrateHooks?: MigrateHooks
  /** Members generated into a new demo database. */
  demoMemberCount?: number
}

export const REAL_DB_FILE = 'uniondesk.sqlite'
export const DEMO_DB_FILE = 'uniondesk-demo.sqlite'
const PREFERENCES_FILE = 'preferences.json'

/** The open database and the services over it. Real and demo records live in separate files. */
export class Workspace {
  readonly profile: ProfileService
  readonly departments: DepartmentService
  readonly members: MemberService

  constructor(
    readonly kind: WorkspaceKind,
    readonly db: Database,
    clock: Clock,
  ) {
    this.profile = new ProfileService(db, clock)
    this.departments = new DepartmentService(db, clock)
    this.members = new MemberService(db, clock)
  }

  memberCount(): Promise<number> {
    return countMembers(this.db)
  }
}

export async function openWorkspace(kind: WorkspaceKind, options: CoreOptions): Promise<Workspace> {
  const clock = options.clock ?? systemClock
  await mkdir(options.dataDir, { recursive: true })
  const db = await Database.open(join(options.dataDir, kind === 'demo' ? DEMO_DB_FILE : REAL_DB_FILE))
  try {
    const { from } = await migrate(db, options.migrateHooks)
    if (kind === 'demo' && from === 0) await seedDemo(db, clock, options.demoMemberCount)
  } catch (err) {
    await db.close()
    throw err
  }
  return new Workspace(kind, db, clock)
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
