/**
 * RevocationList documents (Open Badges 2.0): produce, update and query the list of signed badges an
 * issuer has revoked. Entries may be strings (the assertion id) or objects `{ id, revocationReason }`
 * (legacy: `{ uid }`); `revokedAssertions` may be a single entry or an array. Lookups handle every shape —
 * the reference verifier misses a revoked badge when the list has a single entry.
 */
import { OpenBadgesError } from '../errors.js'
import { OB_V2_CONTEXT } from '../jsonld/urls.js'
import type { IRI, JsonLdContext, RevocationList, RevokedAssertionRef } from '../model/openbadges.js'

/** Error codes thrown by the revocation functions. */
export const REVOCATION_CODES = {
  /** The list is not an object with `revokedAssertions` (a string, an object or an array of them). */
  REVOCATION_LIST_INVALID: 'REVOCATION_LIST_INVALID',
  /** The assertion id to revoke or look up is not a non-empty string. */
  REVOCATION_INVALID_ID: 'REVOCATION_INVALID_ID',
} as const

/** A code thrown by the revocation functions. */
export type RevocationCode = (typeof REVOCATION_CODES)[keyof typeof REVOCATION_CODES]

/** Options for {@link createRevocationList}. */
export interface CreateRevocationListOptions {
  /** Where the list is published (the issuer Profile's `revocationList`). */
  id?: IRI
  /** The issuer Profile id. */
  issuer?: IRI
  /** Defaults to the Open Badges v2 context URL. */
  context?: JsonLdContext
}

/** The answer of {@link isRevoked}. */
export interface RevocationStatus {
  revoked: boolean
  /** The published reason, when the entry has one. */
  reason?: string
}

function entriesOf(list: unknown): unknown[] {
  if (typeof list !== 'object' || list === null || Array.isArray(list)) {
    throw new OpenBadgesError(REVOCATION_CODES.REVOCATION_LIST_INVALID, 'a RevocationList must be an object')
  }
  const value = (list as { revokedAssertions?: unknown }).revokedAssertions
  if (Array.isArray(value)) return value
  if (typeof value === 'string' || (typeof value === 'object' && value !== null)) return [value]
  throw new OpenBadgesError(
    REVOCATION_CODES.REVOCATION_LIST_INVALID,
    'RevocationList.revokedAssertions must be an entry or an array of entries',
    { problems: [{ code: REVOCATION_CODES.REVOCATION_LIST_INVALID, path: '/revokedAssertions', message: 'missing or not a list' }] },
  )
}

function checkId(id: unknown, what: string): asserts id is string {
  if (typeof id !== 'string' || id.length === 0) {
    throw new OpenBadgesError(REVOCATION_CODES.REVOCATION_INVALID_ID, `${what} must be a non-empty string`)
  }
}

/**
 * A new, empty RevocationList document.
 * @example
 * const list = createRevocationList({ id: 'https://example.org/revocations', issuer: 'https://example.org/issuer' })
 */
export function createRevocationList(options: CreateRevocationListOptions = {}): RevocationList {
  return {
    '@context': options.context ?? OB_V2_CONTEXT,
    ...(options.id !== undefined ? { id: options.id } : {}),
    type: 'RevocationList',
    ...(options.issuer !== undefined ? { issuer: options.issuer } : {}),
    revokedAssertions: [],
  }
}

function entryId(entry: unknown): { id?: string; uid?: string } {
  if (typeof entry === 'string') return { id: entry }
  if (typeof entry === 'object' && entry !== null && !Array.isArray(entry)) {
    const e = entry as { id?: unknown; uid?: unknown }
    return {
      ...(typeof e.id === 'string' ? { id: e.id } : {}),
      ...(typeof e.uid === 'string' ? { uid: e.uid } : {}),
    }
  }
  return {}
}

/**
 * Returns a new list with `assertionId` revoked (the input is not modified). `revokedAssertions` comes
 * back as an array; the new entry is the plain id, or `{ id, revocationReason }` with a reason. Revoking
 * an id already listed keeps one entry (updating its reason when a new one is given).
 *
 * @throws OpenBadgesError `REVOCATION_LIST_INVALID`, `REVOCATION_INVALID_ID`.
 * @example
 * const next = revoke(list, 'urn:uuid:bf8d3c3d-fe60-487c-87a3-06440d0d0163', 'Issued in error')
 */
export function revoke(list: RevocationList, assertionId: IRI, reason?: string): RevocationList {
  const entries = entriesOf(list)
  checkId(assertionId, 'the assertion id')
  if (reason !== undefined && typeof reason !== 'string') {
    throw new OpenBadgesError(REVOCATION_CODES.REVOCATION_INVALID_ID, 'the revocation reason must be a string')
  }
  const fresh: RevokedAssertionRef = reason ? { id: assertionId, revocationReason: reason } : assertionId
  const index = entries.findIndex((e) => entryId(e).id === assertionId)
  let next: unknown[]
  if (index < 0) next = [...entries, fresh]
  else if (!reason) next = entries
  else {
    const existing = entries[index]
    const updated = typeof existing === 'object' && existing !== null ? { ...existing, revocationReason: reason } : fresh
    next = entries.map((e, i) => (i === index ? updated : e))
  }
  return { ...list, revokedAssertions: next as RevokedAssertionRef[] }
}

/**
 * Whether an assertion is listed as revoked, and why. Matches entries by `id` (string entries and object
 * entries alike) or, for legacy badges, by `uid`; handles a single entry or an array. An object entry
 * with `revoked: false` does not count. Entries that are neither strings nor objects are ignored.
 *
 * @param assertion The assertion id, or `{ id?, uid? }` for legacy badges without an IRI id.
 * @throws OpenBadgesError `REVOCATION_LIST_INVALID`, `REVOCATION_INVALID_ID`.
 * @example
 * const { revoked, reason } = isRevoked(list, assertion.id)
 */
export function isRevoked(list: RevocationList | Record<string, unknown>, assertion: IRI | { id?: IRI; uid?: string }): RevocationStatus {
  const entries = entriesOf(list)
  const wanted = typeof assertion === 'string' ? { id: assertion } : assertion
  if (typeof wanted !== 'object' || wanted === null) {
    throw new OpenBadgesError(REVOCATION_CODES.REVOCATION_INVALID_ID, 'the assertion id must be a string or { id, uid }')
  }
  const id = typeof wanted.id === 'string' && wanted.id !== '' ? wanted.id : undefined
  const uid = typeof wanted.uid === 'string' && wanted.uid !== '' ? wanted.uid : undefined
  if (!id && !uid) checkId(undefined, 'the assertion id')
  for (const entry of entries) {
    const ref = entryId(entry)
    if (!((id !== undefined && ref.id === id) || (uid !== undefined && ref.uid === uid))) continue
    if (typeof entry === 'string') return { revoked: true }
    const e = entry as { revoked?: unknown; revocationReason?: unknown }
    if (e.revoked === false) continue
    return typeof e.revocationReason === 'string' ? { revoked: true, reason: e.revocationReason } : { revoked: true }
  }
  return { revoked: false }
}
