import type { ChannelAccess } from './domain/roles'

/**
 * Who may call each channel. Core enforces this on every call (not only the UI): `public` works
 * before sign-in, `signedIn` needs any account, anything else names a permission from roles.ts.
 */
export const CHANNEL_ACCESS: ChannelAccess = {
  'app.info': 'public',
  'app.useDemo': 'public',
  'app.useReal': 'public',
  'auth.session': 'public',
  'auth.setupChair': 'public',
  'auth.login': 'public',
  'auth.logout': 'public',
  'auth.lock': 'public',
  'auth.unlock': 'public',
  'auth.changePassword': 'signedIn',
  'users.list': 'manageUsers',
  'users.create': 'manageUsers',
  'users.update': 'manageUsers',
  'users.resetPassword': 'manageUsers',
  'audit.list': 'readAudit',
  'audit.verify': 'readAudit',
  'backup.list': 'manageBackups',
  'backup.create': 'manageBackups',
  'backup.exportTo': 'manageBackups',
  'backup.restore': 'manageBackups',
  'profile.get': 'read',
  'profile.save': 'writeProfile',
  'departments.list': 'read',
  'departments.create': 'writeRecords',
  'departments.rename': 'writeRecords',
  'members.search': 'read',
  'members.get': 'read',
  'members.create': 'writeRecords',
  'members.update': 'writeRecords',
  'members.changeStatus': 'writeRecords',
  'members.revealIdNumber': 'revealSensitive',
}
