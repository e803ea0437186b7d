import { ElMessage } from 'element-plus'
import { computed, onBeforeUnmount, onMounted, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRouter } from 'vue-router'
import { useSessionStore } from '../stores/session-store'
import { ACTIVITY_EVENTS, createIdleTimer } from './idle-lock'

/**
 * Watches for keyboard and mouse use while someone is signed in (not in the demo, which has no
 * account) and locks the session after `session.idleLockMinutes` without any.
 */
export function useIdleLock(): void {
  const { t } = useI18n()
  const router = useRouter()
  const session = useSessionStore()
  const watching = computed(() => !!session.user && !session.session?.demo && session.ready)

  const timer = createIdleTimer({
    minutes: () => session.session?.idleLockMinutes ?? 0,
    onIdle: () => void lockNow(),
  })

  async function lockNow(): Promise<void> {
    try {
      await session.lock()
    } catch {
      // Core may have locked the session already; re-reading it shows the same lock screen.
      await session.load().catch(() => undefined)
    }
    ElMessage.info(t('admin.idle.locked'))
    await router.push({ name: 'login' })
  }

  const onActivity = () => timer.activity()
  onMounted(() => {
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, onActivity, { passive: true, capture: true })
  })
  onBeforeUnmount(() => {
    timer.stop()
    for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, onActivity, { capture: true })
  })
  watch(watching, (on) => (on ? timer.start() : timer.stop()), { immediate: true })
}
