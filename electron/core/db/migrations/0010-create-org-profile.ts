import { defineMigration } from '../migration'

// One row: the union's profile. Kept as validated JSON because the statistical form's identity
// fields change between report years; the zod schema in shared/ is the authority on its shape.
export default defineMigration(10, 'create-org-profile', async (db) => {
  await db.exec(`
    CREATE TABLE org_profile (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      data TEXT NOT NULL CHECK (json_valid(data)),
      updated_at TEXT NOT NULL
    ) STRICT;
  `)
})
