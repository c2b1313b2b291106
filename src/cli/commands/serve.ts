/**
 * `omc serve --dir ./badges --port 8080`: serves a badge store directory over HTTP (loopback unless
 * `--host` says otherwise) until interrupted.
 */
import { existsSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { createBadgeHost } from '../../host/handler.js'
import { createFsStore } from '../../host/fs-store.js'
import { listen, type RunningServer } from '../../host/node.js'
import { readStoreConfig } from '../../host/publish.js'
import { parseCommandArgs } from '../args.js'
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliCommand, type CliIo } from '../io.js'

const usage = `Usage: omc serve [--dir DIR] [--port PORT] [--host ADDRESS] [--base-url URL] [--no-html]

Serves a badge store directory: issuer profiles, micro-credentials (BadgeClasses), assertions, keys,
revocation lists, images and baked images, with Open Badges content negotiation (JSON-LD for machines,
a readable page for browsers) and 410 Gone for revoked assertions.

Options:
  --dir DIR        the store directory (default ./badges)
  --port PORT      TCP port (default 8080; 0 picks a free port)
  --host ADDRESS   address to bind (default 127.0.0.1: only this machine can connect)
  --base-url URL   the public URL the directory is published under (default: the one omc issue --batch
                   or omc publish remembered, else http://HOST:PORT/); only its path is used for
                   routing, e.g. https://example.org/badges/ serves /badges/...
  --cache-ttl MS   keep files read in memory this long (default 1000); changes other commands make
                   to the directory (a revocation, new badges) are served within this time. 0: no cache
  --no-html        answer browsers with JSON-LD instead of HTML pages
`

/** How long `omc serve` keeps files it read in memory, by default. */
export const SERVE_CACHE_TTL_MS = 1000

/** What {@link startServe} returns: the running server and how it was configured. */
export interface ServeHandle {
  running: RunningServer
  dir: string
  baseUrl: string
}

/**
 * Parses `omc serve` arguments and starts the server (without waiting for a signal): used by the
 * command and by in-process tests. Returns an exit code instead when the arguments are wrong.
 */
export async function startServe(args: string[], io: CliIo): Promise<ServeHandle | number> {
  const parsed = parseCommandArgs(io, {
    command: 'serve', usage, args,
    options: {
      dir: { type: 'string', default: './badges' }, 'base-url': { type: 'string' },
      port: { type: 'string', default: '8080' }, host: { type: 'string', default: '127.0.0.1' },
      'cache-ttl': { type: 'string', default: String(SERVE_CACHE_TTL_MS) }, 'no-html': { type: 'boolean', default: false },
    },
  })
  if (!parsed) return EXIT_USAGE
  const { values } = parsed
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.stderr(`omc serve: --port must be an integer from 0 to 65535\n`)
    return EXIT_USAGE
  }
  const cacheTtlMs = Number(values['cache-ttl'])
  if (!Number.isFinite(cacheTtlMs) || cacheTtlMs < 0) {
    io.stderr(`omc serve: --cache-ttl must be a number of milliseconds >= 0\n`)
    return EXIT_USAGE
  }
  const dir = resolve(io.cwd, values.dir)
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    io.stderr(`omc serve: no such directory: ${dir}\n`)
    return EXIT_FAILURE
  }
  const store = createFsStore(dir, { cacheTtlMs })
  // The base URL's path decides routing (default: the URL the directory was last published under);
  // the served origin is only known for sure after binding (port 0).
  const publishedAs = values['base-url'] ?? (await readStoreConfig(store)).baseUrl
  const provisionalBase = publishedAs ?? 'http://127.0.0.1/'
  let host
  try {
    host = createBadgeHost({ store, baseUrl: provisionalBase, html: !values['no-html'], now: io.now })
  } catch (error) {
    io.stderr(`omc serve: ${(error as Error).message}\n`)
    return EXIT_USAGE
  }
  let running: RunningServer
  try {
    running = await listen(host, { port, host: values.host })
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code
    io.stderr(`omc serve: ${(error as Error).message}${cause ? ` (${cause})` : ''}\n`)
    return EXIT_FAILURE
  }
  const baseUrl = publishedAs ?? running.url
  const loopback = /^(127\.|\[::1\]|localhost)/.test(new URL(running.url).host)
  io.stdout(`Serving ${dir}\n  at ${running.url}${baseUrl !== running.url ? ` (published as ${baseUrl})` : ''}\n`)
  if (!loopback) io.stderr(`omc serve: listening on ${values.host}: reachable from other machines\n`)
  return { running, dir, baseUrl }
}

/** The `omc serve` command. */
export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'serve a badge directory over HTTP (127.0.0.1 by default)',
  usage,
  async run(args, io) {
    const started = await startServe(args, io)
    if (typeof started === 'number') return started
    io.stdout('Press Ctrl-C to stop.\n')
    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop)
        process.off('SIGTERM', stop)
        done()
      }
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
    await started.running.close()
    io.stdout('Stopped.\n')
    return EXIT_OK
  },
}
