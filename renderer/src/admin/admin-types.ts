import type { Result } from '../api/client'

export type UserInfo = Result<'users.list'>[number]
export type AuditPage = Result<'audit.list'>
export type AuditRow = AuditPage['rows'][number]
export type AuditVerify = Result<'audit.verify'>
export type BackupInfo = Result<'backup.list'>[number]
