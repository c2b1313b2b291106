/**
 * Revoking a badge held in a store, both ways a verifier looks: the hosted assertion becomes a revoked
 * stub (the host answers 410 Gone) and, when the issuer's RevocationList lives in the same store, the
 * assertion id is added to it (signed badges are checked against that list).
 */
import { OpenBadgesError } from '../errors.js'
import { createRevocationList, revoke } from '../issue/revocation.js'
import type { RevocationList } from '../model/openbadges.js'
import { PRIVATE_PREFIX, keyForId, normalizeBaseUrl } from './paths.js'
import { publishDocument } from './publish.js'
import type { BadgeStore } from './store.js'

/** Options for {@link revokeAssertion}. */
export interface RevokeAssertionOptions {
  store: BadgeStore
  baseUrl: string | URL
  /** The assertion's id (a URL under `baseUrl`). */
  assertionId: string
  /** The published reason (optional). */
  reason?: string
}

/** What {@link revokeAssertion} changed. */
export interface RevokeAssertionResult {
  /** The hosted assertion was replaced by its revoked stub. */
  hosted: boolean
  /** The id of the RevocationList the assertion was added to, if any. */
  revocationList?: string
}

type Doc = Record<string, unknown>

async function load(store: BadgeStore, base: URL, ref: unknown): Promise<Doc | undefined> {
  if (typeof ref === 'object' && ref !== null && !Array.isArray(ref)) return ref as Doc
  const key = typeof ref === 'string' ? keyForId(ref, base) : null
  const found = key === null ? null : await store.get(key)
  if (!found) return undefined
  try {
    return JSON.parse(new TextDecoder().decode(found.body)) as Doc
  } catch {
    return undefined
  }
}

/**
 * Revokes an assertion held in `store`: its hosted document becomes the revoked stub (410 Gone from
 * the host), and the issuer's RevocationList, when its id is under `baseUrl`, lists the assertion
 * (created when the issuer names a list the store does not hold yet). Revoking twice is harmless.
 *
 * @throws OpenBadgesError `HOST_NOT_FOUND` (no such assertion in the store), `HOST_NOT_AN_ASSERTION`,
 *   `HOST_ID_OUTSIDE_BASE`, `REVOCATION_LIST_INVALID`, `HOST_STORE_IO`
 * @example
 * await revokeAssertion({ store, baseUrl: 'https://mc.example.org/', assertionId, reason: 'Issued in error' })
 */
export async function revokeAssertion(options: RevokeAssertionOptions): Promise<RevokeAssertionResult> {
  // Revocations into one store run one at a time: each is a read-modify-write of the RevocationList,
  // and two interleaved ones would lose an entry. (Across processes, `omc revoke` takes a lock file.)
  const previous = pending.get(options.store) ?? Promise.resolve()
  const run = previous.then(() => revokeNow(options))
  const settled = run.then(
    () => undefined,
    () => undefined,
  )
  pending.set(options.store, settled)
  void settled.then(() => {
    if (pending.get(options.store) === settled) pending.delete(options.store)
  })
  return run
}

/** The tail of each store's queue of revocations. */
const pending = new WeakMap<BadgeStore, Promise<void>>()

async function revokeNow(options: RevokeAssertionOptions): Promise<RevokeAssertionResult> {
  const { store, assertionId, reason } = options
  const base = normalizeBaseUrl(options.baseUrl)
  const key = keyForId(assertionId, base)
  if (key === null) {
    throw new OpenBadgesError('HOST_ID_OUTSIDE_BASE', `${assertionId} is not a URL under ${base.href}`, { details: { assertionId } })
  }
  // The full assertion: in place, or archived by an earlier revocation.
  const assertion = await load(store, base, assertionId)
  const original = assertion?.revoked === true ? await loadArchived(store, key) : assertion
  if (!assertion) throw new OpenBadgesError('HOST_NOT_FOUND', `no assertion ${assertionId} in the store`, { details: { key } })
  await store.revoke(key, reason)

  const badgeClass = original ? await load(store, base, original.badge) : undefined
  const issuer = badgeClass ? await load(store, base, badgeClass.issuer) : undefined
  const listId = typeof issuer?.revocationList === 'string' ? issuer.revocationList : undefined
  if (listId === undefined || keyForId(listId, base) === null) return { hosted: true }
  const current = (await load(store, base, listId)) as RevocationList | undefined
  const list = current ?? createRevocationList({ id: listId, ...(typeof issuer?.id === 'string' ? { issuer: issuer.id } : {}) })
  await publishDocument(store, base, revoke(list, assertionId, reason))
  return { hosted: true, revocationList: listId }
}

async function loadArchived(store: BadgeStore, key: string): Promise<Doc | undefined> {
  const found = await store.get(`${PRIVATE_PREFIX}revoked/${key}`)
  if (!found) return undefined
  try {
    return JSON.parse(new TextDecoder().decode(found.body)) as Doc
  } catch {
    return undefined
  }
}
