import type { Queryable } from '../db/sqlite'

/** Tunable rules with their defaults (issue 3: lock-out after 5 failures for 15 minutes, idle lock). */
export const SETTING_DEFAULTS = {
  'security.maxFailedLogins': 5,
  'security.lockoutMinutes': 15,
  'security.idleLockMinutes': 10,
  'backup.keepCount': 14,
} as const
export type SettingKey = keyof typeof SETTING_DEFAULTS

export async function readNumberSetting(db: Queryable, key: SettingKey): Promise<number> {
  // Before migration 0060 (e.g. the pre-migration backup of an older file) there is no settings table yet.
  const table = await db.get("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'settings'")
  if (!table) return SETTING_DEFAULTS[key]
  const row = await db.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [key])
  const n = row ? Number(row.value) : NaN
  return Number.isFinite(n) ? n : SETTING_DEFAULTS[key]
}

export async function writeSetting(db: Queryable, key: SettingKey, value: number): Promise<void> {
  await db.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', [key, String(value)])
}
