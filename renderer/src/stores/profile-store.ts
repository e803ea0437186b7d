import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { OrgProfileInput } from '../../../shared/domain/org-profile'
import { invoke, type Result } from '../api/client'
import { useAppStore } from './app-store'

export type SavedProfile = NonNullable<Result<'profile.get'>>

export const useProfileStore = defineStore('profile', () => {
  const profile = ref<SavedProfile | null>(null)

  async function load(): Promise<void> {
    profile.value = await invoke('profile.get', {})
  }

  async function save(input: OrgProfileInput): Promise<SavedProfile> {
    profile.value = await invoke('profile.save', input)
    await useAppStore().loadInfo() // hasProfile flips to true
    return profile.value
  }

  return { profile, load, save }
})
