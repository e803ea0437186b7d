import { ElButton, ElTag, ElTooltip, type Column } from 'element-plus'
import { h, type VNode } from 'vue'
import type { MemberListRow } from '../../../shared/domain/member'
import { STATUS_TAG_TYPE, type CodeWords } from '../i18n/code-words'
import { isPlaceholder, type MemberRow } from '../stores/member-listing'

export type RowAction = 'view' | 'edit' | 'change'
export type TableVariant = 'register' | 'unqualified'

type Options = {
  t: (key: string) => string
  words: CodeWords
  variant: TableVariant
  /** Roles that may only read (treasurer, viewer) get the view button alone. */
  canWrite: boolean
  onAction: (action: RowAction, member: MemberListRow) => void
}

/** Cells for a row whose page has not arrived: a grey bar, the name cell says it is loading. */
const placeholderCell = (text = '') => h('span', { class: 'cell-placeholder' }, text)

function memberColumn(
  key: string, title: string, width: number, render: (m: MemberListRow) => VNode | string,
  extra: Partial<Column<MemberRow>> = {},
): Column<MemberRow> {
  return {
    key, dataKey: key, title, width,
    cellRenderer: ({ rowData }) => {
      const row = rowData as MemberRow
      if (isPlaceholder(row)) return placeholderCell()
      const out = render(row)
      return typeof out === 'string' ? h('span', { class: 'cell-text', title: out }, out) : out
    },
    ...extra,
  }
}

/**
 * The member table's columns. Sortable keys match members.search `sort` values (name, employeeNo,
 * joinDate, department), so a header click maps straight onto the search request. Tags get no enter
 * animation: the virtual table re-mounts cells as it scrolls, and each would fade in again.
 */
export function memberColumns({ t, words, variant, canWrite, onAction }: Options): Column<MemberRow>[] {
  const writes: RowAction[] = variant === 'register' ? ['edit', 'change'] : ['edit']
  const actions: RowAction[] = canWrite ? ['view', ...writes] : ['view']
  const nameColumn: Column<MemberRow> = {
    ...memberColumn('name', t('fields.name'), 96, (m) => m.name, { sortable: true }),
    cellRenderer: ({ rowData }) => {
      const row = rowData as MemberRow
      if (isPlaceholder(row)) return placeholderCell(t('common.loadingRow'))
      return h('span', { class: 'cell-name', 'data-testid': 'cell-name' }, row.name)
    },
  }
  const columns: Column<MemberRow>[] = [
    nameColumn,
    memberColumn('gender', t('fields.gender'), 70, (m) => words.gender(m.gender)),
    memberColumn('ethnicity', t('fields.ethnicity'), 76, (m) => words.ethnicity(m.ethnicity)),
    memberColumn('department', t('fields.departmentId'), 110, (m) => m.departmentName ?? '', { sortable: true, flexGrow: 1 }),
    memberColumn('employeeNo', t('fields.employeeNo'), 90, (m) => m.employeeNo ?? '', { sortable: true }),
  ]
  if (variant === 'register') {
    columns.push(
      memberColumn('mobile', t('fields.mobile'), 116, (m) => m.mobile ?? ''),
      memberColumn('idNumber', t('fields.idNumber'), 172, (m) => m.idNumber ?? '', { flexGrow: 1 }),
      memberColumn('joinDate', t('fields.joinDate'), 104, (m) => m.joinDate ?? '', { sortable: true }),
      memberColumn('status', t('fields.status'), 88, (m) =>
        h(ElTag, { type: STATUS_TAG_TYPE[m.status], size: 'small', disableTransitions: true }, () => words.status(m.status))),
      memberColumn('quality', t('members.columns.quality'), 70, (m) =>
        m.qualityIssues.length
          ? h(ElTooltip, { content: m.qualityIssues.map(words.qualityIssue).join('、'), placement: 'top' }, () =>
            h(ElTag, { type: 'danger', size: 'small', effect: 'plain', disableTransitions: true, 'data-testid': 'unqualified-tag' }, () => t('members.unqualifiedTag')))
          : ''),
    )
  } else {
    columns.push(
      memberColumn('idNumber', t('fields.idNumber'), 172, (m) => m.idNumber ?? ''),
      memberColumn('issues', t('members.columns.issues'), 280, (m) =>
        h('span', { class: 'issue-list', 'data-testid': 'issue-list' },
          m.qualityIssues.map((q) => h(ElTag, { type: 'danger', size: 'small', effect: 'plain', disableTransitions: true, key: q }, () => words.qualityIssue(q)))),
      { flexGrow: 2 }),
    )
  }
  columns.push({
    key: 'actions', title: t('members.columns.actions'), width: actions.length * 52 + 16, align: 'center',
    cellRenderer: ({ rowData }) => {
      const row = rowData as MemberRow
      if (isPlaceholder(row)) return placeholderCell()
      return h('span', { class: 'row-actions' }, actions.map((a) =>
        h(ElButton, { link: true, type: 'primary', key: a, 'data-testid': `row-${a}`, onClick: () => onAction(a, row) },
          () => t(`members.actions.${a}`))))
    },
  })
  return columns
}
