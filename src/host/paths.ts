/**
 * Store keys and URL paths. A store key is the path of a resource relative to the host's base URL,
 * `/`-separated, with no empty, `.`, `..` or hidden (leading `.`) segments, no backslashes, no control
 * characters. The fs store maps a key to the file at the same relative path, so a key that passes
 * {@link isPublicKey} can never name a file outside the store directory.
 *
 * Keys under `.omc/` are the store's private area (batch state, archived originals): valid for the
 * library, never served, never listed, never exported.
 */
import { OpenBadgesError } from '../errors.js'

/** The private area of a store: never served, listed or exported. */
export const PRIVATE_PREFIX = '.omc/'

// Forbidden anywhere in a decoded segment: path separators, NUL and other control characters, and the
// characters Windows refuses in file names (so a store directory copies to any file system).
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARS = /[\\/\u0000-\u001f\u007f<>:"|?*]/
const MAX_KEY_LENGTH = 1024
const MAX_SEGMENT_LENGTH = 200

function segmentIsSafe(segment: string): boolean {
  return (
    segment.length > 0 &&
    segment.length <= MAX_SEGMENT_LENGTH &&
    !segment.startsWith('.') &&
    !segment.endsWith('.') &&
    !segment.endsWith(' ') &&
    !FORBIDDEN_CHARS.test(segment)
  )
}

/**
 * True when `key` is a servable store key: relative, non-empty segments, none hidden or a dot segment,
 * no separators or control characters inside a segment.
 *
 * @example
 * isPublicKey('assertions/abc.json') // true
 * isPublicKey('assertions/../x')     // false
 */
export function isPublicKey(key: string): boolean {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) return false
  return key.split('/').every(segmentIsSafe)
}

/**
 * True when `key` is a valid store key: a public key, or a public key under the private `.omc/` area.
 *
 * @example
 * isStoreKey('.omc/batch/salt') // true
 */
export function isStoreKey(key: string): boolean {
  if (key.startsWith(PRIVATE_PREFIX)) return isPublicKey(key.slice(PRIVATE_PREFIX.length))
  return isPublicKey(key)
}

/**
 * Throws unless `key` is a valid store key (see {@link isStoreKey}).
 *
 * @throws OpenBadgesError `HOST_INVALID_KEY`
 * @example
 * assertStoreKey('issuers/main.json')
 */
export function assertStoreKey(key: string): void {
  if (typeof key !== 'string' || !isStoreKey(key)) {
    throw new OpenBadgesError('HOST_INVALID_KEY', `not a valid store key: ${JSON.stringify(String(key)).slice(0, 200)}`, {
      details: { key },
    })
  }
}

/**
 * Normalises a base URL: http(s), no query or fragment, path ending in `/`.
 *
 * @throws OpenBadgesError `HOST_INVALID_BASE_URL`
 * @example
 * normalizeBaseUrl('https://badges.example.org/mc') // 'https://badges.example.org/mc/'
 */
