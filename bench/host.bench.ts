/**
 * Badge host throughput: ~10 s of autocannon load on loopback against assertion GETs served by the
 * badge host (fs store, content negotiation, ETag), beside a bare node:http server answering the same
 * bytes as a fixed JSON body, in the same run. Each server runs in its own process so the load
 * generator does not share its event loop. Target: the host reaches at least 50% of the bare server's
 * requests/s. Set BENCH_SECONDS to change the load time per server (default 10).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createFsStore } from '../src/host/fs-store.js'

interface AutocannonResult {
  requests: { average: number; total: number }
  latency: { p50: number; p99: number; average: number }
  non2xx: number
  errors: number
  timeouts: number
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>

const root = fileURLToPath(new URL('..', import.meta.url))
const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const connections = 32

const assertion = {
  '@context': ['https://w3id.org/openbadges/v2', 'https://w3id.org/openmicrocredentials/v1/context.json'],
  type: 'Assertion',
  id: 'https://badges.example.org/assertions/bench.json',
  recipient: { type: 'email', hashed: true, salt: '6f1c1b0f5e9d4f2a', identity: `sha256$${'ab'.repeat(32)}` },
  badge: 'https://badges.example.org/badges/questioning.json',
  verification: { type: 'HostedBadge' },
  issuedOn: '2026-01-10T09:00:00Z',
  evidence: [
    {
      id: 'https://evidence.example.org/portfolio/12345/lesson-video',
      name: 'Lesson video',
      description: 'A 20-minute recorded science lesson in a grade 5 classroom',
      narrative: 'The video shows open-ended questioning and wait time; the reflection explains the choices.',
      genre: 'Video',
      audience: 'Assessors',
    },
  ],
  narrative: 'Proficient on every rubric criterion.',
}

function startServer(mode: 'bare' | 'host', dir: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'bench', 'host-server.ts'), mode, dir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout!.setEncoding('utf8')
    child.stdout!.on('data', (chunk: string) => {
      out += chunk
      const match = /PORT (\d+)/.exec(out)
      if (match) resolve({ child, port: Number(match[1]) })
    })
    child.once('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)))
  })
}

async function load(autocannon: Autocannon, url: string, duration: number): Promise<AutocannonResult> {
  return autocannon({ url, connections, duration, headers: { accept: 'application/ld+json' } })
}

interface Totals {
  requests: number
  seconds: number
  p50: number[]
  p99: number[]
  non2xx: number
  errors: number
}

/**
 * Alternates the two servers in `rounds` rounds of `seconds / rounds` each (after a 1 s warm-up of
 * each), so a busy neighbour on a shared machine weighs on both measurements alike.
 */
async function measureBoth(autocannon: Autocannon, dir: string, rounds: number): Promise<Record<'bare' | 'host', Totals>> {
  const servers = { bare: await startServer('bare', dir), host: await startServer('host', dir) }
  const totals: Record<'bare' | 'host', Totals> = {
    bare: { requests: 0, seconds: 0, p50: [], p99: [], non2xx: 0, errors: 0 },
    host: { requests: 0, seconds: 0, p50: [], p99: [], non2xx: 0, errors: 0 },
  }
  const url = (mode: 'bare' | 'host') => `http://127.0.0.1:${servers[mode].port}/assertions/bench.json`
  try {
    for (const mode of ['bare', 'host'] as const) await load(autocannon, url(mode), 1)
    const slice = seconds / rounds
    for (let round = 0; round < rounds; round++) {
      for (const mode of round % 2 === 0 ? (['bare', 'host'] as const) : (['host', 'bare'] as const)) {
        const r = await load(autocannon, url(mode), slice)
        const t = totals[mode]
        t.requests += r.requests.total
        t.seconds += slice
        t.p50.push(r.latency.p50)
        t.p99.push(r.latency.p99)
        t.non2xx += r.non2xx
        t.errors += r.errors + r.timeouts
      }
    }
  } finally {
    servers.bare.child.kill('SIGTERM')
    servers.host.child.kill('SIGTERM')
  }
  return totals
}

export async function run(): Promise<void> {
  const moduleName = 'autocannon' // untyped package: imported by name so TypeScript does not resolve it
  const autocannon = ((await import(moduleName)) as { default: Autocannon }).default
  const dir = mkdtempSync(join(tmpdir(), 'omc-bench-host-'))
  try {
    await createFsStore(dir).put('assertions/bench.json', JSON.stringify(assertion))
    const { bare, host } = await measureBoth(autocannon, dir, 2)
    const rps = (t: Totals) => t.requests / t.seconds
    const row = (name: string, t: Totals) =>
      `  ${name.padEnd(44)} ${Math.round(rps(t)).toLocaleString('en-US').padStart(9)} req/s   ` +
      `p50 ${String(Math.max(...t.p50)).padStart(3)} ms   p99 ${String(Math.max(...t.p99)).padStart(3)} ms   non-2xx ${t.non2xx}, errors ${t.errors}`
    console.log(`\nassertion GET over loopback, ${connections} connections, ${seconds} s per server in 2 alternating rounds (autocannon)`)
    console.log(row('badge host (fs store, negotiation, ETag)', host))
    console.log(row('bare node:http, fixed JSON (baseline)', bare))
    console.log(`  host throughput: ${((rps(host) / rps(bare)) * 100).toFixed(0)}% of bare   target: >= 50%   (p50/p99: worst round)`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
