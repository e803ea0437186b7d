import { defineMigration } from '../migration'

// Two contentless FTS5 indexes kept in step by triggers, so every write path (form, import, demo)
// maintains them: characters of the name (phrase queries find 2-character names), and trigrams of
// the number-like fields (any 3+ character fragment of employee no., mobile or ID number).
export default defineMigration(50, 'create-member-search', async (db) => {
  await db.exec(`
    CREATE VIRTUAL TABLE member_name_fts USING fts5(
      tokens, content='', contentless_delete=1, tokenize='unicode61'
    );
    CREATE VIRTUAL TABLE member_number_fts USING fts5(
      employee_no, mobile, id_number, content='', contentless_delete=1, tokenize='trigram'
    );
    CREATE TRIGGER members_search_insert AFTER INSERT ON members BEGIN
      INSERT INTO member_name_fts(rowid, tokens) VALUES (new.id, new.name_tokens);
      INSERT INTO member_number_fts(rowid, employee_no, mobile, id_number)
        VALUES (new.id, coalesce(new.employee_no, ''), coalesce(new.mobile, ''), coalesce(new.id_number, ''));
    END;
    CREATE TRIGGER members_search_update AFTER UPDATE OF name_tokens, employee_no, mobile, id_number ON members BEGIN
      DELETE FROM member_name_fts WHERE rowid = old.id;
      INSERT INTO member_name_fts(rowid, tokens) VALUES (new.id, new.name_tokens);
      DELETE FROM member_number_fts WHERE rowid = old.id;
      INSERT INTO member_number_fts(rowid, employee_no, mobile, id_number)
        VALUES (new.id, coalesce(new.employee_no, ''), coalesce(new.mobile, ''), coalesce(new.id_number, ''));
    END;
    INSERT INTO member_name_fts(rowid, tokens) SELECT id, name_tokens FROM members;
    INSERT INTO member_number_fts(rowid, employee_no, mobile, id_number)
      SELECT id, coalesce(employee_no, ''), coalesce(mobile, ''), coalesce(id_number, '') FROM members;
  `)
})
