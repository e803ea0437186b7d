import { defineMigration } from '../migration'

export default defineMigration(40, 'create-member-history', async (db) => {
  await db.exec(`
    CREATE TABLE member_history (
      id INTEGER PRIMARY KEY,
      member_id INTEGER NOT NULL REFERENCES members(id),
      kind TEXT NOT NULL,
      event_date TEXT NOT NULL,
      from_status TEXT,
      to_status TEXT,
      counterpart TEXT,
      note TEXT,
      changed_fields TEXT,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX member_history_by_member ON member_history(member_id, id);
    -- History rows are facts about the past: they are added, never rewritten.
    CREATE TRIGGER member_history_no_update BEFORE UPDATE ON member_history
      BEGIN SELECT RAISE(ABORT, 'member history is append-only'); END;
    CREATE TRIGGER member_history_no_delete BEFORE DELETE ON member_history
      BEGIN SELECT RAISE(ABORT, 'member history is append-only'); END;
  `)
})
