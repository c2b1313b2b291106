/**
 * Static JSON-LD document loaders: they answer from the bundled contexts (and documents the caller adds),
 * never from the network. An unknown URL goes to the caller's `fallback` or is refused.
 */
import { OpenBadgesError } from '../errors.js'
import { bundledContexts, bundledSchemas } from './bundled.js'
import type { JsonLdDocument } from './documents/types.js'

/** Error codes of the `jsonld` module. */
export const JSONLD_CODES = {
  /** The document loader was asked for a URL it does not carry (and no fallback answered). */
  CONTEXT_NOT_BUNDLED: 'JSONLD_CONTEXT_NOT_BUNDLED',
  /** JSON-LD expansion failed (invalid context, invalid JSON-LD, a loader refusal). */
  EXPANSION_FAILED: 'JSONLD_EXPANSION_FAILED',
} as const

/** What a document loader returns (the shape `jsonld` expects). */
export interface LoadedDocument {
  contextUrl?: string
  documentUrl: string
  document: JsonLdDocument
}

/** A `jsonld` document loader. */
export type DocumentLoader = (url: string) => Promise<LoadedDocument>

/** Options of {@link createDocumentLoader}. */
export interface CreateDocumentLoaderOptions {
  /** More documents by URL (consulted before the bundled ones). */
  documents?: Record<string, JsonLdDocument>
  /** Called for URLs neither `documents` nor the bundle carries (e.g. a policy-bound fetcher). */
  fallback?: DocumentLoader
}

function stripFragment(url: string): string {
  const hash = url.indexOf('#')
  return hash === -1 ? url : url.slice(0, hash)
}

function lookup(table: Readonly<Record<string, JsonLdDocument>>, url: string): JsonLdDocument | undefined {
  return Object.prototype.hasOwnProperty.call(table, url) ? table[url] : undefined
}

/**
 * Creates a document loader over the bundled contexts and schemas plus `documents`; unknown URLs go to
 * `fallback`, or are refused with `JSONLD_CONTEXT_NOT_BUNDLED`.
 *
 * @throws OpenBadgesError `JSONLD_CONTEXT_NOT_BUNDLED` (as a rejected promise) for an unknown URL without fallback.
 * @example
 * ```ts
 * const loader = createDocumentLoader({ documents: { 'https://example.org/ctx': { '@context': { foo: 'https://example.org/foo' } } } })
 * await jsonld.expand(doc, { documentLoader: loader })
 * ```
 */
export function createDocumentLoader(options: CreateDocumentLoaderOptions = {}): DocumentLoader {
  const extra = options.documents ?? {}
  const fallback = options.fallback
  return async (url: string): Promise<LoadedDocument> => {
    if (typeof url !== 'string') {
      throw new OpenBadgesError(JSONLD_CODES.CONTEXT_NOT_BUNDLED, 'document loader called without a URL string')
    }
    const key = stripFragment(url)
    const document = lookup(extra, key) ?? lookup(bundledContexts, key) ?? lookup(bundledSchemas, key)
    // jsonld rewrites loaded documents in place: hand it a copy, never the shared frozen object.
    if (document) return { documentUrl: url, document: structuredClone(document) }
    if (fallback) return fallback(url)
    throw new OpenBadgesError(JSONLD_CODES.CONTEXT_NOT_BUNDLED, `JSON-LD document not bundled (network access disabled): ${url}`, {
      details: { url },
    })
  }
}

/**
 * The static document loader: answers from the bundled contexts and schemas, never touches the network.
 *
 * @throws OpenBadgesError `JSONLD_CONTEXT_NOT_BUNDLED` (as a rejected promise) for any other URL.
 * @example
 * ```ts
 * import jsonld from 'jsonld'
 * import { documentLoader } from 'open-microcredentials/jsonld'
 * const expanded = await jsonld.expand(assertion, { documentLoader })
 * ```
 */
export const documentLoader: DocumentLoader = createDocumentLoader()

/**
 * True when `url` names a bundled context or schema (ignoring any `#fragment`).
 *
 * @example
 * ```ts
 * isBundled('https://w3id.org/openbadges/v2') // true
 * ```
 */
export function isBundled(url: string): boolean {
  const key = stripFragment(url)
  return lookup(bundledContexts, key) !== undefined || lookup(bundledSchemas, key) !== undefined
}
