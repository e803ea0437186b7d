/**
 * The member roster (花名册): import from .xlsx/.csv and export to .xlsx/.csv. Everything here is
 * plain Node (no Electron): the contract handlers call these with paths the user picked.
 *
 *   detectRoster(file)                → sheets, header row, proposed column mapping, sample rows
 *   previewImport(db, file, options)  → counts (new / update / skip / error), first errors, diffs
 *   commitImport(db, file, options)   → writes all valid rows in one transaction (cancel = nothing written)
 *   writeErrorReport(file, report)    → the rows that failed, to fix and import again
 *   writeTemplate(file)               → blank template with an example row
 *   exportRoster(db, options)         → .xlsx / .csv of a filtered list into a folder
 */
export { detectRoster, checkMapping, type RosterDetection, type RosterMapping } from './detect'
export { previewImport, type ImportPreview, type ImportCounts, type PlannedUpdate } from './import-preview'
export { commitImport, type CommitOptions, type ImportResult } from './import-commit'
export {
  ImportCancelledError, type ConflictMode, type ErrorRow, type ImportError, type ImportOptions, type ImportProgress,
} from './import-plan'
export type { FieldDiff } from './import-diff'
export { writeErrorReport, ERROR_COLUMN_HEADER, type ErrorReport } from './error-report'
export { writeTemplate } from './roster-template'
export { exportRoster, defaultExportName, type ExportOptions, type ExportResult, type ExportFormat } from './roster-export'
export { sanitizeFileName, resolveInside, withExtension } from './file-names'
export { IMPORT_FIELDS, FIELD_HEADERS, type ImportField } from './fields'
export type { DetectedColumn } from './header-detection'
export type { ColumnMap } from './row-validate'
