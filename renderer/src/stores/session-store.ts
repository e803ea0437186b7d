import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { SessionInfo } from '../../../shared/domain/account'
import { can, type Permission } from '../../../shared/domain/roles'
import { invoke, onUnauthenticated } from '../api/client'

/**
 * Who is signed in. Core authorizes every call itself; the renderer only uses this to choose the
 * screen (setup, sign-in, unlock, change password) and to hide buttons the role may not use.
 */
export const useSessionStore = defineStore('session', () => {
  const session = ref<SessionInfo | null>(null)

  const user = computed(() => session.value?.user ?? null)
  /** Signed in, unlocked and with a usable password: records may be loaded. */
  const ready = computed(() => {
    const s = session.value
    if (!s) return false
    if (s.demo) return true
    return !!s.user && !s.locked && !s.user.mustChangePassword
  })
  const needsSetup = computed(() => !!session.value?.needsSetup && !session.value.demo)

  async function load(): Promise<SessionInfo> {
    session.value = await invoke('auth.session', {})
    return session.value
  }

  async function setupChair(req: { username: string; displayName: string; password: string }): Promise<void> {
    session.value = await invoke('auth.setupChair', req)
  }

  async function login(username: string, password: string): Promise<void> {
    session.value = await invoke('auth.login', { username, password })
  }

  async function unlock(password: string): Promise<void> {
    session.value = await invoke('auth.unlock', { password })
  }

  async function lock(): Promise<void> {
    session.value = await invoke('auth.lock', {})
  }

  async function logout(): Promise<void> {
    session.value = await invoke('auth.logout', {})
  }

  async function changePassword(oldPassword: string, newPassword: string): Promise<void> {
    session.value = await invoke('auth.changePassword', { oldPassword, newPassword })
  }

  /** Core refused a call as unauthenticated (idle lock, signed out elsewhere): re-read the session, then tell `then`. */
  function onSessionLost(then: () => void): void {
    onUnauthenticated(() => {
      void load().then(then, () => undefined)
    })
  }

  function allowed(permission: Permission): boolean {
    const role = user.value?.role
    return !!role && can(role, permission)
  }

  return { session, user, ready, needsSetup, load, setupChair, login, unlock, lock, logout, changePassword, allowed, onSessionLost }
})
