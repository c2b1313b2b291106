/**
 * Response building for the badge host, on plain objects: headers every answer carries (CORS, nosniff,
 * a restrictive CSP), ETags, conditional GETs, HEAD, and the JSON error bodies. `handler.ts` turns
 * these into Fetch `Response`s; the node:http adapter writes them directly.
 */

/** Error codes the host puts in its JSON error bodies (documented in docs/hosting.md). */
export const HOST_RESPONSE_CODES = {
  notFound: 'HOST_NOT_FOUND',
  pathRefused: 'HOST_PATH_REFUSED',
  methodNotAllowed: 'HOST_METHOD_NOT_ALLOWED',
  storeError: 'HOST_STORE_IO',
} as const

/** The parts of a request the host reads. */
export interface HostRequest {
  /** Upper-case method. */
  method: string
  /** The URL path, percent-encoded, as parsed by a WHATWG URL parser. */
  pathname: string
  /** The `format` query parameter, or null. */
  format: string | null
  /** A request header by lower-case name, or null. */
  header(name: string): string | null
}

/** A response as plain data. */
export interface HostResponse {
  status: number
  headers: Record<string, string>
  /** Absent for HEAD, 204 and 304. */
  body?: Uint8Array
}

const encoder = new TextEncoder()

/** CSP for images and other files: nothing runs, even an SVG opened directly. (JSON needs none: nosniff.) */
export const RESOURCE_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox"

/** Headers on every response. */
function baseHeaders(cors: boolean): Record<string, string> {
  return cors
    ? {
        'X-Content-Type-Options': 'nosniff',
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Expose-Headers': 'ETag, Content-Type, Content-Length',
      }
    : { 'X-Content-Type-Options': 'nosniff' }
}

// ETags are memoised per body array: stores that cache return the same array for an unchanged
// resource, so its hash is computed once.
const etagMemo = new WeakMap<Uint8Array, string>()

/**
 * A 106-bit non-cryptographic hash of the bytes (two seeded 53-bit cyrb53 lanes) as hex. ETags only
 * need distinct values for distinct content; a synchronous hash keeps the hot path off the thread pool.
 */
function contentHash(bytes: Uint8Array): string {
  let memo = etagMemo.get(bytes)
  if (memo !== undefined) return memo
  let a1 = 0xdeadbeef ^ bytes.length
  let a2 = 0x41c6ce57 ^ bytes.length
  let b1 = 0x9e3779b9
  let b2 = 0x85ebca6b
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!
    a1 = Math.imul(a1 ^ c, 2654435761)
    a2 = Math.imul(a2 ^ c, 1597334677)
    b1 = Math.imul(b1 ^ c, 2246822507)
    b2 = Math.imul(b2 ^ c, 3266489909)
  }
  const mix = (h1: number, h2: number): string => {
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0')
  }
  memo = `${mix(a1, a2)}${mix(b1, b2)}${bytes.length.toString(16)}`
  etagMemo.set(bytes, memo)
  return memo
}

/**
 * A strong ETag for a representation: a hash of the bytes plus the representation name.
 *
 * @example
 * etagFor(bytes, 'ld+json') // '"<28 hex digits><length>-ldjson"'
 */
function etagFor(bytes: Uint8Array, representation: string): string {
  return `"${contentHash(bytes)}-${representation.replace(/[^a-z0-9]/gi, '')}"`
}

/**
 * True when an If-None-Match header matches `etag` (weak comparison, `*` matches anything).
 *
 * @example
 * ifNoneMatchHits('"a", W/"b"', '"b"') // true
 */
function ifNoneMatchHits(header: string | null, etag: string): boolean {
  if (header === null) return false
  const bare = etag.replace(/^W\//, '')
  return header.split(',').some((candidate) => {
    const c = candidate.trim()
    return c === '*' || c.replace(/^W\//, '') === bare
  })
}

/** What {@link represent} needs to answer a GET/HEAD for one representation. */
export interface Representation {
  status: number
  body: Uint8Array
  contentType: string
  cacheControl: string
  /** Varies by Accept (negotiated documents). */
  negotiated: boolean
  /** Representation name mixed into the ETag (`ld+json`, `json`, `html`, `raw`). */
  name: string
  /** A Content-Security-Policy: HTML pages and images get one; JSON, with nosniff, needs none. */
  csp?: string
}

/**
 * Builds the response for a representation: ETag, 304 on a matching If-None-Match (for 200s), HEAD
 * without a body, CORS and the security headers.
 */
export function represent(request: HostRequest, rep: Representation, cors: boolean): HostResponse {
  const headers = baseHeaders(cors)
  headers['Cache-Control'] = rep.cacheControl
  if (rep.csp !== undefined) headers['Content-Security-Policy'] = rep.csp
  if (rep.negotiated) headers.Vary = 'Accept'
  const etag = etagFor(rep.body, rep.name)
  headers.ETag = etag
  if (rep.status === 200 && ifNoneMatchHits(request.header('if-none-match'), etag)) {
    return { status: 304, headers }
  }
  headers['Content-Type'] = rep.contentType
  headers['Content-Length'] = String(rep.body.byteLength)
  return request.method === 'HEAD' ? { status: rep.status, headers } : { status: rep.status, headers, body: rep.body }
}

/** A JSON error answer: `{ status, error, code }`. */
export function jsonError(
  request: Pick<HostRequest, 'method'>,
  status: number,
  code: string,
  message: string,
  cors: boolean,
  extraHeaders: Record<string, string> = {},
): HostResponse {
  const headers = baseHeaders(cors)
  const body = encoder.encode(`${JSON.stringify({ status, error: message, code })}\n`)
  headers['Content-Type'] = 'application/json'
  headers['Content-Length'] = String(body.byteLength)
  headers['Cache-Control'] = 'no-cache'
  Object.assign(headers, extraHeaders)
  return request.method === 'HEAD' ? { status, headers } : { status, headers, body }
}

/** The answer to a CORS preflight. */
export function preflight(cors: boolean): HostResponse {
  const headers = baseHeaders(cors)
  if (cors) {
    headers['Access-Control-Allow-Methods'] = 'GET, HEAD, OPTIONS'
    headers['Access-Control-Allow-Headers'] = 'Accept, If-None-Match'
    headers['Access-Control-Max-Age'] = '86400'
  }
  headers.Allow = 'GET, HEAD, OPTIONS'
  return { status: 204, headers }
}
