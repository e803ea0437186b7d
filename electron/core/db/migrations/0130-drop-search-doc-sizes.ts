import { defineMigration } from '../migration'

/**
 * Both search indexes are rebuilt without their per-member size rows (`columnsize=0`): searches
 * only ask which members match, never rank them, so the sizes were never read, yet every insert
 * wrote one row per index for them (a third of an import's search-index work at 100k members).
 * `contentless_delete=1` needs those rows, so the update trigger now removes a member's old entry
 * with FTS5's 'delete' command, giving it the values that were indexed: they are the stored
 * columns it was indexed from (name_tokens and the number pieces), kept in step by the same triggers.
 */
export default defineMigration(130, 'drop-search-doc-sizes', async (db) => {
  await db.exec(`
    DROP TRIGGER members_search_insert;
    DROP TRIGGER members_search_update;
    DROP TABLE member_name_fts;
    DROP TABLE member_number_fts;
    CREATE VIRTUAL TABLE member_name_fts USING fts5(
      tokens, content='', columnsize=0, tokenize='unicode61'
    );
    CREATE VIRTUAL TABLE member_number_fts USING fts5(
      employee_no, mobile, content='', columnsize=0, tokenize='unicode61'
    );
    CREATE TRIGGER members_search_insert AFTER INSERT ON members BEGIN
      INSERT INTO member_name_fts(rowid, tokens) VALUES (new.id, new.name_tokens);
      INSERT INTO member_number_fts(rowid, employee_no, mobile) VALUES (new.id, new.employee_no_grams, new.mobile_grams);
    END;
    CREATE TRIGGER members_search_update AFTER UPDATE OF name_tokens, employee_no_grams, mobile_grams ON members BEGIN
      INSERT INTO member_name_fts(member_name_fts, rowid, tokens) VALUES ('delete', old.id, old.name_tokens);
      INSERT INTO member_name_fts(rowid, tokens) VALUES (new.id, new.name_tokens);
      INSERT INTO member_number_fts(member_number_fts, rowid, employee_no, mobile)
        VALUES ('delete', old.id, old.employee_no_grams, old.mobile_grams);
      INSERT INTO member_number_fts(rowid, employee_no, mobile) VALUES (new.id, new.employee_no_grams, new.mobile_grams);
    END;
    INSERT INTO member_name_fts(member_name_fts, rank) VALUES ('hashsize', 67108864);
    INSERT INTO member_number_fts(member_number_fts, rank) VALUES ('hashsize', 67108864);
    INSERT INTO member_name_fts(rowid, tokens) SELECT id, name_tokens FROM members ORDER BY id;
    INSERT INTO member_number_fts(rowid, employee_no, mobile) SELECT id, employee_no_grams, mobile_grams FROM members ORDER BY id;
    INSERT INTO member_name_fts(member_name_fts, rank) VALUES ('hashsize', 1048576);
    INSERT INTO member_number_fts(member_number_fts, rank) VALUES ('hashsize', 1048576);
  `)
})
