/**
 * The badge host: a Web-standard `(request: Request) => Promise<Response>` handler that serves what a
 * store holds (issuer Profiles, BadgeClasses, Assertions, CryptographicKeys, RevocationLists, images,
 * baked images) and this project's extension contexts and schemas, with the content negotiation the
 * Open Badges 2.0 specification asks for. Mount it on node:http with `createNodeListener`, or on any
 * framework that speaks Request/Response (Deno, Bun, Hono, Cloudflare Workers...).
 */
import { OB_V2_CONTEXT, projectDocuments } from '../jsonld/index.js'
import { HTML_CSP } from './html.js'
import { formatOverride, negotiate, REPRESENTATION_TYPES, type DocumentRepresentation } from './negotiate.js'
import { assertionPage, badgeClassPage, documentPage, issuerPage, pageKindOf, revokedPage } from './pages.js'
import { keyForId, keyForPathname, normalizeBaseUrl, hasExtension } from './paths.js'
import {
  HOST_RESPONSE_CODES,
  RESOURCE_CSP,
  jsonError,
  preflight,
  represent,
  type HostRequest,
  type HostResponse,
  type Representation,
} from './respond.js'
import { isJsonType, toBytes, type BadgeStore, type StoredResource } from './store.js'

/** The host's core, on plain request/response objects (what the node:http adapter calls directly). */
export type HostCore = (request: HostRequest) => Promise<HostResponse>

/** Where a handler made by {@link createBadgeHost} keeps its core. */
export const HOST_CORE: unique symbol = Symbol.for('open-microcredentials.host.core')

/** A Request → Response function (with its core attached when made by {@link createBadgeHost}). */
export type BadgeHandler = ((request: Request) => Promise<Response>) & { [HOST_CORE]?: HostCore }

/** A document served at a fixed path under the base URL (the project's contexts and schemas). */
export interface StaticDocument {
  /** Path relative to the base URL, e.g. `contexts/microcredential-v1.jsonld`. */
  path: string
  contentType: string
  document: unknown
}

/** Options for {@link createBadgeHost}. */
export interface BadgeHostOptions {
  /** Where the documents and images live. */
  store: BadgeStore
  /** The URL the store's keys hang under (`https://badges.example.org/`); only its path is used for routing. */
  baseUrl: string | URL
  /**
   * Documents served at fixed paths under the base URL. Default: this project's extension contexts and
   * schemas (`projectDocuments` from the jsonld module), each at its IRI's path. Pass `[]` for none.
   */
  documents?: readonly StaticDocument[]
  /** The clock for the "expired" status on HTML pages. Default: the system clock. */
  now?: () => Date
  /** Serve HTML pages to browsers (default true). */
  html?: boolean
  /** Send `Access-Control-Allow-Origin: *` (default true: badges must be verifiable from any origin). */
  cors?: boolean
  /** Cache-Control per kind of resource. */
  cacheControl?: Partial<CacheControlPolicy>
}

/** Cache-Control values the host sends. */
export interface CacheControlPolicy {
  /** Badge documents (assertions must reflect revocation at once: revalidate every time, 304 is cheap). */
  documents: string
  /** Images and baked images. */
  assets: string
  /** The project's contexts and schemas. */
  static: string
}

const DEFAULT_CACHE: CacheControlPolicy = {
  documents: 'public, no-cache',
  assets: 'public, max-age=3600',
  static: 'public, max-age=86400',
}

const decoder = new TextDecoder()
type Doc = Record<string, unknown>

function parseObject(bytes: Uint8Array): Doc | undefined {
  try {
    const value = JSON.parse(decoder.decode(bytes)) as unknown
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Doc) : undefined
  } catch {
    return undefined
  }
}

/** The minimal body of a 410: `{ @context, type, id, revoked: true, revocationReason }` (no recipient, no evidence). */
function goneBody(doc: Doc): Doc {
  const body: Doc = { '@context': doc['@context'] ?? OB_V2_CONTEXT, type: doc.type ?? 'Assertion', id: doc.id, revoked: true }
  if (typeof doc.revocationReason === 'string') body.revocationReason = doc.revocationReason
  return body
}

