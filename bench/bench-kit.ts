import { performance } from 'node:perf_hooks'

export type Latency = { p50: number; p95: number; rawP95: number; n: number }

/**
 * Latency distribution of `fn` over the given inputs, after a short warm-up. Each input runs
 * `rounds` times (interleaved) and counts with its median: on this shared 2-core machine other
 * jobs preempt single calls for milliseconds, and a query's median of 3 separates what the query
 * costs from when the scheduler looked away. `rawP95` is the p95 over every single call, printed alongside.
 */
export async function measure<T>(inputs: readonly T[], fn: (input: T) => Promise<unknown>, rounds = 3): Promise<Latency> {
  for (const input of inputs.slice(0, 20)) await fn(input)
  const runs: number[][] = inputs.map(() => [])
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < inputs.length; i++) {
      const t = performance.now()
      await fn(inputs[i]!)
      runs[i]!.push(performance.now() - t)
    }
  }
  const pct = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))]!
  const medians = runs.map((xs) => pct([...xs].sort((a, b) => a - b), 0.5)).sort((a, b) => a - b)
  const all = runs.flat().sort((a, b) => a - b)
  return { p50: pct(medians, 0.5), p95: pct(medians, 0.95), rawP95: pct(all, 0.95), n: inputs.length }
}

/** One line per figure: value, target, and the ratio to a floor measured in the same run. */
export function report(name: string, value: number, unit: string, target: string, ok: boolean, floor?: { name: string; value: number }): void {
  const ratio = floor ? `  ratio ${(value / floor.value).toFixed(2)}× ${floor.name} (${floor.value.toFixed(3)} ${unit})` : ''
  console.log(`${ok ? 'OK  ' : 'MISS'} ${name}: ${value.toFixed(3)} ${unit}  target ${target}${ratio}`)
}
