import { orgProfileSchema, type OrgProfile } from '../../../shared/domain/org-profile'
import type { Queryable } from '../db/sqlite'

export async function readProfile(db: Queryable): Promise<OrgProfile | null> {
  const row = await db.get<{ data: string }>('SELECT data FROM org_profile WHERE id = 1')
  return row ? orgProfileSchema.parse(JSON.parse(row.data)) : null
}

export async function writeProfile(db: Queryable, profile: OrgProfile, now: string): Promise<void> {
  await db.run(
    `INSERT INTO org_profile (id, data, updated_at) VALUES (1, ?, ?)
     ON CONFLICT(id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
    [JSON.stringify(profile), now])
}
