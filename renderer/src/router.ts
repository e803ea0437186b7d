import { createRouter, createWebHashHistory, type Router } from 'vue-router'
import type { Permission } from '../../shared/domain/roles'
import AppLayout from './layout/AppLayout.vue'
import { useAppStore } from './stores/app-store'
import { useSessionStore } from './stores/session-store'
import { useStartup } from './stores/startup'

/**
 * Hash history: the same bundle runs from file:// in Electron and from the web host. Screens are
 * lazy chunks so the first paint loads only the shell.
 */
export function createAppRouter(): Router {
  const router = createRouter({
    history: createWebHashHistory(),
    routes: [
      { path: '/welcome', name: 'welcome', component: () => import('./views/WelcomeWizard.vue') },
      { path: '/login', name: 'login', component: () => import('./views/SignInView.vue') },
      {
        path: '/',
        component: AppLayout,
        children: [
          { path: '', redirect: '/members' },
          { path: 'members', name: 'members', component: () => import('./views/MemberListView.vue') },
          { path: 'members/import', name: 'roster-import', component: () => import('./roster/RosterImportView.vue'), meta: { permission: 'writeRecords' } },
          { path: 'unqualified', name: 'unqualified', component: () => import('./views/UnqualifiedView.vue') },
          { path: 'settings', name: 'settings', component: () => import('./views/SettingsView.vue') },
          // The chair's screens (core refuses the calls to anyone else as well).
          { path: 'admin/users', name: 'users', component: () => import('./admin/UsersView.vue'), meta: { permission: 'manageUsers' } },
          { path: 'admin/audit', name: 'audit', component: () => import('./admin/AuditView.vue'), meta: { permission: 'readAudit' } },
          { path: 'admin/backups', name: 'backups', component: () => import('./admin/BackupsView.vue'), meta: { permission: 'manageBackups' } },
        ],
      },
      { path: '/:rest(.*)*', redirect: '/members' },
    ],
  })

  /**
   * Which screen the state allows: no account yet → the first-run wizard (it creates the chair);
   * not signed in, locked, or an initial password → sign-in; no union profile → the wizard again.
   */
  router.beforeEach(async (to) => {
    const started = await useStartup().ensureStarted()
    if (!started) return true
    const session = useSessionStore()
    const info = useAppStore().info
    if (session.needsSetup) return to.name === 'welcome' ? true : { name: 'welcome' }
    if (!session.ready) return to.name === 'login' ? true : { name: 'login' }
    if (to.name === 'login') return { name: 'members' }
    if (info && !info.hasProfile && to.name !== 'welcome') return { name: 'welcome' }
    const permission = to.meta.permission as Permission | undefined
    if (permission && !session.allowed(permission)) return { name: 'members' }
    return true
  })

  // Core said the session is gone or locked (idle lock, another window signed out): re-read it and go to sign-in.
  useSessionStore().onSessionLost(() => {
    const here = router.currentRoute.value.name
    if (here !== 'login' && here !== 'welcome') void router.push({ name: 'login' })
  })
  return router
}
