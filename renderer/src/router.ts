import { createRouter, createWebHashHistory, type Router } from 'vue-router'
import AppLayout from './layout/AppLayout.vue'
import { useAppStore } from './stores/app-store'
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
      {
        path: '/',
        component: AppLayout,
        children: [
          { path: '', redirect: '/members' },
          { path: 'members', name: 'members', component: () => import('./views/MemberListView.vue') },
          { path: 'unqualified', name: 'unqualified', component: () => import('./views/UnqualifiedView.vue') },
          { path: 'settings', name: 'settings', component: () => import('./views/SettingsView.vue') },
        ],
      },
      { path: '/:rest(.*)*', redirect: '/members' },
    ],
  })

  // Until the union's profile exists there is nothing to show but the first-run wizard.
  router.beforeEach(async (to) => {
    const started = await useStartup().ensureStarted()
    if (!started) return true
    const info = useAppStore().info
    if (info && !info.hasProfile && to.name !== 'welcome') return { name: 'welcome' }
    return true
  })
  return router
}
