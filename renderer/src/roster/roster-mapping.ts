import { ROSTER_FIELDS, type RosterField, type RosterMappingInput } from '../../../shared/domain/roster'
import type { Result } from '../api/client'

export type RosterDetection = Result<'roster.detect'>

/** One column of the file as the mapping step shows it: its header, a few values, and the field it fills. */
export type ColumnChoice = { index: number; letter: string; header: string; samples: string[]; field: RosterField | null }

export type MappingIssue =
  | { kind: 'nameNotMapped' }
  | { kind: 'fieldTwice'; field: RosterField; columns: string[] }

/** 1 → A, 27 → AA (as Excel names columns). */
export function columnLetter(index: number): string {
  let s = ''
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s
  return s
}

/**
 * The columns with up to `sampleCount` non-blank sample values each, pre-filled from detection's
 * proposal (mapping.columns is authoritative; a column's own `field` is the fallback).
 */
export function columnChoices(detection: RosterDetection, sampleCount = 3): ColumnChoice[] {
  const proposed = new Map<number, RosterField>()
  const columns = detection.mapping?.columns ?? {}
  for (const f of ROSTER_FIELDS) {
    const col = columns[f]
    if (col !== undefined) proposed.set(col, f)
  }
  return detection.columns.map((c) => {
    const samples: string[] = []
    for (const row of detection.sampleRows) {
      const v = (row.cells[c.index - 1] ?? '').trim()
      if (v !== '') samples.push(v)
      if (samples.length >= sampleCount) break
    }
    const field = detection.mapping ? (proposed.get(c.index) ?? null) : c.field
    return { index: c.index, letter: columnLetter(c.index), header: c.header, samples, field }
  })
}

/** 姓名 must be mapped, and no field may be filled from two columns. Empty when the mapping can be used. */
export function validateChoices(choices: readonly Pick<ColumnChoice, 'index' | 'field'>[]): MappingIssue[] {
  const issues: MappingIssue[] = []
  const byField = new Map<RosterField, number[]>()
  for (const c of choices) {
    if (!c.field) continue
    byField.set(c.field, [...(byField.get(c.field) ?? []), c.index])
  }
  if (!byField.has('name')) issues.push({ kind: 'nameNotMapped' })
  for (const f of ROSTER_FIELDS) {
    const cols = byField.get(f)
    if (cols && cols.length > 1) issues.push({ kind: 'fieldTwice', field: f, columns: cols.map(columnLetter) })
  }
  return issues
}

/** The mapping core takes: field → 1-based column, on the detected sheet and header row. */
export function mappingFromChoices(
  base: { sheet: string; sheetIndex?: number | undefined; headerRow: number },
  choices: readonly Pick<ColumnChoice, 'index' | 'field'>[],
): RosterMappingInput {
  const columns: RosterMappingInput['columns'] = {}
  for (const c of choices) if (c.field) columns[c.field] = c.index
  return {
    sheet: base.sheet,
    headerRow: base.headerRow,
    columns,
    ...(base.sheetIndex === undefined ? {} : { sheetIndex: base.sheetIndex }),
  }
}
