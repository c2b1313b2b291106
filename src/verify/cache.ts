/**
 * A cache that may outlive one verification: fetched documents and imported public keys. Without it,
 * every `verify()` call starts empty (each URL is still fetched only once per verification).
 *
 * Share one only between verifications that may see the same answers: a cached RevocationList is not
 * re-fetched, so a revocation published after it was cached is not seen until the cache is dropped.
 * Documents from the cache are parsed once and deep-frozen: the report's documents are then frozen too.
 * What is never cached: the signature check, the trust decisions and the date checks (they run every time).
 */
import type { FetchResult, FetchStore } from './fetcher.js'

/** Options of {@link createVerifyCache}. */
export interface VerifyCacheOptions {
  /** Most entries kept (oldest dropped first). Default 256. */
  maxEntries?: number
}

/** What `createVerifyCache()` returns; pass it as `verify(input, { cache })`. */
export interface VerifyCache {
  readonly documents: FetchStore
  /** Decoded JWS payloads by token (deep-frozen): a token re-verified is not decoded and validated again. */
  readonly tokens: { get(token: string): unknown; set(token: string, decoded: unknown): void }
  /** Imported public keys by PEM text (opaque handles from the signing module). */
  readonly keys: { get(pem: string): Promise<unknown> | undefined; set(pem: string, key: Promise<unknown>): void }
  /** Drops everything. */
  clear(): void
}

class BoundedMap<V> {
  private readonly map = new Map<string, V>()
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    return this.map.get(key)
  }
  set(key: string, value: V): void {
    this.map.delete(key)
    this.map.set(key, value)
    while (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string)
  }
  clear(): void {
    this.map.clear()
  }
}

/**
 * Creates a cache of fetched documents and imported keys to share across `verify()` calls.
 *
 * @throws RangeError when `maxEntries` is not a positive integer.
 * @example
 * ```ts
 * const cache = createVerifyCache()
 * for (const badge of badges) reports.push(await verify(badge, { cache }))
 * ```
 */
export function createVerifyCache(options: VerifyCacheOptions = {}): VerifyCache {
  const max = options.maxEntries ?? 256
  if (!Number.isInteger(max) || max < 1) throw new RangeError('createVerifyCache: maxEntries must be a positive integer')
  const documents = new BoundedMap<FetchResult>(max)
  const keys = new BoundedMap<Promise<unknown>>(max)
  const tokens = new BoundedMap<unknown>(max)
  return {
    documents,
    tokens,
    keys,
    clear() {
      documents.clear()
      keys.clear()
      tokens.clear()
    },
  }
}