export function normalizeBaseUrl(baseUrl: string | URL): URL {
  let url: URL
  try {
    url = new URL(String(baseUrl))
  } catch (cause) {
    throw new OpenBadgesError('HOST_INVALID_BASE_URL', `base URL is not a URL: ${String(baseUrl)}`, { cause })
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new OpenBadgesError('HOST_INVALID_BASE_URL', `base URL must be http(s): ${url.href}`)
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new OpenBadgesError('HOST_INVALID_BASE_URL', `base URL must have no query, fragment or credentials: ${url.href}`)
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/'
  return url
}

/**
 * The store key of a document id (a URL under `baseUrl`), or `null` when the id is not under it or does
 * not map to a safe key. Ids without an extension map to `<path>.json`.
 *
 * @example
 * keyForId('https://b.example/assertions/1.json', 'https://b.example/') // 'assertions/1.json'
 * keyForId('https://b.example/assertions/1', 'https://b.example/')      // 'assertions/1.json'
 */
export function keyForId(id: string, baseUrl: string | URL): string | null {
  const base = normalizeBaseUrl(baseUrl)
  let url: URL
  try {
    url = new URL(id)
  } catch {
    return null
  }
  if (url.origin !== base.origin || url.search !== '' || url.hash !== '') return null
  const key = keyForPathname(url.pathname, base.pathname)
  if (key === null) return null
  return hasExtension(key) ? key : `${key}.json`
}

/**
 * The document URL (id) for a store key under `baseUrl`.
 *
 * @throws OpenBadgesError `HOST_INVALID_KEY`, `HOST_INVALID_BASE_URL`
 * @example
 * idForKey('assertions/1.json', 'https://b.example/') // 'https://b.example/assertions/1.json'
 */
export function idForKey(key: string, baseUrl: string | URL): string {
  if (!isPublicKey(key)) {
    throw new OpenBadgesError('HOST_INVALID_KEY', `not a public store key: ${JSON.stringify(String(key)).slice(0, 200)}`, {
      details: { key },
    })
  }
  const base = normalizeBaseUrl(baseUrl)
  return new URL(key.split('/').map(encodeURIComponent).join('/'), base).href
}

/**
 * Maps a request pathname (already parsed by a WHATWG URL parser, still percent-encoded) to a public
 * store key, or `null` when it is outside `basePath` or unsafe: encoded separators (`%2F`, `%5C`), NUL,
 * dot segments, hidden names, malformed percent-encoding.
 *
 * @example
 * keyForPathname('/badges/assertions/1.json', '/badges/') // 'assertions/1.json'
 * keyForPathname('/badges/a/%2e%2e%2fx', '/badges/')      // null
 */
export function keyForPathname(pathname: string, basePath = '/'): string | null {
  if (!pathname.startsWith(basePath)) return null
  const rest = pathname.slice(basePath.length)
  if (rest === '') return null
  const segments: string[] = []
  for (const raw of rest.split('/')) {
    let decoded = raw
    if (raw.includes('%')) {
      try {
        decoded = decodeURIComponent(raw)
      } catch {
        return null
      }
    }
    if (!segmentIsSafe(decoded)) return null
    segments.push(decoded)
  }
  const key = segments.join('/')
  return key.length <= MAX_KEY_LENGTH ? key : null
}

/**
 * True when a raw HTTP request target (as received, before any URL normalisation) tries to climb out
 * of its directory or smuggle separators: `..` or `.` segments (plain or percent-encoded, `%2e`),
 * backslashes (plain or `%5c`), encoded slashes, NUL. Adapters that see the raw target refuse these
 * with 400 before a URL parser silently resolves them.
 *
 * @example
 * isTraversalTarget('/assertions/../../etc/passwd') // true
 * isTraversalTarget('/assertions/1.json?x=1')       // false
 */
export function isTraversalTarget(rawTarget: string): boolean {
  const q = rawTarget.search(/[?#]/)
  const path = q === -1 ? rawTarget : rawTarget.slice(0, q)
  // Fast path: without an escape, a backslash, NUL or a segment starting with a dot there is nothing to refuse.
  if (!path.includes('/.') && !path.startsWith('.') && !path.includes('\u0000') && !/[%\\]/.test(path)) return false
  if (path.includes('\u0000') || /\\|%5c|%2f|%00/i.test(path)) return true
  // Decode only the dot so `%2e%2E.` variants collapse to dots, then look for dot segments.
  const dotted = path.replace(/%2e/gi, '.')
  return dotted.split('/').some((segment) => segment === '.' || segment === '..')
}

// Extensions the store knows a content type for (kept in step with store.ts). Anything else — `v1.2`,
// a UUID — is an extensionless id, stored as `<key>.json`.
const KNOWN_EXTENSIONS = /\.(json|jsonld|png|svg|jws|html|txt|jpe?g|gif|webp|csv|pem)$/i

/** True when the last segment of `key` ends in a file extension the store knows (`.json`, `.png`...). */
export function hasExtension(key: string): boolean {
  return KNOWN_EXTENSIONS.test(key.slice(key.lastIndexOf('/') + 1))
}
