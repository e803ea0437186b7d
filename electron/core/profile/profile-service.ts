import type { OrgProfile } from '../../../shared/domain/org-profile'
import { diffForAudit, type Actor, type AuditTrail } from '../audit/audit-trail'
import type { Clock } from '../clock'
import type { Database } from '../db/sqlite'
import { readProfile, writeProfile } from './profile-repository'

export class ProfileService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  get(): Promise<OrgProfile | null> {
    return readProfile(this.db)
  }

  async save(profile: OrgProfile, actor: Actor): Promise<OrgProfile> {
    const now = this.clock.now().toISOString()
    await this.db.transaction(async (tx) => {
      const before = await readProfile(tx)
      await writeProfile(tx, profile, now)
      const fields = Object.keys(profile) as (keyof OrgProfile & string)[]
      await this.audit.record(tx, actor, { action: 'profile.save', entity: 'profile', entityId: 1, changes: diffForAudit(before, profile, fields) }, now)
    })
    return profile
  }
}
