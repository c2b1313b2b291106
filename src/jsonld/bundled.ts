/**
 * The bundled documents, keyed by every URL under which they are published. Frozen: the same objects are
 * handed to every caller and to `jsonld`, so nobody may change them.
 */
import { assessmentExtensionContext, assessmentExtensionSchema } from './documents/assessment.js'
import { mcContext, mcExtensionSchema, mcResultExtensionSchema } from './documents/microcredential.js'
import { obV1Context, obV1LegacyContext } from './documents/ob-v1.js'
import { obV2Context } from './documents/ob-v2.js'
import type { JsonLdDocument } from './documents/types.js'
import {
  ASSESSMENT_CONTEXT_URL,
  ASSESSMENT_SCHEMA_URL,
  MC_CONTEXT_URL,
  MC_RESULT_SCHEMA_URL,
  MC_SCHEMA_URL,
  OB_V1_CONTEXT,
  OB_V1_CONTEXT_ALT,
  OB_V1_LEGACY_CONTEXT,
  OB_V2_CONTEXT,
  OB_V2_CONTEXT_ALT,
} from './urls.js'

/**
 * Deep-freezes a JSON value in place and returns it. Iterative (no recursion limit on deeply nested
 * input); objects already frozen are not entered again. JSON values have no cycles.
 *
 * @example
 * ```ts
 * const doc = deepFreeze(JSON.parse(text))
 * Object.isFrozen(doc) // true, and so is every object inside it
 * ```
 */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value]
  while (stack.length > 0) {
    const current = stack.pop()
    if (current === null || typeof current !== 'object' || Object.isFrozen(current)) continue
    Object.freeze(current)
    for (const child of Object.values(current)) if (child !== null && typeof child === 'object') stack.push(child)
  }
  return value
}

/** `https://x` and `http://x`: badges in the wild use both for the same published document. */
function withHttp(url: string): string[] {
  return url.startsWith('https://') ? [url, `http://${url.slice('https://'.length)}`] : [url]
}

function entries(urls: string[], document: JsonLdDocument): Array<[string, JsonLdDocument]> {
  return urls.map((u) => [u, deepFreeze(document)])
}

/**
 * Every JSON-LD context this library carries, keyed by URL: Open Badges v2 and v1.1 (and the legacy v1.0
 * context v1.1 imports) under their w3id.org and openbadgespec.org URLs (https and http), the 1EdTech
 * Assessment Extension context, and this project's micro-credential extension context.
 *
 * @example
 * ```ts
 * import { bundledContexts, OB_V2_CONTEXT } from 'open-microcredentials/jsonld'
 * bundledContexts[OB_V2_CONTEXT]['@context'] // the v2 term definitions
 * ```
 */
export const bundledContexts: Readonly<Record<string, JsonLdDocument>> = Object.freeze(
  Object.fromEntries([
    ...entries([...withHttp(OB_V2_CONTEXT), ...withHttp(OB_V2_CONTEXT_ALT)], obV2Context),
    ...entries([...withHttp(OB_V1_CONTEXT), ...withHttp(OB_V1_CONTEXT_ALT)], obV1Context),
    ...entries([...withHttp(OB_V1_LEGACY_CONTEXT), ...withHttp('https://openbadgespec.org/v1/legacy-v1.json')], obV1LegacyContext),
    ...entries(
      [
        ...withHttp(ASSESSMENT_CONTEXT_URL),
        ...withHttp('https://w3id.org/openbadges/extensions/assessmentExtension/context.json'),
        ...withHttp('https://purl.imsglobal.org/spec/ob-assessment/v1p0/context/'),
      ],
      assessmentExtensionContext,
    ),
    ...entries([MC_CONTEXT_URL], mcContext),
  ]),
)

/**
 * The JSON Schemas this library carries, keyed by URL: the 1EdTech Assessment Extension schema and this
 * project's two extension schemas.
 *
 * @example
 * ```ts
 * import { bundledSchemas, MC_SCHEMA_URL } from 'open-microcredentials/jsonld'
 * bundledSchemas[MC_SCHEMA_URL].required // ['@context', 'type']
 * ```
 */
export const bundledSchemas: Readonly<Record<string, JsonLdDocument>> = Object.freeze(
  Object.fromEntries([
    ...entries(
      [
        ASSESSMENT_SCHEMA_URL,
        'https://purl.imsglobal.org/spec/ob-assessment/v1p0/schema/',
        ...withHttp('https://openbadgespec.org/extensions/assessmentExtension/schema.json'),
        ...withHttp('https://w3id.org/openbadges/extensions/assessmentExtension/schema.json'),
      ],
      assessmentExtensionSchema,
    ),
    ...entries([MC_SCHEMA_URL], mcExtensionSchema),
    ...entries([MC_RESULT_SCHEMA_URL], mcResultExtensionSchema),
  ]),
)

/** One document of this project that a badge host publishes at `path` (the path of its IRI). */
export interface ProjectDocument {
  /** The stable IRI badges refer to. */
  url: string
  /** The URL path a host serves it under (the IRI's path). */
  path: string
  /** `application/ld+json` for contexts, `application/schema+json` for JSON Schemas. */
  contentType: 'application/ld+json' | 'application/schema+json'
  document: JsonLdDocument
}

function project(url: string, contentType: ProjectDocument['contentType']): ProjectDocument {
  const document = bundledContexts[url] ?? bundledSchemas[url]
  if (!document) throw new Error(`internal: ${url} is not bundled`)
  return Object.freeze({ url, path: new URL(url).pathname, contentType, document })
}

/**
 * This project's own contexts and schemas, for the badge host to serve (so that the IRIs badges use resolve).
 *
 * @example
 * ```ts
 * for (const d of projectDocuments) router.get(d.path, () => json(d.document, d.contentType))
 * ```
 */
export const projectDocuments: readonly ProjectDocument[] = Object.freeze([
  project(MC_CONTEXT_URL, 'application/ld+json'),
  project(MC_SCHEMA_URL, 'application/schema+json'),
  project(MC_RESULT_SCHEMA_URL, 'application/schema+json'),
])