/**
 * Creates the badge host handler.
 *
 * Answers: 200 with the negotiated representation (`application/ld+json` by default,
 * `application/json` when only that is accepted, `text/html` for browsers); 410 Gone for a revoked
 * assertion, with `{id, revoked: true, revocationReason}`; 304 on a matching `If-None-Match`; a JSON
 * 404; 400 `HOST_PATH_REFUSED` for unsafe paths; 405 for methods other than GET, HEAD and OPTIONS
 * (OPTIONS answers CORS preflights). `?format=json|jsonld|html` overrides negotiation.
 *
 * @throws OpenBadgesError `HOST_INVALID_BASE_URL` when `baseUrl` is not an http(s) URL
 * @example
 * const host = createBadgeHost({ store: createFsStore('./badges'), baseUrl: 'https://badges.example.org/' })
 * const response = await host(new Request('https://badges.example.org/assertions/1.json'))
 */
export function createBadgeHost(options: BadgeHostOptions): BadgeHandler {
  const base = normalizeBaseUrl(options.baseUrl)
  const store = options.store
  const cors = options.cors ?? true
  const htmlEnabled = options.html ?? true
  const now = options.now ?? (() => new Date())
  const cache: CacheControlPolicy = { ...DEFAULT_CACHE, ...options.cacheControl }
  const statics = new Map<string, StoredResource>()
  for (const doc of options.documents ?? projectDocuments) {
    const key = doc.path.replace(/^\/+/, '')
    statics.set(key, { body: toBytes(`${JSON.stringify(doc.document, null, 2)}\n`), contentType: doc.contentType })
  }

  async function loadDoc(ref: unknown): Promise<Doc | undefined> {
    if (typeof ref === 'object' && ref !== null && !Array.isArray(ref)) return ref as Doc
    if (typeof ref !== 'string') return undefined
    const key = keyForId(ref, base)
    if (key === null) return undefined
    const found = statics.get(key) ?? (await store.get(key))
    return found ? parseObject(found.body) : undefined
  }

  async function bakedImagesFor(key: string): Promise<string[]> {
    const stem = key.replace(/\.[^./]+$/, '')
    const urls: string[] = []
    for (const ext of ['png', 'svg']) {
      const candidate = `${stem}.${ext}`
      if (candidate !== key && (await store.get(candidate)) !== null) urls.push(new URL(candidate, base).href)
    }
    return urls
  }

  async function htmlFor(doc: Doc, key: string, jsonUrl: string): Promise<string> {
    switch (pageKindOf(doc)) {
      case 'assertion': {
        const badgeClass = await loadDoc(doc.badge)
        const issuer = badgeClass ? await loadDoc(badgeClass.issuer) : undefined
        return assertionPage({ assertion: doc, badgeClass, issuer, jsonUrl, now: now(), bakedImages: await bakedImagesFor(key) })
      }
      case 'badgeClass':
        return badgeClassPage(doc, await loadDoc(doc.issuer), jsonUrl)
      case 'issuer':
        return issuerPage(doc, jsonUrl)
      default:
        return documentPage(doc, jsonUrl)
    }
  }

  async function serveJson(
    request: HostRequest,
    key: string,
    found: StoredResource,
    cacheControl: string,
  ): Promise<HostResponse> {
    const representation: DocumentRepresentation =
      formatOverride(request.format) ?? negotiate(request.header('accept'), htmlEnabled)
    const wantsHtml = representation === 'html' && htmlEnabled
    // Fast path: a document that never mentions "revoked" cannot be revoked and needs no parsing for JSON.
    const mayBeRevoked = indexOfRevoked(found.body)
    const doc = wantsHtml || mayBeRevoked ? parseObject(found.body) : undefined
    const revoked = doc?.revoked === true
    const jsonUrl = `${request.pathname}?format=jsonld`
    let rep: Representation
    if (wantsHtml && doc) {
      const badgeClass = revoked ? await loadDoc(doc.badge) : undefined
      const html = revoked ? revokedPage(doc, badgeClass, jsonUrl) : await htmlFor(doc, key, jsonUrl)
      rep = { status: revoked ? 410 : 200, body: toBytes(html), contentType: REPRESENTATION_TYPES.html, cacheControl, negotiated: true, name: 'html', csp: HTML_CSP }
    } else {
      const jsonRep = representation === 'html' ? 'ld+json' : representation
      const stored = found.contentType.split(';')[0]!.trim().toLowerCase()
      // Only JSON-LD documents switch between ld+json and json; other JSON (schemas) keep their type.
      const contentType = stored === 'application/ld+json' || stored === 'application/json' ? REPRESENTATION_TYPES[jsonRep] : found.contentType
      const body = revoked && doc ? toBytes(`${JSON.stringify(goneBody(doc), null, 2)}\n`) : found.body
      rep = { status: revoked ? 410 : 200, body, contentType, cacheControl, negotiated: true, name: jsonRep }
    }
    return represent(request, rep, cors)
  }

  const core: HostCore = async (request) => {
    const method = request.method
    if (method === 'OPTIONS') return preflight(cors)
    if (method !== 'GET' && method !== 'HEAD') {
      return jsonError(request, 405, HOST_RESPONSE_CODES.methodNotAllowed, 'Method Not Allowed', cors, {
        Allow: 'GET, HEAD, OPTIONS',
      })
    }
    const pathname = request.pathname
    if (!pathname.startsWith(base.pathname) || pathname === base.pathname) {
      return jsonError(request, 404, HOST_RESPONSE_CODES.notFound, 'Not Found', cors)
    }
    const key = keyForPathname(pathname, base.pathname)
    if (key === null) return jsonError(request, 400, HOST_RESPONSE_CODES.pathRefused, 'Bad Request: path refused', cors)

    try {
      const fixed = statics.get(key)
      if (fixed) return await serveJson(request, key, fixed, cache.static)
      let resolvedKey = key
      let found = await store.get(key)
      if (found === null && !hasExtension(key)) {
        resolvedKey = `${key}.json`
        found = await store.get(resolvedKey)
      }
      if (found === null) return jsonError(request, 404, HOST_RESPONSE_CODES.notFound, 'Not Found', cors)
      if (isJsonType(found.contentType)) return await serveJson(request, resolvedKey, found, cache.documents)
      return represent(
        request,
        { status: 200, body: found.body, contentType: found.contentType, cacheControl: cache.assets, negotiated: false, name: 'raw', csp: RESOURCE_CSP },
        cors,
      )
    } catch {
      return jsonError(request, 500, HOST_RESPONSE_CODES.storeError, 'Internal Server Error', cors)
    }
  }

  const handler: BadgeHandler = async (request: Request): Promise<Response> => {
    let url: URL
    try {
      url = new URL(request.url)
    } catch {
      return toResponse(jsonError(request, 400, HOST_RESPONSE_CODES.pathRefused, 'Bad Request', cors))
    }
    const hostRequest: HostRequest = {
      method: request.method.toUpperCase(),
      pathname: url.pathname,
      format: url.searchParams.get('format'),
      header: (name) => request.headers.get(name),
    }
    return toResponse(await core(hostRequest))
  }
  handler[HOST_CORE] = core
  return handler
}

