/**
 * JSON-LD helpers for badge documents: expansion with the static loader, and a cheap check of whether a
 * document only uses bundled contexts (so callers can skip JSON-LD processing on the hot path).
 */
import jsonld from 'jsonld'
import { OpenBadgesError, isOpenBadgesError } from '../errors.js'
import { JSONLD_CODES, documentLoader as staticLoader, isBundled, type DocumentLoader } from './loader.js'

/** Options of {@link expandDocument}. */
export interface ExpandOptions {
  /** Defaults to the static, offline {@link staticLoader | documentLoader}. */
  documentLoader?: DocumentLoader
}

/**
 * Expands a JSON-LD badge document.
 *
 * @throws OpenBadgesError `JSONLD_CONTEXT_NOT_BUNDLED` when a context is neither bundled nor given by the
 *   loader; `JSONLD_EXPANSION_FAILED` for any other JSON-LD error (the original is the `cause`).
 * @example
 * ```ts
 * const expanded = await expandDocument(assertion)
 * expanded[0]['https://w3id.org/openbadges#issueDate']
 * ```
 */
export async function expandDocument(doc: unknown, options: ExpandOptions = {}): Promise<Record<string, unknown>[]> {
  const loader = options.documentLoader ?? staticLoader
  try {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return (await jsonld.expand(doc as any, { documentLoader: loader as any })) as unknown as Record<string, unknown>[]
  } catch (error) {
    const inner = findOpenBadgesError(error)
    if (inner) throw inner
    throw new OpenBadgesError(JSONLD_CODES.EXPANSION_FAILED, `JSON-LD expansion failed: ${(error as Error)?.message ?? String(error)}`, {
      cause: error,
    })
  }
}

/** jsonld wraps loader errors (`details.cause`); dig out our own error so its code survives. */
function findOpenBadgesError(error: unknown, depth = 0): OpenBadgesError | undefined {
  if (depth > 5 || error === null || typeof error !== 'object') return undefined
  if (isOpenBadgesError(error)) return error as OpenBadgesError
  const e = error as { cause?: unknown; details?: { cause?: unknown } }
  return findOpenBadgesError(e.details?.cause, depth + 1) ?? findOpenBadgesError(e.cause, depth + 1)
}

/**
 * Lists the context URLs a document refers to (root `@context`, and `@context` of nested objects such as
 * extensions).
 *
 * @example
 * ```ts
 * contextUrls({ '@context': ['https://w3id.org/openbadges/v2', { foo: 'https://x/foo' }] }) // ['https://w3id.org/openbadges/v2']
 * ```
 */
export function contextUrls(doc: unknown): string[] {
  const found = new Set<string>()
  const visit = (value: unknown, depth: number): void => {
    if (depth > 64 || value === null || typeof value !== 'object') return
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1)
      return
    }
    for (const [key, child] of Object.entries(value)) {
      if (key === '@context') {
        for (const c of Array.isArray(child) ? child : [child]) if (typeof c === 'string') found.add(c)
      } else visit(child, depth + 1)
    }
  }
  visit(doc, 0)
  return [...found]
}

/**
 * True when every context URL the document refers to is bundled (inline context objects are allowed):
 * such a document can be understood without loading anything.
 *
 * @example
 * ```ts
 * usesOnlyBundledContexts({ '@context': 'https://w3id.org/openbadges/v2' }) // true
 * ```
 */
export function usesOnlyBundledContexts(doc: unknown): boolean {
  return contextUrls(doc).every(isBundled)
}
