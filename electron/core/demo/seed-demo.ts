import type { OrgProfile } from '../../../shared/domain/org-profile'
import type { Clock } from '../clock'
import type { Database } from '../db/sqlite'
import { insertDepartment } from '../departments/department-repository'
import { withBulkLoad } from '../members/bulk-load'
import { insertMembersWithHistory } from '../members/member-bulk'
import { writeProfile } from '../profile/profile-repository'
import type { IdNumberProtector } from '../members/id-number-protection'
import { DEMO_DEPARTMENTS, generateDemoPeople } from './demo-people'

export const DEMO_PROFILE: OrgProfile = {
  unionName: '青海示例水电有限公司工会委员会', unitName: '青海示例水电有限公司', statCode: '63000012345',
  uscc: '91630100MA752N8K3H', divisionCode: '630102', unitCategory: '110', industry: '电力、热力生产和供应业',
  foundedOn: '2003-05-01', committeeTerm: '第四届（2023—2028）', staffCount: 1400, womenStaffCount: 420,
  fullTimeUnionStaff: 2, partTimeUnionStaff: 9, legalRepresentative: '王建国', chairName: '李卫东',
}

/** Fills an empty database with the demo union: profile, departments, members and their history. */
export async function seedDemo(db: Database, clock: Clock, ids: IdNumberProtector, memberCount = 1200, seed = 20261127): Promise<void> {
  const now = clock.now().toISOString()
  await db.transaction(async (tx) => {
    await writeProfile(tx, DEMO_PROFILE, now)
    const deptIds: number[] = []
    for (const name of DEMO_DEPARTMENTS) deptIds.push(await insertDepartment(tx, name, now))
    // An empty register: indexes and the search index are built once after the rows, as an import does.
    await withBulkLoad(tx, () => insertMembersWithHistory(tx, generateDemoPeople(memberCount, seed, deptIds), now, ids))
  })
  // As after a big import: fold the WAL (as large as the data just written) into the database file,
  // so reads do not look every page up in it first.
  await db.foldWal()
}
