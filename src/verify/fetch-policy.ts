/**
 * The fetch policy's types, codes, defaults and pure helpers (content types, the lazily loaded DNS
 * resolver). The fetching itself is `fetcher.ts`.
 */
import type * as NodeDns from 'node:dns'

/**
 * Stable codes of fetch failures (they become report findings).
 *
 * @example
 * ```ts
 * FETCH_CODES.includes('FETCH_ADDRESS_REFUSED') // true
 * ```
 */
export const FETCH_CODES = [
  'FETCH_INVALID_URL',
  'FETCH_SCHEME_NOT_ALLOWED',
  'FETCH_ADDRESS_REFUSED',
  'FETCH_DNS_FAILED',
  'FETCH_TOO_MANY_REDIRECTS',
  'FETCH_REDIRECT_INVALID',
  'FETCH_TIMEOUT',
  'FETCH_TOO_LARGE',
  'FETCH_CONTENT_TYPE',
  'FETCH_HTTP_ERROR',
  'FETCH_UNREACHABLE',
  'FETCH_DOCUMENT_LIMIT',
] as const
export type FetchCode = (typeof FETCH_CODES)[number]

/** What a caller expects at a URL: decides the `Accept` header and the content-type check. */
export type ExpectedContent = 'json' | 'image'

/** The `fetch` signature the verifier needs (the global fetch, or an injected one). */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>

/** Resolves a host name to its IP addresses (for the private-address check). */
export type HostResolver = (hostname: string) => Promise<string[]>

/** Fetch policy options (all optional). */
export interface FetchPolicyOptions {
  /** The fetch to use; defaults to the global `fetch` (and then host names are also checked through DNS). */
  fetch?: FetchLike
  /** Allow loopback/private/link-local/unique-local hosts (for local development and tests). Default false. */
  allowPrivateNetwork?: boolean
  /** Deadline per document in milliseconds, redirects and body included. Default 10 000. */
  timeoutMs?: number
  /** Byte cap per document. Default 2 MB. */
  maxBytes?: number
  /** Maximum redirects followed per document. Default 5. */
  maxRedirects?: number
  /** Maximum distinct URLs requested in one verification. Default 30. */
  maxDocuments?: number
  /**
   * Resolves host names for the private-address check. Defaults to `node:dns` lookup when the global
   * fetch is used (loaded lazily, so browsers are unaffected); no DNS check with an injected fetch unless
   * this is given.
   */
  resolveHost?: HostResolver
}

/** A fetched resource: the final status, content type and body bytes. */
export interface FetchedResource {
  /** The URL requested. */
  url: string
  /** The URL that answered, after redirects. */
  finalUrl: string
  status: number
  contentType: string
  body: Uint8Array
}

/** A fetch failure; for HTTP errors the status and (bounded) body are kept (a 410 may say why). */
export interface FetchFailure {
  code: FetchCode
  message: string
  url: string
  status?: number
  contentType?: string
  body?: Uint8Array
}

export type FetchResult = { ok: true; resource: FetchedResource } | { ok: false; error: FetchFailure }

/**
 * Defaults of the fetch policy.
 *
 * @example
 * ```ts
 * FETCH_DEFAULTS.maxBytes // 2 097 152
 * ```
 */
export const FETCH_DEFAULTS = {
  timeoutMs: 10_000,
  maxBytes: 2 * 1024 * 1024,
  maxRedirects: 5,
  maxDocuments: 30,
} as const

/** A cross-verification store of successful fetches (see `createVerifyCache`). */
export interface FetchStore {
  get(key: string): FetchResult | undefined
  set(key: string, value: FetchResult): void
}

const JSON_TYPES = /^application\/(ld\+json|json)$|^application\/[a-z0-9.+-]+\+json$/
const IMAGE_TYPES = /^image\/(png|svg\+xml)$/

function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase()
}

/** True when `contentType` suits `expected` (JSON-LD documents: JSON media types; images: PNG or SVG). */
export function contentTypeAllowed(contentType: string, expected: ExpectedContent): boolean {
  const type = mediaType(contentType)
  return expected === 'json' ? JSON_TYPES.test(type) : IMAGE_TYPES.test(type)
}

/** The Accept header sent for each expected kind. */
export const ACCEPT: Record<ExpectedContent, string> = {
  json: 'application/ld+json, application/json;q=0.9',
  image: 'image/png, image/svg+xml;q=0.9',
}

let defaultResolver: HostResolver | null | undefined

/**
 * The node:dns resolver, or null where there is none (browsers, workers). Imported lazily through a
 * variable specifier (with bundler hints), so the module loads and bundles for browsers untouched.
 */
export async function loadDefaultResolver(): Promise<HostResolver | null> {
  if (defaultResolver !== undefined) return defaultResolver
  const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string'
  if (!isNode) return (defaultResolver = null)
  try {
    const specifier = 'node:dns'
    const dns = (await import(/* webpackIgnore: true */ /* @vite-ignore */ specifier)) as typeof NodeDns
    defaultResolver = async (hostname) => {
      const records = await dns.promises.lookup(hostname, { all: true, verbatim: true })
      return records.map((r) => r.address)
    }
  } catch {
    defaultResolver = null
  }
  return defaultResolver
}
