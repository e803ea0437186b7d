import { defineMigration } from '../migration'

/**
 * ID numbers leave the clear (issue 3): sealed value, blind indexes (whole number, last 4/5/6),
 * and the masked form, then the plaintext column and its trigram index are dropped. Existing rows
 * are converted in the same transaction; with secure_delete on, freed pages are zeroed.
 */
export default defineMigration(80, 'encrypt-id-numbers', async (db, ctx) => {
  await db.exec(`
    ALTER TABLE members ADD COLUMN id_number_enc TEXT;
    ALTER TABLE members ADD COLUMN id_number_hash TEXT;
    ALTER TABLE members ADD COLUMN id_tail4_hash TEXT;
    ALTER TABLE members ADD COLUMN id_tail5_hash TEXT;
    ALTER TABLE members ADD COLUMN id_tail6_hash TEXT;
    ALTER TABLE members ADD COLUMN id_masked TEXT;
  `)
  const rows = await db.all<{ id: number; id_number: string }>('SELECT id, id_number FROM members WHERE id_number IS NOT NULL')
  if (rows.length > 0) {
    if (!ctx.idProtector) throw new Error('0080 needs the data key to encrypt existing ID numbers')
    const sealed = rows.map((r) => ({ id: r.id, ...ctx.idProtector!.seal(r.id_number) }))
    for (let i = 0; i < sealed.length; i += 2000) {
      await db.run(`
        UPDATE members SET id_number_enc = s.value->>'enc', id_number_hash = s.value->>'hash',
          id_tail4_hash = s.value->>'tail4', id_tail5_hash = s.value->>'tail5', id_tail6_hash = s.value->>'tail6',
          id_masked = s.value->>'masked'
        FROM json_each(?) AS s WHERE members.id = s.value->>'id'`, [JSON.stringify(sealed.slice(i, i + 2000))])
    }
  }
  await db.exec(`
    DROP TRIGGER members_search_insert;
    DROP TRIGGER members_search_update;
    DROP TABLE member_number_fts;
    DROP INDEX members_by_id_number;
    ALTER TABLE members DROP COLUMN id_number;
    CREATE UNIQUE INDEX members_by_id_number_hash ON members(id_number_hash) WHERE id_number_hash IS NOT NULL;
    CREATE INDEX members_by_id_tail4 ON members(id_tail4_hash) WHERE id_tail4_hash IS NOT NULL;
    CREATE INDEX members_by_id_tail5 ON members(id_tail5_hash) WHERE id_tail5_hash IS NOT NULL;
    CREATE INDEX members_by_id_tail6 ON members(id_tail6_hash) WHERE id_tail6_hash IS NOT NULL;
    CREATE VIRTUAL TABLE member_number_fts USING fts5(
      employee_no, mobile, content='', contentless_delete=1, tokenize='trigram'
    );
    CREATE TRIGGER members_search_insert AFTER INSERT ON members BEGIN
      INSERT INTO member_name_fts(rowid, tokens) VALUES (new.id, new.name_tokens);
      INSERT INTO member_number_fts(rowid, employee_no, mobile)
        VALUES (new.id, coalesce(new.employee_no, ''), coalesce(new.mobile, ''));
    END;
    CREATE TRIGGER members_search_update AFTER UPDATE OF name_tokens, employee_no, mobile ON members BEGIN
      DELETE FROM member_name_fts WHERE rowid = old.id;
      INSERT INTO member_name_fts(rowid, tokens) VALUES (new.id, new.name_tokens);
      DELETE FROM member_number_fts WHERE rowid = old.id;
      INSERT INTO member_number_fts(rowid, employee_no, mobile)
        VALUES (new.id, coalesce(new.employee_no, ''), coalesce(new.mobile, ''));
    END;
    INSERT INTO member_number_fts(rowid, employee_no, mobile)
      SELECT id, coalesce(employee_no, ''), coalesce(mobile, '') FROM members;
  `)
})
