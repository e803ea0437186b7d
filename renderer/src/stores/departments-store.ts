import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Department } from '../../../shared/domain/department'
import { invoke } from '../api/client'

export const useDepartmentsStore = defineStore('departments', () => {
  const list = ref<Department[]>([])
  const loaded = ref(false)

  async function load(): Promise<void> {
    list.value = await invoke('departments.list', {})
    loaded.value = true
  }

  async function create(name: string): Promise<Department> {
    const created = await invoke('departments.create', { name })
    await load()
    return created
  }

  async function rename(id: number, name: string): Promise<Department> {
    const renamed = await invoke('departments.rename', { id, name })
    await load()
    return renamed
  }

  return { list, loaded, load, create, rename }
})
