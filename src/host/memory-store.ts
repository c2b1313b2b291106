import { OpenBadgesError } from '../errors.js'
import { PRIVATE_PREFIX, assertStoreKey } from './paths.js'
import { contentTypeForKey, isRevokedDocument, revokedStub, toBytes, type BadgeStore, type PutOptions, type StoredResource } from './store.js'

/**
 * A store held in memory (tests, edge workers with their own persistence, previews). Bodies are
 * copied on `put` and on `get`, so callers cannot change stored bytes by mutating their arrays.
 *
 * @example
 * const store = createMemoryStore()
 * await store.put('assertions/1.json', JSON.stringify(assertion))
 * const host = createBadgeHost({ store, baseUrl: 'https://badges.example.org/' })
 */
export function createMemoryStore(initial: Record<string, Uint8Array | string> = {}): BadgeStore {
  const entries = new Map<string, StoredResource>()

  const store: BadgeStore = {
    async get(key) {
      assertStoreKey(key)
      const entry = entries.get(key)
      return entry ? { body: entry.body.slice(), contentType: entry.contentType } : null
    },
    async put(key, body, options?: PutOptions) {
      assertStoreKey(key)
      entries.set(key, { body: toBytes(body).slice(), contentType: options?.contentType ?? contentTypeForKey(key) })
    },
    async *list(prefix = '') {
      const keys = [...entries.keys()].filter((k) => k.startsWith(prefix) && !k.startsWith(PRIVATE_PREFIX)).sort()
      yield* keys
    },
    async delete(key) {
      assertStoreKey(key)
      return entries.delete(key)
    },
    async revoke(key, reason) {
      assertStoreKey(key)
      const entry = entries.get(key)
      if (!entry) throw new OpenBadgesError('HOST_NOT_FOUND', `nothing stored at ${key}`, { details: { key } })
      const stub = revokedStub(entry.body, reason)
      if (!isRevokedDocument(entry.body)) entries.set(`${PRIVATE_PREFIX}revoked/${key}`, entry)
      entries.set(key, { body: toBytes(JSON.stringify(stub, null, 2)), contentType: entry.contentType })
    },
  }
  for (const [key, body] of Object.entries(initial)) {
    assertStoreKey(key)
    entries.set(key, { body: toBytes(body).slice(), contentType: contentTypeForKey(key) })
  }
  return store
}
