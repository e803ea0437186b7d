import { defineMigration } from '../migration'

/**
 * Names are indexed as their characters AND their adjacent pairs (张 伟 华 张伟 伟华): a search for a
 * 2-character name then reads one short posting list instead of intersecting two long ones (a
 * common surname's list holds thousands of members), which is what kept name search above 1 ms at
 * 100k members. Existing rows get the new tokens here and the name index is rebuilt from them. The
 * pairing is written out in this file (not imported) so the migration stays what it was when it shipped.
 */
export default defineMigration(90, 'index-name-pairs', async (db) => {
  const rows = await db.all<{ id: number; name_tokens: string }>('SELECT id, name_tokens FROM members')
  const withPairs = rows.map((r) => {
    const chars = r.name_tokens.split(' ').filter((c) => c.length > 0)
    return [r.id, [...chars, ...chars.slice(1).map((c, i) => chars[i]! + c)].join(' ')]
  })
  // Re-indexing row by row through the update trigger is ~10x slower than rebuilding the name
  // index in one pass, so the trigger steps aside (and comes back exactly as stored).
  const trigger = await db.get<{ sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'members_search_update'")
  if (trigger) await db.exec('DROP TRIGGER members_search_update')
  for (let i = 0; i < withPairs.length; i += 2000) {
    await db.run(`UPDATE members SET name_tokens = t.value->>1 FROM json_each(?) AS t WHERE members.id = t.value->>0`,
      [JSON.stringify(withPairs.slice(i, i + 2000))])
  }
  // hashsize: room for the whole rebuild in memory, so it is written as one index segment.
  await db.exec(`
    INSERT INTO member_name_fts(member_name_fts) VALUES ('delete-all');
    INSERT INTO member_name_fts(member_name_fts, rank) VALUES ('hashsize', 67108864);
    INSERT INTO member_name_fts(rowid, tokens) SELECT id, name_tokens FROM members ORDER BY id;
    INSERT INTO member_name_fts(member_name_fts, rank) VALUES ('hashsize', 1048576);
  `)
  if (trigger) await db.exec(trigger.sql)
})
