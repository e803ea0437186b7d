import { defineMigration } from '../migration'

/**
 * Employee no. and mobile fragments are searched through their 4-character pieces and last 3 (see
 * members/number-grams.ts) instead of a trigram index: a 4+ character fragment then reads a few
 * short posting lists, which took the slowest kinds of search (phone, employee no., ID tail) under
 * 1 ms at 100k members. The pieces are stored with each member and indexed by the search
 * triggers, which are recreated here with the name index unchanged. The piece-making is written
 * out in this file so the migration stays what it was when it shipped.
 */
const piecesOf = (value: string | null): string => {
  if (!value) return ''
  const s = value.normalize('NFKC').toLowerCase().replace(/[^0-9a-z]/g, '')
  if (s.length <= 3) return s
  return [...Array.from({ length: s.length - 3 }, (_, i) => s.slice(i, i + 4)), s.slice(-3)].join(' ')
}

export default defineMigration(110, 'index-number-pieces', async (db) => {
  await db.exec(`
    ALTER TABLE members ADD COLUMN employee_no_grams TEXT NOT NULL DEFAULT '';
    ALTER TABLE members ADD COLUMN mobile_grams TEXT NOT NULL DEFAULT '';
    DROP TRIGGER members_search_insert;
    DROP TRIGGER members_search_update;
    DROP TABLE member_number_fts;
  `)
  const rows = await db.all<{ id: number; employee_no: string | null; mobile: string | null }>(
    'SELECT id, employee_no, mobile FROM members WHERE employee_no IS NOT NULL OR mobile IS NOT NULL')
  const filled = rows.map((r) => [r.id, piecesOf(r.employee_no), piecesOf(r.mobile)])
  for (let i = 0; i < filled.length; i += 2000) {
    await db.run(`UPDATE members SET employee_no_grams = t.value->>1, mobile_grams = t.value->>2
      FROM json_each(?) AS t WHERE members.id = t.value->>0`, [JSON.stringify(filled.slice(i, i + 2000))])
  }
  await db.exec(`
    CREATE VIRTUAL TABLE member_number_fts USING fts5(
      employee_no, mobile, content='', contentless_delete=1, tokenize='unicode61'
    );
    CREATE TRIGGER members_search_insert AFTER INSERT ON members BEGIN
      INSERT INTO member_name_fts(rowid, tokens) VALUES (new.id, new.name_tokens);
      INSERT INTO member_number_fts(rowid, employee_no, mobile) VALUES (new.id, new.employee_no_grams, new.mobile_grams);
    END;
    CREATE TRIGGER members_search_update AFTER UPDATE OF name_tokens, employee_no_grams, mobile_grams ON members BEGIN
      DELETE FROM member_name_fts WHERE rowid = old.id;
      INSERT INTO member_name_fts(rowid, tokens) VALUES (new.id, new.name_tokens);
      DELETE FROM member_number_fts WHERE rowid = old.id;
      INSERT INTO member_number_fts(rowid, employee_no, mobile) VALUES (new.id, new.employee_no_grams, new.mobile_grams);
    END;
    INSERT INTO member_number_fts(member_number_fts, rank) VALUES ('hashsize', 67108864);
    INSERT INTO member_number_fts(rowid, employee_no, mobile) SELECT id, employee_no_grams, mobile_grams FROM members ORDER BY id;
    INSERT INTO member_number_fts(member_number_fts, rank) VALUES ('hashsize', 1048576);
  `)
})
