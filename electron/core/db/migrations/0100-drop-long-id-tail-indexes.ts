import { defineMigration } from '../migration'

/**
 * A search by the last 5 or 6 characters of an ID number goes through the last-4 index (about ten
 * members per value at 100k) and checks the stored 5/6 blind index on those rows, so the two
 * longer-tail indexes only cost: every import rebuilds them (a quarter second per 100k members)
 * and they keep a second and third sorted copy of values derived from ID numbers. The columns stay.
 */
export default defineMigration(100, 'drop-long-id-tail-indexes', async (db) => {
  await db.exec(`
    DROP INDEX members_by_id_tail5;
    DROP INDEX members_by_id_tail6;
  `)
})
