/**
 * The badge store: where issued documents and images live, keyed by their path under the host's base
 * URL (`assertions/abc.json`, `images/mc.png`). The host serves whatever a store holds; the fs store's
 * directory is itself a static export.
 */
import { OpenBadgesError } from '../errors.js'
import { OB_V2_CONTEXT } from '../jsonld/urls.js'

/** One stored resource. */
export interface StoredResource {
  /** The bytes as stored. */
  body: Uint8Array
  /** The media type the resource is served with (JSON documents: `application/ld+json`). */
  contentType: string
}

/** Options for {@link BadgeStore.put}. */
export interface PutOptions {
  /** Overrides the content type the key's extension implies. */
  contentType?: string
}

/**
 * What the host and batch issuance need from a store. Keys are validated store keys (see
 * `isStoreKey`); implementations throw `HOST_INVALID_KEY` for anything else.
 */
export interface BadgeStore {
  /** The resource at `key`, or `null` when there is none. Treat the returned bytes as read-only. */
  get(key: string): Promise<StoredResource | null>
  /** Writes `body` at `key`, replacing what was there. Durable and atomic when the store can be. */
  put(key: string, body: Uint8Array | string, options?: PutOptions): Promise<void>
  /** Every public key under `prefix` (default: all), sorted; never the private `.omc/` area. */
  list(prefix?: string): AsyncIterable<string>
  /** Removes `key`; true when something was removed. */
  delete(key: string): Promise<boolean>
  /**
   * Marks the hosted assertion at `key` revoked: the public document becomes
   * `{ @context, type, id, badge, revoked: true, revocationReason }` (the host answers 410 Gone with it)
   * and the original is archived under `.omc/revoked/<key>`.
   *
   * @throws OpenBadgesError `HOST_NOT_FOUND` (no document), `HOST_NOT_AN_ASSERTION`
   */
  revoke(key: string, reason?: string): Promise<void>
}

const EXTENSION_TYPES: Readonly<Record<string, string>> = {
  json: 'application/ld+json',
  jsonld: 'application/ld+json',
  png: 'image/png',
  svg: 'image/svg+xml',
  jws: 'application/jose',
  html: 'text/html; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  csv: 'text/csv; charset=utf-8',
  pem: 'application/x-pem-file',
}

/**
 * The content type a key's extension implies: `.json`/`.jsonld` → `application/ld+json`, `.png`,
 * `.svg`, `.jws` → `application/jose`; unknown → `application/octet-stream`.
 *
 * @example
 * contentTypeForKey('assertions/1.json') // 'application/ld+json'
 */
export function contentTypeForKey(key: string): string {
  const dot = key.lastIndexOf('.')
  const ext = dot === -1 || dot < key.lastIndexOf('/') ? '' : key.slice(dot + 1).toLowerCase()
  return EXTENSION_TYPES[ext] ?? 'application/octet-stream'
}

/** The extension → content type table (for static hosting configuration). */
export const STATIC_CONTENT_TYPES: Readonly<Record<string, string>> = EXTENSION_TYPES

/** True when a content type is a JSON document type the host negotiates. */
export function isJsonType(contentType: string): boolean {
  const base = contentType.split(';')[0]!.trim().toLowerCase()
  return base === 'application/ld+json' || base === 'application/json' || base.endsWith('+json')
}

const encoder = new TextEncoder()

/** Bytes of a string or byte body. */
export function toBytes(body: Uint8Array | string): Uint8Array {
  if (typeof body === 'string') return encoder.encode(body)
  if (body instanceof Uint8Array) return body
  throw new TypeError('store body must be a Uint8Array or a string')
}

/** True when the bytes are a JSON object declaring `revoked: true`. */
export function isRevokedDocument(body: Uint8Array): boolean {
  try {
    const doc = JSON.parse(new TextDecoder().decode(body)) as unknown
    return typeof doc === 'object' && doc !== null && (doc as { revoked?: unknown }).revoked === true
  } catch {
    return false
  }
}

/**
 * Builds the public revoked stub of a hosted assertion (the body a 410 carries).
 *
 * @throws OpenBadgesError `HOST_NOT_AN_ASSERTION` when the bytes are not a JSON object with an `id`
 * @example
 * revokedStub(bytes, 'Issued in error') // { '@context': ..., id, revoked: true, revocationReason: 'Issued in error' }
 */
export function revokedStub(original: Uint8Array, reason?: string): Record<string, unknown> {
  let doc: unknown
  try {
    doc = JSON.parse(new TextDecoder().decode(original))
  } catch (cause) {
    throw new OpenBadgesError('HOST_NOT_AN_ASSERTION', 'cannot revoke: the stored document is not JSON', { cause })
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || typeof (doc as { id?: unknown }).id !== 'string') {
    throw new OpenBadgesError('HOST_NOT_AN_ASSERTION', 'cannot revoke: the stored document is not an assertion with an id')
  }
  const d = doc as Record<string, unknown>
  const types = Array.isArray(d.type) ? d.type : [d.type]
  if (d.revoked !== true && !types.includes('Assertion')) {
    throw new OpenBadgesError('HOST_NOT_AN_ASSERTION', 'cannot revoke: the stored document is not an Assertion')
  }
  if (d.revoked === true) {
    // Already revoked: keep the stub, update the reason when a new one is given.
    return reason === undefined ? d : { ...d, revocationReason: reason }
  }
  const stub: Record<string, unknown> = {
    '@context': d['@context'] ?? OB_V2_CONTEXT,
    type: 'Assertion',
    id: d.id,
  }
  const badge = d.badge
  if (typeof badge === 'string') stub.badge = badge
  else if (typeof badge === 'object' && badge !== null && typeof (badge as { id?: unknown }).id === 'string') {
    stub.badge = (badge as { id: string }).id
  }
  stub.revoked = true
  if (reason !== undefined) stub.revocationReason = reason
  return stub
}
