/**
 * A server process for bench/host.bench.ts: `bare` answers a fixed JSON body from plain node:http;
 * `host` runs the badge host over a directory store. Prints `PORT <n>` once listening.
 * Usage: node --import tsx bench/host-server.ts bare|host DIR
 */
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { join } from 'node:path'
import { createBadgeHost } from '../src/host/handler.js'
import { createFsStore } from '../src/host/fs-store.js'
import { listen } from '../src/host/node.js'
import { SERVE_CACHE_TTL_MS } from '../src/cli/commands/serve.js'

const [mode, dir = '.'] = process.argv.slice(2)

if (mode === 'bare') {
  const body = readFileSync(join(dir, 'assertions', 'bench.json'))
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/ld+json', 'Content-Length': body.byteLength })
    res.end(body)
  })
  server.listen(0, '127.0.0.1', () => {
    const address = server.address()
    process.stdout.write(`PORT ${typeof address === 'object' && address ? address.port : 0}\n`)
  })
} else if (mode === 'host') {
  const running = await listen(createBadgeHost({ store: createFsStore(dir, { cacheTtlMs: SERVE_CACHE_TTL_MS }) /* as `omc serve` runs it */, baseUrl: 'https://badges.example.org/' }))
  process.stdout.write(`PORT ${running.port}\n`)
} else {
  process.stderr.write('usage: host-server.ts bare|host DIR\n')
  process.exit(2)
}

// Exit normally on a signal (so `--cpu-prof` can write its profile).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(0))
