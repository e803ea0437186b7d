import { defineMigration } from '../migration'

// name_tokens / name_pinyin / name_initials are computed at write time for search (performance.md):
// Chinese names are shorter than trigram's 3 characters, so names are indexed as space-separated
// characters, and pinyin prefixes are matched with GLOB on an ordinary index.
export default defineMigration(30, 'create-members', async (db) => {
  await db.exec(`
    CREATE TABLE members (
      id INTEGER PRIMARY KEY,
      card_no TEXT,
      name TEXT NOT NULL,
      gender TEXT CHECK (gender IN ('M', 'F')),
      birth_date TEXT,
      ethnicity TEXT,
      id_number TEXT,
      mobile TEXT,
      education TEXT,
      political_status TEXT,
      native_place TEXT,
      department_id INTEGER REFERENCES departments(id),
      post TEXT,
      title TEXT,
      employee_no TEXT,
      join_date TEXT,
      wage_base_fen INTEGER CHECK (wage_base_fen >= 0),
      migrant_worker INTEGER NOT NULL DEFAULT 0 CHECK (migrant_worker IN (0, 1)),
      status TEXT NOT NULL DEFAULT 'active'
        CHECK (status IN ('active', 'transferredOut', 'retained', 'exited', 'deceased')),
      quality_issues TEXT NOT NULL DEFAULT '',
      name_tokens TEXT NOT NULL,
      name_pinyin TEXT NOT NULL,
      name_initials TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX members_by_id_number ON members(id_number) WHERE id_number IS NOT NULL;
    CREATE UNIQUE INDEX members_by_employee_no ON members(employee_no) WHERE employee_no IS NOT NULL;
    CREATE INDEX members_by_pinyin ON members(name_pinyin);
    CREATE INDEX members_by_initials ON members(name_initials);
    CREATE INDEX members_by_department ON members(department_id, name_pinyin);
    CREATE INDEX members_by_status ON members(status, name_pinyin);
    CREATE INDEX members_unqualified ON members(name_pinyin) WHERE quality_issues <> '';
    -- Nothing is ever hard-deleted (domain.md): status changes instead.
    CREATE TRIGGER members_never_deleted BEFORE DELETE ON members
      BEGIN SELECT RAISE(ABORT, 'members are never deleted'); END;
  `)
})
