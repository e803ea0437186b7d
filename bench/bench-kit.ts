import { performance } from 'node:perf_hooks'

/** Latency distribution of `fn` over the given inputs, after a short warm-up. */
export async function measure<T>(inputs: readonly T[], fn: (input: T) => Promise<unknown>): Promise<{ p50: number; p95: number; n: number }> {
  for (const input of inputs.slice(0, 20)) await fn(input)
  const times: number[] = []
  for (const input of inputs) {
    const t = performance.now()
    await fn(input)
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!
  return { p50: at(0.5), p95: at(0.95), n: times.length }
}

/** One line per figure: value, target, and the ratio to a floor measured in the same run. */
export function report(name: string, value: number, unit: string, target: string, ok: boolean, floor?: { name: string; value: number }): void {
  const ratio = floor ? `  ratio ${(value / floor.value).toFixed(2)}× ${floor.name} (${floor.value.toFixed(3)} ${unit})` : ''
  console.log(`${ok ? 'OK  ' : 'MISS'} ${name}: ${value.toFixed(3)} ${unit}  target ${target}${ratio}`)
}
