import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { RosterField } from '../../../shared/domain/roster'
import { invoke, type Result } from '../api/client'
import { useAppStore } from '../stores/app-store'
import { useDepartmentsStore } from '../stores/departments-store'
import { useMembersStore } from '../stores/members-store'
import {
  isRosterFileName, pickOpenFile, saveDownload, uploadFile, type PickedFile,
} from './file-transfer'
import type { ImportStatus } from './roster-format'
import { columnChoices, mappingFromChoices, validateChoices, type ColumnChoice, type RosterDetection } from './roster-mapping'

export type ImportStep = 'choose' | 'mapping' | 'preview' | 'import' | 'result'
export type OnConflict = 'skip' | 'update'
export type ImportPreview = Result<'roster.preview'>

/** How often the wizard asks core how far the import has got. */
export const POLL_MS = 250

/**
 * The import wizard's state. A store (not the page) so an import keeps being followed, and its
 * result shown, when the secretary looks at another screen meanwhile.
 */
export const useRosterImportStore = defineStore('roster-import', () => {
  const step = ref<ImportStep>('choose')
  const file = shallowRef<PickedFile | null>(null)
  /** Bytes sent of the file being uploaded (browser), or null when not uploading. */
  const upload = ref<{ name: string; done: number; total: number } | null>(null)
  const detecting = ref(false)
  const detection = shallowRef<RosterDetection | null>(null)
  const choices = ref<ColumnChoice[]>([])
  const onConflict = ref<OnConflict>('skip')
  const previewing = ref(false)
  const preview = shallowRef<ImportPreview | null>(null)
  const job = shallowRef<ImportStatus | null>(null)
  const cancelling = ref(false)
  /** The detection or preview failure to show in the page (already an ApiError or any error). */
  const failure = shallowRef<unknown>(null)
  let pollTimer: ReturnType<typeof setTimeout> | null = null

  const issues = computed(() => validateChoices(choices.value))
  const mapping = computed(() => {
    const d = detection.value
    if (!d?.mapping) return null
    return mappingFromChoices(d.mapping, choices.value)
  })
  const running = computed(() => job.value?.state === 'running')

  function reset(): void {
    if (running.value) return
    stopPolling()
    step.value = 'choose'
    file.value = null
    upload.value = null
    detection.value = null
    choices.value = []
    onConflict.value = 'skip'
    preview.value = null
    job.value = null
    failure.value = null
  }

  /** Browser: a File from the input or a drop → upload in chunks → detect. */
  async function chooseFile(f: File): Promise<void> {
    if (!isRosterFileName(f.name)) throw new WrongFileType()
    failure.value = null
    upload.value = { name: f.name, done: 0, total: f.size }
    try {
      const picked = await uploadFile(f, (done, total) => { upload.value = { name: f.name, done, total } })
      await useFile(picked)
    } finally {
      upload.value = null
    }
  }

  /** Electron: main's open dialog; nothing happens when it is closed. */
  async function pickFile(): Promise<void> {
    failure.value = null
    const picked = await pickOpenFile()
    if (picked) await useFile(picked)
  }

  async function useFile(picked: PickedFile): Promise<void> {
    file.value = picked
    preview.value = null
    job.value = null
    await detect()
  }

  /**
   * Reads the top of the file and proposes the mapping; `sheet` chooses another worksheet, and
   * `headerRow` is the row the user says is the header (mapped as it is instead of searched for).
   */
  async function detect(sheet?: string, headerRow?: number): Promise<void> {
    const f = file.value
    if (!f) return
    detecting.value = true
    failure.value = null
    try {
      const d = await invoke('roster.detect', { fileToken: f.fileToken, ...(sheet ? { sheet } : {}), ...(headerRow ? { headerRow } : {}) })
      detection.value = d
      choices.value = columnChoices(d)
      step.value = 'mapping'
    } catch (err) {
      failure.value = err
      if (!detection.value) step.value = 'choose'
      throw err
    } finally {
      detecting.value = false
    }
  }

  /** "This row is the header": re-maps the shown sheet from that row (the choices made so far start over). */
  async function chooseHeaderRow(rowNumber: number): Promise<void> {
    const sheet = detection.value?.sheet
    await detect(sheet ?? undefined, rowNumber)
  }

  function setField(columnIndex: number, field: RosterField | null): void {
    choices.value = choices.value.map((c) => (c.index === columnIndex ? { ...c, field } : c))
  }

  /** Checks the whole file against the register (writes nothing). */
  async function runPreview(): Promise<void> {
    const f = file.value
    const m = mapping.value
    if (!f || !m || issues.value.length) return
    previewing.value = true
    failure.value = null
    try {
      preview.value = await invoke('roster.preview', { fileToken: f.fileToken, mapping: m, onConflict: onConflict.value })
      step.value = 'preview'
    } catch (err) {
      failure.value = err
      throw err
    } finally {
      previewing.value = false
    }
  }

  async function setConflict(v: OnConflict): Promise<void> {
    onConflict.value = v
    await runPreview()
  }

  async function startImport(): Promise<void> {
    const f = file.value
    const m = mapping.value
    if (!f || !m) return
    job.value = await invoke('roster.startImport', { fileToken: f.fileToken, mapping: m, onConflict: onConflict.value })
    step.value = 'import'
    await settle(job.value)
  }

  function stopPolling(): void {
    if (pollTimer) clearTimeout(pollTimer)
    pollTimer = null
  }

  function schedulePoll(): void {
    stopPolling()
    pollTimer = setTimeout(() => void poll(), POLL_MS)
  }

  async function poll(): Promise<void> {
    const current = job.value
    if (!current || current.state !== 'running') return
    try {
      const next = await invoke('roster.importStatus', { jobId: current.jobId })
      // A cancel may have answered meanwhile: keep the later state.
      if (job.value?.jobId === next.jobId && job.value.state === 'running') job.value = next
    } catch {
      // A missed answer is not the end of the import: ask again.
    }
    await settle(job.value)
  }

  /** Running: ask again soon; finished: show the result and bring the lists up to date. */
  async function settle(s: ImportStatus | null): Promise<void> {
    if (!s) return
    if (s.state === 'running') {
      schedulePoll()
      return
    }
    stopPolling()
    step.value = 'result'
    if (s.state === 'done') await afterImport()
  }

  /** The register changed under every cached list: forget them and reload counts and departments. */
  async function afterImport(): Promise<void> {
    useMembersStore().invalidateAll()
    await Promise.all([useAppStore().loadInfo(), useDepartmentsStore().load()]).catch(() => undefined)
  }

  /** Rolls the whole import back (core keeps the register exactly as before). */
  async function cancelImport(): Promise<void> {
    const current = job.value
    if (!current || current.state !== 'running') return
    cancelling.value = true
    try {
      const s = await invoke('roster.cancelImport', { jobId: current.jobId })
      job.value = s
      await settle(s)
    } finally {
      cancelling.value = false
    }
  }

  async function downloadErrorReport(host: 'electron' | 'web'): Promise<{ saved: boolean; fileName: string }> {
    const f = file.value
    const m = mapping.value
    if (!f || !m) return { saved: false, fileName: '' }
    const d = await invoke('roster.errorReport', { fileToken: f.fileToken, mapping: m })
    return saveDownload(host, d)
  }

  async function downloadTemplate(host: 'electron' | 'web'): Promise<{ saved: boolean; fileName: string }> {
    return saveDownload(host, await invoke('roster.template', {}))
  }

  function backTo(s: Extract<ImportStep, 'choose' | 'mapping' | 'preview'>): void {
    if (running.value) return
    if (s === 'choose') reset()
    else step.value = s
    job.value = null
  }

  return {
    step, file, upload, detecting, detection, choices, onConflict, previewing, preview, job, cancelling, failure,
    issues, mapping, running,
    reset, chooseFile, pickFile, detect, chooseHeaderRow, setField, runPreview, setConflict, startImport, cancelImport,
    downloadErrorReport, downloadTemplate, backTo,
  }
})

/** A file that is not .xlsx or .csv, refused before uploading. */
export class WrongFileType extends Error {
  constructor() {
    super('wrongType')
    this.name = 'WrongFileType'
  }
}
