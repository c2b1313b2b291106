/**
 * Test helpers: an in-memory fetch serving a URL map (a URL not in the map behaves like an unreachable
 * host) that records every URL it is called with.
 */
import type { FetchLike } from '../../src/verify/index.js'

export interface Route {
  status?: number
  contentType?: string
  body?: string | Uint8Array
  headers?: Record<string, string>
}

export interface MapFetch {
  fetch: FetchLike
  calls: string[]
}

/** An injected fetch over `routes`; every call is recorded in `calls`. */
export function mapFetch(routes: Record<string, Route | (() => Route)>): MapFetch {
  const calls: string[] = []
  const fetch: FetchLike = async (input) => {
    const url = String(input)
    calls.push(url)
    const entry = routes[url]
    if (entry === undefined) throw new TypeError(`fetch failed: getaddrinfo ENOTFOUND ${new URL(url).hostname}`)
    const route = typeof entry === 'function' ? entry() : entry
    const headers = new Headers(route.headers ?? {})
    if (route.contentType !== undefined) headers.set('content-type', route.contentType)
    const body = route.body === undefined ? null : typeof route.body === 'string' ? route.body : new Uint8Array(route.body)
    return new Response(body as BodyInit | null, { status: route.status ?? 200, headers })
  }
  return { fetch, calls }
}

/** A JSON-LD route. */
export function json(doc: unknown, status = 200): Route {
  return { status, contentType: 'application/ld+json', body: JSON.stringify(doc) }
}

/** A 1x1 PNG (valid signature, IHDR, IDAT, IEND). */
export const TINY_PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
)

/** A PNG route. */
export function png(bytes: Uint8Array = TINY_PNG): Route {
  return { contentType: 'image/png', body: bytes }
}
