import { defineMigration } from '../migration'

/**
 * Typed pinyin (`zhangs`) finds full-pinyin hits, then initials hits that are not full-pinyin
 * ones. That second part read each initials hit's member row only to look at its pinyin; with the
 * pinyin in the initials index, the index alone answers it (~0.35 against ~0.7 ms at 100k). The
 * index also still serves initials-only searches, so the old one goes.
 */
export default defineMigration(140, 'index-initials-with-pinyin', async (db) => {
  await db.exec(`
    DROP INDEX members_by_initials;
    CREATE INDEX members_by_initials_pinyin ON members(name_initials, name_pinyin);
  `)
})
