/**
 * A tiny benchmark harness: each capability's bench file measures its operation and a baseline in the
 * same run and prints ops/s with the ratio. Benchmarks are not tests: nothing here fails on a number.
 */
import { performance } from 'node:perf_hooks'

export interface Measurement {
  name: string
  opsPerSec: number
  samples: number
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function'
}

/** Awaits only what is asynchronous: a synchronous operation is timed without a microtask per call. */
async function settle(value: unknown): Promise<void> {
  if (isThenable(value)) await value
}

/** Runs `fn` repeatedly for about `durationMs` (after a short warm-up) and returns operations per second. */
export async function measure(name: string, fn: () => unknown, durationMs = 1000): Promise<Measurement> {
  const warmupEnd = performance.now() + Math.min(200, durationMs / 4)
  while (performance.now() < warmupEnd) await settle(fn())
  let samples = 0
  const start = performance.now()
  const end = start + durationMs
  let now = start
  while (now < end) {
    // Batch calls between clock reads so very fast operations are not dominated by performance.now().
    for (let i = 0; i < 16; i++) {
      const result = fn()
      if (isThenable(result)) await result
    }
    samples += 16
    now = performance.now()
  }
  return { name, opsPerSec: (samples * 1000) / (now - start), samples }
}

/** Prints a subject beside its baseline: ops/s of both and how many times slower the subject is. */
export function report(title: string, subject: Measurement, baseline: Measurement, target?: string): void {
  const ratio = baseline.opsPerSec / subject.opsPerSec
  const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: n < 100 ? 1 : 0 })
  console.log(`\n${title}`)
  console.log(`  ${subject.name.padEnd(48)} ${fmt(subject.opsPerSec).padStart(12)} ops/s`)
  console.log(`  ${baseline.name.padEnd(48)} ${fmt(baseline.opsPerSec).padStart(12)} ops/s  (baseline)`)
  console.log(`  cost vs baseline: ${ratio.toFixed(2)}x${target ? `   target: ${target}` : ''}`)
}
