import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { useAppStore } from './app-store'
import { useDepartmentsStore } from './departments-store'
import { useProfileStore } from './profile-store'
import { useSessionStore } from './session-store'

/**
 * The first load: app info and the session, then (once someone may read records) the profile and
 * departments. App.vue shows a failure here with a retry.
 */
export const useStartup = defineStore('startup', () => {
  const error = shallowRef<unknown>(null)
  let pending: Promise<boolean> | null = null

  async function start(): Promise<boolean> {
    try {
      await Promise.all([useAppStore().loadInfo(), useSessionStore().load()])
      await loadRecords()
      error.value = null
      return true
    } catch (err) {
      error.value = err
      pending = null // allow a retry
      return false
    }
  }

  /** Profile and departments need a usable session; call again after signing in. */
  async function loadRecords(): Promise<void> {
    if (!useSessionStore().ready) return
    await Promise.all([useProfileStore().load(), useDepartmentsStore().load()])
  }

  function ensureStarted(): Promise<boolean> {
    pending ??= start()
    return pending
  }

  return { error, ensureStarted, loadRecords }
})
