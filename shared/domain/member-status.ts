/**
 * Membership lifecycle (domain.md). Membership follows employment: a member joins once and moves
 * with the job; nothing is ever deleted, every change is a dated event.
 */
export const MEMBER_STATUSES = ['active', 'transferredOut', 'retained', 'exited', 'deceased'] as const
export type MemberStatus = (typeof MEMBER_STATUSES)[number]

/** Event kinds written to the history. `counterpart` is the destination or origin unit. */
export const STATUS_CHANGE_KINDS = ['transferOut', 'transferIn', 'retain', 'reinstate', 'exit', 'death'] as const
export type StatusChangeKind = (typeof STATUS_CHANGE_KINDS)[number]

export const HISTORY_KINDS = ['join', 'edit', ...STATUS_CHANGE_KINDS] as const
export type HistoryKind = (typeof HISTORY_KINDS)[number]

export const STATUS_AFTER: Record<StatusChangeKind, MemberStatus> = {
  transferOut: 'transferredOut',
  transferIn: 'active',
  retain: 'retained',
  reinstate: 'active',
  exit: 'exited',
  death: 'deceased',
}

/** Which changes are allowed from each status; deceased is final. */
export const ALLOWED_CHANGES: Record<MemberStatus, readonly StatusChangeKind[]> = {
  active: ['transferOut', 'retain', 'exit', 'death'],
  retained: ['reinstate', 'transferOut', 'exit', 'death'],
  transferredOut: ['transferIn'],
  exited: ['reinstate'],
  deceased: [],
}

/** Changes that need the other unit named (destination for out, origin for in). */
export const NEEDS_COUNTERPART: readonly StatusChangeKind[] = ['transferOut', 'transferIn']

export function canChange(from: MemberStatus, kind: StatusChangeKind): boolean {
  return ALLOWED_CHANGES[from].includes(kind)
}
