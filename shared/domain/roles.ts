import type { Channel } from '../contract'

export const ROLES = ['chair', 'secretary', 'treasurer', 'viewer'] as const
export type Role = (typeof ROLES)[number]

/**
 * What each role may do (issue 3): the chair everything; the secretary keeps records but neither
 * manages users nor signs off; the treasurer keeps dues and funds and reads the rest; a viewer reads.
 */
export const PERMISSIONS = {
  read: ['chair', 'secretary', 'treasurer', 'viewer'],
  writeRecords: ['chair', 'secretary'],
  writeProfile: ['chair', 'secretary'],
  revealSensitive: ['chair', 'secretary'],
  manageUsers: ['chair'],
  readAudit: ['chair'],
  manageBackups: ['chair'],
  signOff: ['chair'],
} as const satisfies Record<string, readonly Role[]>
export type Permission = keyof typeof PERMISSIONS

/** `public`: callable before login (start-up and the login screen itself). */
export type Access = Permission | 'public' | 'signedIn'

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role)
}

/** Every channel says who may call it; a channel missing here does not compile. */
export type ChannelAccess = Record<Channel, Access>
