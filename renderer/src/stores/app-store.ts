import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { invoke, type Result } from '../api/client'
import { LOCALES, setLocale, type Locale } from '../i18n'
import { useDepartmentsStore } from './departments-store'
import { useMembersStore } from './members-store'
import { useProfileStore } from './profile-store'
import { useSessionStore } from './session-store'
import { useStartup } from './startup'

export type AppInfo = Result<'app.info'>
export const FONT_SIZES = ['small', 'medium', 'large'] as const
export type FontSize = (typeof FONT_SIZES)[number]

/** Base font per size choice; 中 is the 14 px the secretary's office software uses. */
export const FONT_PX: Record<FontSize, number> = { small: 13, medium: 14, large: 16 }

const LOCALE_KEY = 'uniondesk.locale'
const FONT_KEY = 'uniondesk.fontSize'

function stored<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
  try {
    const v = localStorage.getItem(key)
    return allowed.includes(v as T) ? (v as T) : fallback
  } catch {
    return fallback
  }
}

function persist(key: string, value: string): void {
  try {
    localStorage.setItem(key, value)
  } catch {
    // Storage can be unavailable (private mode); the choice then lasts for this session only.
  }
}

/** Element Plus and our own CSS both read these variables, so one switch resizes the whole app. */
function applyFontSize(size: FontSize): void {
  const px = FONT_PX[size]
  const root = document.documentElement
  root.style.fontSize = `${px}px`
  root.style.setProperty('--el-font-size-base', `${px}px`)
  root.style.setProperty('--el-font-size-small', `${px - 1}px`)
  root.style.setProperty('--el-font-size-extra-small', `${px - 2}px`)
  root.style.setProperty('--el-font-size-medium', `${px + 2}px`)
  root.style.setProperty('--el-font-size-large', `${px + 4}px`)
  root.dataset.fontSize = size
}

export const useAppStore = defineStore('app', () => {
  const info = ref<AppInfo | null>(null)
  const locale = ref<Locale>(stored(LOCALE_KEY, LOCALES, 'zh-CN'))
  const fontSize = ref<FontSize>(stored(FONT_KEY, FONT_SIZES, 'medium'))

  watch(locale, (l) => { setLocale(l); persist(LOCALE_KEY, l) }, { immediate: true })
  watch(fontSize, (s) => { applyFontSize(s); persist(FONT_KEY, s) }, { immediate: true })

  async function loadInfo(): Promise<AppInfo> {
    info.value = await invoke('app.info', {})
    return info.value
  }

  /**
   * After a workspace switch every cached record belongs to the other database, and so does the
   * session (the demo runs as a built-in chair; the real one needs signing in again).
   */
  async function afterSwitch(next: AppInfo): Promise<void> {
    info.value = next
    useMembersStore().invalidateAll()
    useProfileStore().profile = null
    useDepartmentsStore().list = []
    await useSessionStore().load()
    await useStartup().loadRecords()
  }

  async function switchToDemo(): Promise<void> {
    await afterSwitch(await invoke('app.useDemo', {}))
  }

  async function switchToReal(): Promise<void> {
    await afterSwitch(await invoke('app.useReal', {}))
  }

  return { info, locale, fontSize, loadInfo, switchToDemo, switchToReal }
})
