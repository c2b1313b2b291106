/**
 * Data validation of each badge document (types, required properties, datatypes, DateTime with zone,
 * email format...) by schema/, and JSON-LD processing for documents that bring contexts this library
 * does not carry (documents using only bundled contexts skip it: the hot path stays fast).
 */
import { createDocumentLoader, expandDocument, isBundled, type LoadedDocument as JsonLdLoaded } from '../jsonld/index.js'
import { OpenBadgesError } from '../errors.js'
import type { BadgeObjectKind } from '../model/openbadges.js'
import { validate } from '../schema/index.js'
import { decodeUtf8, isObject, parseJson } from './json.js'
import { memo } from './memo.js'
import type { VerifyState } from './state.js'

/** Problems tolerated (as warnings) in documents upgraded from Open Badges 1.x, where they were optional. */
function toleratedInV1(kind: BadgeObjectKind, path: string): boolean {
  return kind === 'Profile' && path === '/email'
}

function joinPath(base: string, pointer: string): string {
  if (!pointer || pointer === '/') return base
  return `${base}${pointer.startsWith('/') ? '' : '/'}${pointer}`
}

/**
 * Validates `doc` as `kind` and records every problem (codes from schema/) under `path`.
 * `upgraded` documents come from 1.x: properties 2.0 added as required are warnings there.
 */
export function validateDocument(
  state: VerifyState,
  doc: Record<string, unknown>,
  kind: BadgeObjectKind,
  path: string,
  upgraded = false,
  asIssuer = false,
): void {
  let result: ReturnType<typeof validate>
  try {
    result = memo(doc, `validate ${kind} ${asIssuer}`, () => validate(doc, asIssuer ? { kind, asIssuer } : { kind }))
  } catch (error) {
    state.findings.add('VERIFY_INTERNAL_ERROR', `data validation of ${path} failed: ${error instanceof Error ? error.message : String(error)}`, path)
    return
  }
  for (const problem of result.problems) {
    const tolerated = upgraded && toleratedInV1(kind, problem.path)
    state.findings.push({
      code: problem.code,
      severity: tolerated ? 'warning' : (problem.severity ?? 'error'),
      message: tolerated ? `${problem.message} (optional before Open Badges 2.0)` : problem.message,
      path: joinPath(path, problem.path),
    })
  }
}

/** True when the document brings a context this library does not carry, or an inline context. */
export function needsJsonLdProcessing(doc: unknown): boolean {
  let needed = false
  const visit = (value: unknown, depth: number): void => {
    if (needed || depth > 64 || value === null || typeof value !== 'object') return
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1)
      return
    }
    for (const [key, child] of Object.entries(value)) {
      if (key === '@context') {
        for (const c of Array.isArray(child) ? child : [child]) {
          if (typeof c !== 'string' || !isBundled(c)) needed = true
        }
      } else visit(child, depth + 1)
    }
  }
  visit(doc, 0)
  return needed
}

/** A JSON-LD document loader over the bundled contexts that fetches anything else under the policy. */
export function policyDocumentLoader(state: VerifyState) {
  return createDocumentLoader({
    fallback: async (url: string): Promise<JsonLdLoaded> => {
      const result = await state.fetcher.get(url, 'json')
      if (!result.ok) throw new OpenBadgesError(result.error.code, `context ${url}: ${result.error.message}`)
      const parsed = parseJson(decodeUtf8(result.resource.body))
      if (!parsed.ok || !isObject(parsed.value)) throw new OpenBadgesError('DOCUMENT_JSON_INVALID', `context ${url} is not a JSON object`)
      return { documentUrl: url, document: parsed.value as JsonLdLoaded['document'] }
    },
  })
}

/** Processes the document as JSON-LD when it brings unknown or inline contexts; JSONLD_INVALID if that fails. */
export async function checkJsonLd(state: VerifyState, doc: Record<string, unknown>, path: string): Promise<void> {
  if (!memo(doc, 'jsonld', () => needsJsonLdProcessing(doc))) return
  try {
    await expandDocument(doc, { documentLoader: policyDocumentLoader(state) })
  } catch (error) {
    const code = (error as { code?: unknown })?.code
    const message = error instanceof Error ? error.message : String(error)
    state.findings.add('JSONLD_INVALID', `${path.slice(1) || 'document'} is not valid JSON-LD${typeof code === 'string' ? ` (${code})` : ''}: ${message.slice(0, 240)}`, path)
  }
}
