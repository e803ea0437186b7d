import type { Migration } from '../migration'
import m0010 from './0010-create-org-profile'
import m0020 from './0020-create-departments'
import m0030 from './0030-create-members'
import m0040 from './0040-create-member-history'
import m0050 from './0050-create-member-search'
import m0060 from './0060-create-users'
import m0070 from './0070-create-audit-log'
import m0080 from './0080-encrypt-id-numbers'
import m0090 from './0090-index-name-pairs'
import m0100 from './0100-drop-long-id-tail-indexes'
import m0110 from './0110-index-number-pieces'
import m0120 from './0120-drop-long-id-tail-hashes'
import m0130 from './0130-drop-search-doc-sizes'
import m0140 from './0140-index-initials-with-pinyin'

/** Append-only: never edit a migration that has shipped; add the next one (fix forward). */
export const MIGRATIONS: readonly Migration[] = [m0010, m0020, m0030, m0040, m0050, m0060, m0070, m0080, m0090, m0100, m0110, m0120, m0130, m0140]

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version
