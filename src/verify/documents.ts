/**
 * Loading the documents a badge links to: fetch (under the policy), parse (bounded), check that the
 * document is what the link promised (its id, its type). Every failure becomes a finding.
 */
import { hasType as hasClassType, typeList } from '../schema/index.js'
import type { FetchFailure, FetchedResource } from './fetcher.js'
import { decodeUtf8, isObject, parseJson } from './json.js'
import { cachedParse, rememberParse } from './memo.js'
import type { Severity } from './report.js'
import type { VerifyState } from './state.js'

/** A loaded JSON document and where it came from. */
export interface LoadedDocument {
  doc: Record<string, unknown>
  resource: FetchedResource
}

/** Adds the finding for a failed fetch (its fetch code, with the document role in the message). */
export function reportFetchFailure(state: VerifyState, failure: FetchFailure, label: string, path: string, severity: Severity = 'error'): void {
  state.findings.push({
    code: failure.code,
    severity,
    message: `${label} ${failure.url}: ${failure.message}`,
    path,
  })
}

/** Parses fetched bytes as a JSON object; adds DOCUMENT_JSON_INVALID and returns null when it is not one. */
export function parseDocument(state: VerifyState, bytes: Uint8Array, label: string, url: string, path: string, severity: Severity = 'error'): Record<string, unknown> | null {
  if (state.sharedCache) {
    const hit = cachedParse(bytes)
    if (hit) return hit
  }
  const doc = parseUncached(state, bytes, label, url, path, severity)
  // Documents from a shared cache are parsed once and frozen (the same bytes come back next time).
  if (state.sharedCache && doc) rememberParse(bytes, doc)
  return doc
}

function parseUncached(state: VerifyState, bytes: Uint8Array, label: string, url: string, path: string, severity: Severity): Record<string, unknown> | null {
  const parsed = parseJson(decodeUtf8(bytes))
  if (!parsed.ok) {
    state.findings.add('DOCUMENT_JSON_INVALID', `${label} ${url}: ${parsed.message}`, path, severity)
    return null
  }
  if (!isObject(parsed.value)) {
    state.findings.add('DOCUMENT_JSON_INVALID', `${label} ${url}: the document is not a JSON object`, path, severity)
    return null
  }
  return parsed.value
}

/** Fetches and parses a JSON document; null (with findings) on failure. */
export async function loadDocument(
  state: VerifyState,
  url: string,
  label: string,
  path: string,
  severity: Severity = 'error',
): Promise<LoadedDocument | null> {
  const result = await state.fetcher.get(url, 'json')
  if (!result.ok) {
    reportFetchFailure(state, result.error, label, path, severity)
    return null
  }
  const doc = parseDocument(state, result.resource.body, label, url, path, severity)
  return doc ? { doc, resource: result.resource } : null
}

/** Checks that a fetched document's `id` is the URL it was fetched from (or the URL that answered). */
export function checkFetchedId(state: VerifyState, doc: Record<string, unknown>, resource: FetchedResource, label: string, path: string): boolean {
  const id = doc.id
  if (id === resource.url || id === resource.finalUrl) return true
  state.findings.add(
    'DOCUMENT_ID_MISMATCH',
    `${label} fetched from ${resource.url} declares id ${typeof id === 'string' ? id : JSON.stringify(id ?? null)}`,
    `${path}/id`,
  )
  return false
}

/** The values of a document's `type` (or `@type`): a string or an array of strings. */
export function typesOf(doc: Record<string, unknown>): string[] {
  return typeList(doc.type ?? doc['@type'])
}

/** True when the document's type includes one of the classes `names`, in any spelling schema/ knows (term, `obi:`, full IRI). */
export function hasType(doc: Record<string, unknown>, ...names: string[]): boolean {
  const types = typesOf(doc)
  return names.some((name) => hasClassType(types, name))
}

/** Checks a linked document's class; adds DOCUMENT_WRONG_TYPE when it is none of `names`. */
export function checkType(state: VerifyState, doc: Record<string, unknown>, label: string, path: string, ...names: string[]): boolean {
  if (hasType(doc, ...names)) return true
  const got = typesOf(doc)
  state.findings.add(
    'DOCUMENT_WRONG_TYPE',
    `${label} has type ${got.length ? got.join(', ') : '(none)'}, expected ${names.join(' or ')}`,
    `${path}/type`,
  )
  return false
}

/** True for an absolute http(s) URL. */
export function isHttpIri(value: unknown): value is string {
  if (typeof value !== 'string') return false
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:'
  } catch {
    return false
  }
}

/** Normalizes a "multiple values allowed" property to an array. */
export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return []
  return Array.isArray(value) ? value : [value]
}
