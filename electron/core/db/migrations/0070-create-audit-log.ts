import { defineMigration } from '../migration'

// Append-only, hash-chained audit trail (security.md): triggers refuse UPDATE and DELETE, and each
// row's keyed hash covers the previous row's, so an edit made around the triggers is detectable.
export default defineMigration(70, 'create-audit-log', async (db) => {
  await db.exec(`
    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor_id INTEGER,
      actor_name TEXT NOT NULL,
      action TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id TEXT,
      changes TEXT NOT NULL CHECK (json_valid(changes)),
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    ) STRICT;
    CREATE INDEX audit_log_by_entity ON audit_log(entity, entity_id);
    CREATE INDEX audit_log_by_actor ON audit_log(actor_id, id);
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
  `)
})
