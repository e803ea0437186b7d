/**
 * The client side of the idle lock: after `minutes` without keyboard or mouse activity, `onIdle`
 * runs once (the layout then calls auth.lock and shows the lock screen). Core locks an idle session
 * on its own as well; this makes the screen follow without waiting for the next call.
 */

/** Milliseconds left before the lock (0 = lock now); null when the idle lock is off (0 minutes). */
export function idleRemainingMs(now: number, lastActivity: number, minutes: number): number | null {
  if (!(minutes > 0)) return null
  return Math.max(0, lastActivity + minutes * 60_000 - now)
}

export type IdleTimerDeps = {
  minutes: () => number
  onIdle: () => void
  now?: () => number
  setTimer?: (fn: () => void, ms: number) => unknown
  clearTimer?: (handle: unknown) => void
}

export type IdleTimer = {
  /** Keyboard or mouse use: cheap (no timer churn), safe to call on every mousemove. */
  activity: () => void
  /** Starts (or restarts) watching from now. */
  start: () => void
  stop: () => void
}

/**
 * One timer, re-armed only when it fires early (activity moved the deadline) — so a stream of
 * mouse moves costs one assignment each.
 */
export function createIdleTimer(deps: IdleTimerDeps): IdleTimer {
  const now = deps.now ?? (() => Date.now())
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms))
  const clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>))
  let last = now()
  let handle: unknown = null
  let running = false

  function arm(): void {
    const left = idleRemainingMs(now(), last, deps.minutes())
    if (left === null) {
      handle = null
      return
    }
    handle = setTimer(check, Math.max(left, 250))
  }

  function check(): void {
    handle = null
    if (!running) return
    const left = idleRemainingMs(now(), last, deps.minutes())
    if (left === 0) {
      running = false
      deps.onIdle()
      return
    }
    arm()
  }

  return {
    activity() {
      last = now()
    },
    start() {
      if (handle !== null) clearTimer(handle)
      last = now()
      running = true
      arm()
    },
    stop() {
      running = false
      if (handle !== null) clearTimer(handle)
      handle = null
    },
  }
}

/** The events that count as someone at the keyboard. */
export const ACTIVITY_EVENTS = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart', 'scroll'] as const
