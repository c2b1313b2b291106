/**
 * Runs a Request → Response handler on `node:http`. The adapter also refuses raw request targets that
 * try to climb out of their directory (`/../`, `%2e%2e`, backslashes, encoded slashes, NUL) before a
 * URL parser silently resolves them, answering 400 `HOST_PATH_REFUSED`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { OpenBadgesError } from '../errors.js'
import { HOST_CORE, type BadgeHandler } from './handler.js'
import { isTraversalTarget } from './paths.js'
import { HOST_RESPONSE_CODES, jsonError, type HostResponse } from './respond.js'

/** Options for {@link createNodeListener}. */
export interface NodeListenerOptions {
  /** Origin used to build each Request URL (routing uses only the path). Default `http://localhost`. */
  origin?: string
}

// Unreserved characters, '/' and percent-escapes only, no query: a WHATWG URL parser leaves such a path as it is.
const SIMPLE_PATH = /^\/[A-Za-z0-9\-._~!$&'()*+,;=:@/%]*$/

const FETCH_FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK'])

/** A JSON error the adapter answers itself (before or instead of the handler), CORS open like the handler's default. */
function sendJson(res: ServerResponse, status: number, code: string, error: string, head: boolean): void {
  writeHostResponse(res, jsonError({ method: head ? 'HEAD' : 'GET' }, status, code, error, true))
}

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers()
  const raw = req.rawHeaders
  for (let i = 0; i + 1 < raw.length; i += 2) {
    try {
      headers.append(raw[i]!, raw[i + 1]!)
    } catch {
      // A header value the Fetch API refuses: drop it (node:http already validated the framing).
    }
  }
  return headers
}

function writeHostResponse(res: ServerResponse, response: HostResponse): void {
  res.writeHead(response.status, response.headers)
  res.end(response.body)
}

function headerOf(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name]
  if (value === undefined) return null
  return Array.isArray(value) ? value.join(', ') : value
}

/**
 * A `node:http` request listener that runs `handler`. A handler made by `createBadgeHost` is called
 * through its core on plain objects (no Fetch Request/Response per request: the same logic, faster);
 * any other Request → Response function goes through Fetch objects.
 *
 * @example
 * import { createServer } from 'node:http'
 * createServer(createNodeListener(createBadgeHost({ store, baseUrl }))).listen(8080, '127.0.0.1')
 */
export function createNodeListener(
  handler: BadgeHandler,
  options: NodeListenerOptions = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  const origin = options.origin ?? 'http://localhost'
  const core = handler[HOST_CORE]
  const fail = (res: ServerResponse, head: boolean) => {
    if (!res.headersSent) sendJson(res, 500, HOST_RESPONSE_CODES.storeError, 'Internal Server Error', head)
    else res.destroy()
  }
  return (req, res) => {
    const target = req.url ?? '/'
    const method = (req.method ?? 'GET').toUpperCase()
    const head = method === 'HEAD'
    if (method !== 'GET' && method !== 'HEAD') req.resume()
    if (isTraversalTarget(target)) {
      sendJson(res, 400, HOST_RESPONSE_CODES.pathRefused, 'Bad Request: path refused', head)
      return
    }
    if (core && SIMPLE_PATH.test(target)) {
      // A plain path (the common case): nothing a URL parser would change, so skip it.
      core({ method, pathname: target, format: null, header: (name: string) => headerOf(req, name) }).then(
        (response) => writeHostResponse(res, response),
        () => fail(res, head),
      )
      return
    }
    let url: URL
    try {
      url = new URL(target.startsWith('/') ? target : `/${target}`, origin)
    } catch {
      sendJson(res, 400, HOST_RESPONSE_CODES.pathRefused, 'Bad Request', head)
      return
    }
    if (core) {
      const hostRequest = {
        method,
        pathname: url.pathname,
        format: url.search === '' ? null : url.searchParams.get('format'),
        header: (name: string) => headerOf(req, name),
      }
      core(hostRequest).then(
        (response) => writeHostResponse(res, response),
        () => fail(res, head),
      )
      return
    }
    let request: Request
    try {
      request = new Request(url, {
        // Fetch refuses CONNECT/TRACE/TRACK in a Request: they reach the handler as POST (a 405 either way).
        method: FETCH_FORBIDDEN_METHODS.has(method) ? 'POST' : method,
        headers: toHeaders(req),
      })
    } catch {
      sendJson(res, 400, HOST_RESPONSE_CODES.pathRefused, 'Bad Request', head)
      return
    }
    handler(request)
      .then(async (response) => {
        const headers: Record<string, string> = {}
        response.headers.forEach((value, name) => {
          headers[name] = value
        })
        const body = response.body === null || head ? undefined : new Uint8Array(await response.arrayBuffer())
        writeHostResponse(res, body === undefined ? { status: response.status, headers } : { status: response.status, headers, body })
      })
      .catch(() => fail(res, head))
  }
}

/** A running server. */
export interface RunningServer {
  server: Server
  /** `http://127.0.0.1:PORT/` */
  url: string
  port: number
  /** Stops accepting connections and closes open ones. */
  close(): Promise<void>
}

/** Options for {@link listen}. */
export interface ListenOptions extends NodeListenerOptions {
  /** Port (0 picks a free one). Default 0. */
  port?: number
  /** Address to bind. Default `127.0.0.1` (loopback only). */
  host?: string
}

/**
 * Starts a `node:http` server running `handler` and resolves once it is listening.
 *
 * @throws OpenBadgesError `HOST_LISTEN_FAILED` (port in use, address not available...)
 * @example
 * const running = await listen(createBadgeHost({ store, baseUrl: 'http://127.0.0.1:8080/' }), { port: 8080 })
 * console.log(running.url)
 * await running.close()
 */
export function listen(handler: BadgeHandler, options: ListenOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1'
  const server = createServer(createNodeListener(handler, options))
  server.keepAliveTimeout = 5_000
  server.headersTimeout = 10_000
  server.requestTimeout = 30_000
  return new Promise((resolvePromise, reject) => {
    server.once('error', (cause) =>
      reject(new OpenBadgesError('HOST_LISTEN_FAILED', `cannot listen on ${host}:${options.port ?? 0}`, { cause })),
    )
    server.listen(options.port ?? 0, host, () => {
      const address = server.address() as AddressInfo
      const shownHost = address.family === 'IPv6' || address.address.includes(':') ? `[${address.address}]` : address.address
      resolvePromise({
        server,
        url: `http://${shownHost}:${address.port}/`,
        port: address.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done())
            server.closeAllConnections()
          }),
      })
    })
  })
}