/** A Fetch Response for a plain host response. */
function toResponse(response: HostResponse): Response {
  return new Response((response.body as Uint8Array<ArrayBuffer> | undefined) ?? null, {
    status: response.status,
    headers: response.headers,
  })
}

// `"revoked"` as UTF-8 bytes: a byte search avoids decoding the body on the fast path. A body with a
// `\u` escape may spell the key escaped (`"\u0072evoked"`), so it is always parsed.
const REVOKED = new TextEncoder().encode('"revoked"')
const ESCAPE_U = new TextEncoder().encode('\\u')

function contains(body: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0]!
  const n = needle.length
  for (let i = body.indexOf(first); i !== -1 && i <= body.length - n; i = body.indexOf(first, i + 1)) {
    let j = 1
    while (j < n && body[i + j] === needle[j]) j++
    if (j === n) return true
  }
  return false
}

// Memoised per body array (stores that cache hand back the same array for an unchanged file).
const mayBeRevokedMemo = new WeakMap<Uint8Array, boolean>()

function indexOfRevoked(body: Uint8Array): boolean {
  let found = mayBeRevokedMemo.get(body)
  if (found === undefined) {
    found = contains(body, REVOKED) || contains(body, ESCAPE_U)
    mayBeRevokedMemo.set(body, found)
  }
  return found
}
