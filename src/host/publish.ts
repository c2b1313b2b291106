/**
 * Putting documents into a store at the key their id names, so the host (or a static export of the
 * store) serves each one at its id.
 */
import { OpenBadgesError } from '../errors.js'
import { keyForId, normalizeBaseUrl } from './paths.js'
import type { BadgeStore } from './store.js'

/** What {@link publishDocument} did. */
export interface PublishResult {
  key: string
  id: string
  /** `written`: new or changed; `unchanged`: the store already held these exact bytes. */
  status: 'written' | 'unchanged'
}

const encoder = new TextEncoder()

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false
  return true
}

/**
 * Writes a JSON document (issuer Profile, BadgeClass, Assertion, CryptographicKey, RevocationList...)
 * into the store at the key its `id` names under `baseUrl` (`<base>/issuer` → `issuer.json`). Writes
 * nothing when the store already holds the same bytes.
 *
 * @throws OpenBadgesError `HOST_DOCUMENT_NO_ID` (not an object with a string id),
 *   `HOST_ID_OUTSIDE_BASE` (the id is not a URL under `baseUrl`), `HOST_STORE_IO`
 * @example
 * await publishDocument(store, 'https://mc.example.org/', issuerProfile) // { key: 'issuer.json', ... }
 */
export async function publishDocument(store: BadgeStore, baseUrl: string | URL, document: unknown): Promise<PublishResult> {
  const id = typeof document === 'object' && document !== null && !Array.isArray(document) ? (document as { id?: unknown }).id : undefined
  if (typeof id !== 'string') throw new OpenBadgesError('HOST_DOCUMENT_NO_ID', 'a published document must be a JSON object with an "id"')
  const base = normalizeBaseUrl(baseUrl)
  const key = keyForId(id, base)
  if (key === null) {
    throw new OpenBadgesError('HOST_ID_OUTSIDE_BASE', `${id} is not a URL under ${base.href}: the host cannot serve it there`, {
      details: { id, baseUrl: base.href },
    })
  }
  const bytes = encoder.encode(`${JSON.stringify(document, null, 2)}\n`)
  const existing = await store.get(key)
  if (existing && sameBytes(existing.body, bytes)) return { key, id, status: 'unchanged' }
  await store.put(key, bytes)
  return { key, id, status: 'written' }
}

/** Settings a store directory remembers (in its private area, `.omc/config.json`). */
export interface StoreConfig {
  /** The URL the directory is published under: `omc serve` and `omc publish` default to it. */
  baseUrl?: string
}

const CONFIG_KEY = '.omc/config.json'

/**
 * The store's remembered settings (`{}` when none or unreadable).
 *
 * @example
 * const { baseUrl } = await readStoreConfig(createFsStore('./badges'))
 */
export async function readStoreConfig(store: BadgeStore): Promise<StoreConfig> {
  const found = await store.get(CONFIG_KEY)
  if (!found) return {}
  try {
    const parsed = JSON.parse(new TextDecoder().decode(found.body)) as { baseUrl?: unknown }
    return typeof parsed.baseUrl === 'string' ? { baseUrl: parsed.baseUrl } : {}
  } catch {
    return {}
  }
}

/**
 * Remembers settings in the store (merged with what is there).
 *
 * @throws OpenBadgesError `HOST_INVALID_BASE_URL`, `HOST_STORE_IO`
 * @example
 * await writeStoreConfig(store, { baseUrl: 'https://mc.example.org/' })
 */
export async function writeStoreConfig(store: BadgeStore, config: StoreConfig): Promise<void> {
  const merged = { ...(await readStoreConfig(store)), ...config }
  if (merged.baseUrl !== undefined) merged.baseUrl = normalizeBaseUrl(merged.baseUrl).href
  const bytes = encoder.encode(`${JSON.stringify(merged, null, 2)}\n`)
  const existing = await store.get(CONFIG_KEY)
  if (!existing || !sameBytes(existing.body, bytes)) await store.put(CONFIG_KEY, bytes)
}
