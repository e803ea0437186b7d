import { defineMigration } from '../migration'

export default defineMigration(20, 'create-departments', async (db) => {
  await db.exec(`
    CREATE TABLE departments (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      sort_order INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL
    ) STRICT;
  `)
})
