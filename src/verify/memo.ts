/**
 * Memoization for documents served from a shared cache (`createVerifyCache()`): the same fetched bytes
 * parse to the same deep-frozen object, and work that depends only on that object (data validation,
 * the JSON-LD "bundled contexts only" test, the extension walk) is done once per object. Objects parsed
 * without a shared cache are never memoized (nothing could reuse them).
 *
 * Frozen objects cannot change, so a memoized result stays true for them; everything is held weakly.
 */
import { deepFreeze } from '../jsonld/bundled.js'

const parsed = new WeakMap<Uint8Array, Record<string, unknown> | null>()
const derived = new WeakMap<object, Map<string, unknown>>()

/** The frozen document parsed from `bytes` earlier, if any (`null` = it did not parse). */
export function cachedParse(bytes: Uint8Array): Record<string, unknown> | null | undefined {
  return parsed.get(bytes)
}

/** Remembers the (frozen) document parsed from `bytes`. */
export function rememberParse(bytes: Uint8Array, doc: Record<string, unknown> | null): void {
  parsed.set(bytes, doc === null ? null : deepFreeze(doc))
}

/** `compute(doc)` once per frozen `doc` and `key`; computed every time for objects that may still change. */
export function memo<T>(doc: object, key: string, compute: () => T): T {
  if (!Object.isFrozen(doc)) return compute()
  let table = derived.get(doc)
  if (!table) {
    table = new Map()
    derived.set(doc, table)
  }
  if (table.has(key)) return table.get(key) as T
  const value = compute()
  table.set(key, value)
  return value
}
