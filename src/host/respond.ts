/**
 * Response building for the badge host: headers every answer carries (CORS, nosniff, a restrictive
 * CSP), ETags, conditional GETs, HEAD, and the JSON error bodies.
 */

/** Error codes the host puts in its JSON error bodies (and documents in docs/host.md). */
export const HOST_RESPONSE_CODES = {
  notFound: 'HOST_NOT_FOUND',
  pathRefused: 'HOST_PATH_REFUSED',
  methodNotAllowed: 'HOST_METHOD_NOT_ALLOWED',
  storeError: 'HOST_STORE_IO',
} as const

const encoder = new TextEncoder()

/** CSP for everything that is not an HTML page: nothing runs, even an SVG opened directly. */
const RESOURCE_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox"

/** Headers on every response. */
export function baseHeaders(cors: boolean): Headers {
  const headers = new Headers({ 'X-Content-Type-Options': 'nosniff' })
  if (cors) {
    headers.set('Access-Control-Allow-Origin', '*')
    headers.set('Access-Control-Expose-Headers', 'ETag, Content-Type, Content-Length')
  }
  return headers
}

/** A strong ETag for a representation: SHA-256 of the bytes plus the representation name. */
export async function etagFor(bytes: Uint8Array, representation: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>))
  let hex = ''
  for (let i = 0; i < 12; i++) hex += digest[i]!.toString(16).padStart(2, '0')
  return `"${hex}-${representation.replace(/[^a-z0-9]/gi, '')}"`
}

/** True when an If-None-Match header matches `etag` (weak comparison, `*` matches anything). */
export function ifNoneMatchHits(header: string | null, etag: string): boolean {
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
  /** HTML pages get their own CSP. */
  csp?: string
}

/**
 * Builds the response for a representation: ETag, 304 on a matching If-None-Match (for 200s), HEAD
 * without a body, CORS and the security headers.
 */
export async function represent(request: Request, rep: Representation, cors: boolean): Promise<Response> {
  const headers = baseHeaders(cors)
  headers.set('Cache-Control', rep.cacheControl)
  headers.set('Content-Security-Policy', rep.csp ?? RESOURCE_CSP)
  if (rep.negotiated) headers.set('Vary', 'Accept')
  const etag = await etagFor(rep.body, rep.name)
  headers.set('ETag', etag)
  if (rep.status === 200 && ifNoneMatchHits(request.headers.get('if-none-match'), etag)) {
    return new Response(null, { status: 304, headers })
  }
  headers.set('Content-Type', rep.contentType)
  headers.set('Content-Length', String(rep.body.byteLength))
  return new Response(request.method === 'HEAD' ? null : (rep.body as Uint8Array<ArrayBuffer>), { status: rep.status, headers })
}

/** A JSON error answer: `{ status, error, code, ... }`. */
export function jsonError(
  request: Request,
  status: number,
  code: string,
  message: string,
  cors: boolean,
  extraHeaders: Record<string, string> = {},
): Response {
  const headers = baseHeaders(cors)
  const body = encoder.encode(`${JSON.stringify({ status, error: message, code })}\n`)
  headers.set('Content-Type', 'application/json')
  headers.set('Content-Length', String(body.byteLength))
  headers.set('Cache-Control', 'no-cache')
  headers.set('Content-Security-Policy', RESOURCE_CSP)
  for (const [k, v] of Object.entries(extraHeaders)) headers.set(k, v)
  return new Response(request.method === 'HEAD' ? null : body, { status, headers })
}

/** The answer to a CORS preflight. */
export function preflight(cors: boolean): Response {
  const headers = baseHeaders(cors)
  if (cors) {
    headers.set('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS')
    headers.set('Access-Control-Allow-Headers', 'Accept, If-None-Match')
    headers.set('Access-Control-Max-Age', '86400')
  }
  headers.set('Allow', 'GET, HEAD, OPTIONS')
  return new Response(null, { status: 204, headers })
}
