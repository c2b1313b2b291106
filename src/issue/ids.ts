/**
 * Identifiers: random UUIDs and salts (injectable), name-based UUIDs (RFC 9562 version 5) for stable rubric
 * identifiers, slugs, and the URL layout under an issuer's base URL.
 */
import { sha1Hex, utf8Bytes } from './digest.js'

/** Random lowercase UUID v4 (WebCrypto, available in Node ≥ 20, browsers and workers). */
export function randomUuid(): string {
  return globalThis.crypto.randomUUID()
}

/** A fresh random salt: 16 random bytes as hex. */
export function randomSalt(): string {
  const bytes = new Uint8Array(16)
  globalThis.crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

const URL_NAMESPACE = '6ba7b8119dad11d180b400c04fd430c8'

/**
 * A name-based UUID (version 5, URL namespace): the same name always gives the same UUID, so a rubric
 * defined twice from the same file keeps its criterion identifiers (which assertions refer to).
 *
 * @example
 * ```ts
 * nameUuid('https://mc.example.org/badges/x#rubric') // '0d4b7683-e56d-51b6-afd1-e3ae6d1436b9'
 * ```
 */
export function nameUuid(name: string): string {
  const ns = new Uint8Array(16)
  for (let i = 0; i < 16; i++) ns[i] = parseInt(URL_NAMESPACE.slice(i * 2, i * 2 + 2), 16)
  const nameBytes = utf8Bytes(name)
  const input = new Uint8Array(16 + nameBytes.length)
  input.set(ns)
  input.set(nameBytes, 16)
  const h = sha1Hex(input).slice(0, 32).split('')
  h[12] = '5'
  h[16] = ((parseInt(h[16] as string, 16) & 0x3) | 0x8).toString(16)
  const s = h.join('')
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
}

/**
 * A URL path segment from a name: lowercase ASCII letters, digits and dashes.
 *
 * @example
 * ```ts
 * slugify('Think-Alouds: Grade 2') // 'think-alouds-grade-2'
 * ```
 */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '')
  return slug || 'badge'
}

/**
 * The base URL (ending in `/`) of an issuer: the directory of its profile id.
 *
 * @example
 * ```ts
 * baseUrlOf('https://mc.example.org/org-1/issuer') // 'https://mc.example.org/org-1/'
 * ```
 */
export function baseUrlOf(issuerId: string): string {
  return new URL('./', issuerId).href
}

/** `base` with exactly one trailing slash. */
export function withSlash(base: string): string {
  return base.endsWith('/') ? base : `${base}/`
}

/** ISO 8601 UTC without milliseconds when they are zero: `2026-01-15T12:00:00Z`. */
export function isoDateTime(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z')
}
