/**
 * Recipient identities: normalising, hashing (the OB 2.0 IdentityHash) and matching.
 */
import type { IdentityObject } from '../model/openbadges.js'
import { md5Hex, sha256Hex, utf8Bytes } from './digest.js'

/** Hash algorithms of the OB 2.0 IdentityHash. */
export type IdentityHashAlgorithm = 'sha256' | 'md5'

/**
 * Normalises an email address the way this library hashes it: trimmed, Unicode NFC, lowercased.
 *
 * @throws TypeError when `email` is not a string.
 * @example
 * ```ts
 * normalizeEmail('  Alice@Example.ORG ') // 'alice@example.org'
 * ```
 */
export function normalizeEmail(email: string): string {
  if (typeof email !== 'string') throw new TypeError('normalizeEmail: email must be a string')
  return email.trim().normalize('NFC').toLowerCase()
}

/**
 * Hashes an identity value as an OB 2.0 IdentityHash: `alg$hex(alg(identity + salt))`. The value is hashed
 * as given — normalise it first (`normalizeEmail`) for emails.
 *
 * @throws TypeError when identity or salt is not a string; RangeError for an unknown algorithm.
 * @example
 * ```ts
 * hashIdentity('mayze', '') // 'sha256$7a1a1b3f7d40552e4299180e346e3add12bf9a751a43d9c4ca4518febc2c60c6'
 * hashIdentity('alice@example.org', 'deadsea', 'md5')
 * ```
 */
export function hashIdentity(identity: string, salt: string, alg: IdentityHashAlgorithm = 'sha256'): `${IdentityHashAlgorithm}$${string}` {
  if (typeof identity !== 'string') throw new TypeError('hashIdentity: identity must be a string')
  if (typeof salt !== 'string') throw new TypeError('hashIdentity: salt must be a string')
  const bytes = utf8Bytes(identity + salt)
  if (alg === 'sha256') return `sha256$${sha256Hex(bytes)}`
  if (alg === 'md5') return `md5$${md5Hex(bytes)}`
  throw new RangeError(`hashIdentity: unsupported algorithm '${String(alg)}' (sha256 or md5)`)
}

/** The identity values a recipient may present. */
export interface IdentityCandidate {
  email?: string
  url?: string
  telephone?: string
  /** The value for any other identity type (an IRI-typed identifier). */
  id?: string
}

const TYPE_KEYS: Record<string, keyof IdentityCandidate> = {
  email: 'email',
  'schema:email': 'email',
  'http://schema.org/email': 'email',
  'https://schema.org/email': 'email',
  url: 'url',
  'schema:url': 'url',
  'http://schema.org/url': 'url',
  'https://schema.org/url': 'url',
  telephone: 'telephone',
  'schema:telephone': 'telephone',
  'http://schema.org/telephone': 'telephone',
  'https://schema.org/telephone': 'telephone',
}

/** The spellings of a candidate value that other issuers may have hashed or stored. */
function variants(key: keyof IdentityCandidate, value: string): string[] {
  const trimmed = value.trim()
  const out = new Set<string>([trimmed])
  if (key === 'email') out.add(normalizeEmail(value))
  if (key === 'telephone') out.add(trimmed.replace(/[\s().-]/g, ''))
  if (key === 'url') out.add(trimmed.replace(/\/+$/, ''))
  return [...out]
}

/**
 * True when the IdentityObject of an assertion names the given recipient: the candidate value for the
 * object's `type` (email, url, telephone, or `id` for other types) is compared — hashed with the object's
 * salt and algorithm when `hashed` — after the usual normalisation (emails trimmed and lowercased, phone
 * punctuation dropped). Never throws: malformed identity objects simply don't match.
 *
 * @example
 * ```ts
 * identityMatches(assertion.recipient, { email: 'Alice@Example.org' }) // true
 * ```
 */
export function identityMatches(identity: IdentityObject | unknown, candidate: IdentityCandidate): boolean {
  if (identity === null || typeof identity !== 'object' || candidate === null || typeof candidate !== 'object') return false
  const { type, identity: value, hashed, salt } = identity as Record<string, unknown>
  if (typeof type !== 'string' || typeof value !== 'string') return false
  const key = TYPE_KEYS[type] ?? 'id'
  const given = candidate[key]
  if (typeof given !== 'string' || given.trim() === '') return false
  const options = variants(key, given)
  if (hashed === true) {
    const m = /^(sha256|md5)\$([0-9a-fA-F]+)$/.exec(value)
    if (!m) return false
    const alg = m[1] as IdentityHashAlgorithm
    const expected = `${alg}$${(m[2] as string).toLowerCase()}`
    const saltText = typeof salt === 'string' ? salt : ''
    return options.some((v) => hashIdentity(v, saltText, alg) === expected)
  }
  const stored = variants(key, value)
  return options.some((v) => stored.includes(v))
}
