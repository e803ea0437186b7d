import type { OrgProfile } from '../../../shared/domain/org-profile'
import type { Clock } from '../clock'
import type { Database } from '../db/sqlite'
import { readProfile, writeProfile } from './profile-repository'

export class ProfileService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  get(): Promise<OrgProfile | null> {
    return readProfile(this.db)
  }

  async save(profile: OrgProfile): Promise<OrgProfile> {
    await this.db.transaction((tx) => writeProfile(tx, profile, this.clock.now().toISOString()))
    return profile
  }
}
