import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { useAppStore } from './app-store'
import { useDepartmentsStore } from './departments-store'
import { useProfileStore } from './profile-store'

/** The first load (app info, profile, departments); App.vue shows its failure with a retry. */
export const useStartup = defineStore('startup', () => {
  const error = shallowRef<unknown>(null)
  let pending: Promise<boolean> | null = null

  async function start(): Promise<boolean> {
    try {
      await useAppStore().loadInfo()
      await Promise.all([useProfileStore().load(), useDepartmentsStore().load()])
      error.value = null
      return true
    } catch (err) {
      error.value = err
      pending = null // allow a retry
      return false
    }
  }

  function ensureStarted(): Promise<boolean> {
    pending ??= start()
    return pending
  }

  return { error, ensureStarted }
})
