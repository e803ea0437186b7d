import { defineMigration } from '../migration'

// Local accounts (issue 3) and the settings that govern them. Users are disabled, never deleted,
// so the audit trail can always name who did what.
export default defineMigration(60, 'create-users', async (db) => {
  await db.exec(`
    CREATE TABLE users (
      id INTEGER PRIMARY KEY,
      username TEXT NOT NULL UNIQUE COLLATE NOCASE,
      display_name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('chair', 'secretary', 'treasurer', 'viewer')),
      password_hash TEXT NOT NULL,
      failed_attempts INTEGER NOT NULL DEFAULT 0,
      locked_until TEXT,
      disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
      must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER users_never_deleted BEFORE DELETE ON users
      BEGIN SELECT RAISE(ABORT, 'users are disabled, never deleted'); END;
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;
  `)
})
