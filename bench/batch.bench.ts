/**
 * Batch issuance throughput: rows/s for 10,000 RS256-signed, PNG-baked micro-credentials issued through
 * `issueBatch` (roster rows → issue + validate → sign → bake → atomic store writes, idempotency key),
 * into a directory store with fsync (what `omc issue --batch` does) and into a memory store, beside the
 * same issue + sign + bake work done in a plain loop with no store (the baseline). BENCH_ROWS changes
 * the row count.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { bake } from '../src/bake/index.js'
import { issueBatch } from '../src/host/batch.js'
import { createFsStore } from '../src/host/fs-store.js'
import { createMemoryStore } from '../src/host/memory-store.js'
import type { RosterRow } from '../src/host/roster.js'
import type { BadgeStore } from '../src/host/store.js'
import { defineIssuer, defineMicroCredential, issueAssertion } from '../src/issue/index.js'
import { generateKeyPair, signAssertion, type SigningKey } from '../src/sign/index.js'
import { badgePng } from '../examples/badge-image.js'

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000)
const example = (name: string) => JSON.parse(readFileSync(new URL(`../examples/complete-mc/${name}`, import.meta.url), 'utf8')) as never
const now = () => new Date('2026-01-15T12:00:00Z')

function roster(n: number): RosterRow[] {
  const results = example('results.json') as Record<string, unknown>
  return Array.from({ length: n }, (_, i) => ({
    line: i + 2,
    email: `teacher${i}@district.example`,
    problems: [],
    award: { recipient: `teacher${i}@district.example`, evidence: [{ url: `https://portfolio.example/${i}/video`, name: 'Classroom video' }], ...results } as never,
  }))
}

export async function run(): Promise<void> {
  const issuer = defineIssuer(example('issuer.json'))
  const badgeClass = defineMicroCredential(issuer, example('mc.json'))
  const pair = await generateKeyPair('RS256')
  const signingKey: SigningKey = { privateKey: pair.privateKey, id: 'https://mc.example.org/keys/1' }
  const image = badgePng(256)
  const rows = roster(ROWS)
  const dir = mkdtempSync(join(tmpdir(), 'omc-bench-batch-'))

  const timeBatch = async (store: BadgeStore) => {
    const start = performance.now()
    const summary = await issueBatch(rows, { store, badgeClass, issuer, baseUrl: 'https://mc.example.org/', now, signingKey, bakeImage: image })
    if (summary.issued !== ROWS) throw new Error(`expected ${ROWS} issued, got ${JSON.stringify(summary)}`)
    return (ROWS * 1000) / (performance.now() - start)
  }
  try {
    const baselineStart = performance.now()
    for (const row of rows) {
      const assertion = issueAssertion(badgeClass, row.award!, { now, verification: { type: 'signed', creator: signingKey.id } })
      bake(image, await signAssertion(assertion, signingKey))
    }
    const baseline = (ROWS * 1000) / (performance.now() - baselineStart)
    const memory = await timeBatch(createMemoryStore())
    const fs = await timeBatch(createFsStore(dir))
    const rerunStart = performance.now()
    const rerun = await issueBatch(rows, { store: createFsStore(dir), badgeClass, baseUrl: 'https://mc.example.org/', now, signingKey, bakeImage: image })
    const skipRate = (ROWS * 1000) / (performance.now() - rerunStart)
    if (rerun.skipped !== ROWS) throw new Error('re-run did not skip every row')

    const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(8)
    console.log(`\nbatch issuance of ${ROWS.toLocaleString('en-US')} RS256-signed, PNG-baked micro-credentials (${image.byteLength} B image)`)
    console.log(`  issueBatch → directory store, durable writes      ${fmt(fs)} rows/s`)
    console.log(`  issueBatch → memory store                           ${fmt(memory)} rows/s`)
    console.log(`  re-run of the same roster (every row skipped)       ${fmt(skipRate)} rows/s`)
    console.log(`  issue + sign + bake in a loop, no store (baseline)  ${fmt(baseline)} rows/s`)
    console.log(`  batch (directory) vs baseline: ${(fs / baseline).toFixed(2)}x`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
