import { afterEach, describe, expect, it, vi } from 'vitest'
import { createIdleTimer, idleRemainingMs } from './idle-lock'

afterEach(() => vi.useRealTimers())

describe('idle lock', () => {
  it('counts down from the last activity; 0 minutes means off', () => {
    expect(idleRemainingMs(1_000, 0, 10)).toBe(599_000)
    expect(idleRemainingMs(600_000, 0, 10)).toBe(0)
    expect(idleRemainingMs(700_000, 0, 10)).toBe(0)
    expect(idleRemainingMs(700_000, 0, 0)).toBeNull()
  })

  it('locks once after the idle time, and activity pushes the lock back', () => {
    vi.useFakeTimers()
    const onIdle = vi.fn()
    const timer = createIdleTimer({ minutes: () => 10, onIdle })
    timer.start()
    vi.advanceTimersByTime(9 * 60_000)
    timer.activity() // someone moved the mouse at minute 9
    vi.advanceTimersByTime(9 * 60_000)
    expect(onIdle).not.toHaveBeenCalled()
    vi.advanceTimersByTime(61_000)
    expect(onIdle).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(60 * 60_000)
    expect(onIdle).toHaveBeenCalledTimes(1)
  })

  it('does nothing once stopped (signed out) and restarts the count on start', () => {
    vi.useFakeTimers()
    const onIdle = vi.fn()
    const timer = createIdleTimer({ minutes: () => 1, onIdle })
    timer.start()
    vi.advanceTimersByTime(30_000)
    timer.stop()
    vi.advanceTimersByTime(5 * 60_000)
    expect(onIdle).not.toHaveBeenCalled()
    timer.start()
    vi.advanceTimersByTime(59_000)
    expect(onIdle).not.toHaveBeenCalled()
    vi.advanceTimersByTime(2_000)
    expect(onIdle).toHaveBeenCalledTimes(1)
  })

  it('never locks when the setting is 0', () => {
    vi.useFakeTimers()
    const onIdle = vi.fn()
    createIdleTimer({ minutes: () => 0, onIdle }).start()
    vi.advanceTimersByTime(24 * 60 * 60_000)
    expect(onIdle).not.toHaveBeenCalled()
  })
})
