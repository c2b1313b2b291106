/**
 * Open Badges 1.0 / 1.1 → 2.0: detect the version of a badge document and rewrite 1.x documents into
 * the 2.0 vocabulary so one set of checks verifies all three. Pure functions; inputs are not mutated.
 *
 * What changes (spec history/2.0.md and the 1.0/1.1 class tables):
 * - `@context` becomes the 2.0 context; 1.0 documents (no context, no type) get their `type`;
 * - `verify: { type: hosted|signed, url }` becomes `verification: { type: HostedBadge|SignedBadge }`;
 *   for hosted the `url` is where the assertion lives (its `id` when it has none); for signed it names
 *   the key (`creator`);
 * - dates: Unix timestamps and date-only strings (allowed before 2.0) become ISO 8601 in UTC;
 * - 1.0 BadgeClass/Issuer documents have no `id`: the URL they were fetched from is their id;
 * - AlignmentObject `name`/`url`/`description` become `targetName`/`targetUrl`/`targetDescription`;
 * - 1.x revocation lists (an object mapping uid/id → reason) become a RevocationList.
 */
import { OB_V2_CONTEXT } from '../jsonld/index.js'
import { isObject } from './json.js'

export type DocumentVersion = '2.0' | '1.1' | '1.0' | '0.5' | 'unknown'

function contextUrls(context: unknown): string[] {
  if (typeof context === 'string') return [context]
  if (Array.isArray(context)) return context.filter((c): c is string => typeof c === 'string')
  return []
}

const isV2Context = (url: string) => /\/openbadges\/v2(\/|$|\.json|\/context\.json)|openbadgespec\.org\/v2\//.test(url)
const isV1Context = (url: string) => /\/openbadges\/v1(\/|$)|openbadgespec\.org\/v1\//.test(url)

/** Detects the Open Badges version of an Assertion-like document. */
export function detectVersion(doc: Record<string, unknown>): DocumentVersion {
  const urls = contextUrls(doc['@context'])
  if (urls.some(isV2Context)) return '2.0'
  if (urls.some(isV1Context)) return '1.1'
  if (doc['@context'] !== undefined) return isObject(doc.verify) ? '1.1' : '2.0'
  if (typeof doc.recipient === 'string' && isObject(doc.badge)) return '0.5'
  if (isObject(doc.verify)) return '1.0'
  if (isObject(doc.verification)) return '2.0'
  return 'unknown'
}

/** Detects the version of a linked document (BadgeClass, Profile, key, list) from its context alone. */
export function detectLinkedVersion(doc: Record<string, unknown>): '2.0' | '1.x' {
  const urls = contextUrls(doc['@context'])
  if (urls.some(isV2Context)) return '2.0'
  if (urls.some(isV1Context) || doc['@context'] === undefined) return '1.x'
  return '2.0'
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/
const DATETIME_NO_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/

/** Converts a 1.x date (Unix seconds, `YYYY-MM-DD`, or a date-time without zone) to ISO 8601 UTC. */
export function upgradeDate(value: unknown): unknown {
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(value * 1000).toISOString()
  if (typeof value === 'string') {
    if (/^\d{9,11}$/.test(value)) return new Date(Number(value) * 1000).toISOString()
    if (DATE_ONLY.test(value)) return `${value}T00:00:00Z`
    if (DATETIME_NO_ZONE.test(value)) return `${value}Z`
  }
  return value
}

function withContext(doc: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { '@context': OB_V2_CONTEXT }
  for (const [key, value] of Object.entries(doc)) if (key !== '@context') out[key] = value
  return out
}

function ensureType(doc: Record<string, unknown>, type: string): void {
  const t = doc.type
  if (t === undefined) doc.type = type
}

/** Upgrades a 1.0/1.1 Assertion to 2.0. `fetchedFrom` is the URL it was fetched from, when hosted. */
export function upgradeAssertion(doc: Record<string, unknown>, fetchedFrom?: string): Record<string, unknown> {
  const out = withContext(doc)
  ensureType(out, 'Assertion')
  const verify = isObject(doc.verify) ? doc.verify : undefined
  delete out.verify
  if (verify) {
    const type = typeof verify.type === 'string' ? verify.type.toLowerCase() : verify.type
    const url = typeof verify.url === 'string' ? verify.url : undefined
    if (type === 'hosted') {
      out.verification = { type: 'HostedBadge' }
      if (out.id === undefined && (url ?? fetchedFrom)) out.id = url ?? fetchedFrom
    } else if (type === 'signed') {
      out.verification = { type: 'SignedBadge', ...(url ? { creator: url } : {}) }
    } else {
      out.verification = { ...verify }
    }
  }
  if (out.issuedOn !== undefined) out.issuedOn = upgradeDate(out.issuedOn)
  if (out.expires !== undefined) out.expires = upgradeDate(out.expires)
  return out
}

function upgradeAlignment(entry: unknown): unknown {
  if (!isObject(entry)) return entry
  const out: Record<string, unknown> = { ...entry }
  const rename: Array<[string, string]> = [
    ['name', 'targetName'],
    ['url', 'targetUrl'],
    ['description', 'targetDescription'],
  ]
  for (const [from, to] of rename) {
    if (out[to] === undefined && out[from] !== undefined) {
      out[to] = out[from]
      delete out[from]
    }
  }
  return out
}

/** Upgrades a 1.0/1.1 BadgeClass to 2.0 (`fetchedFrom` becomes its id when it has none). */
export function upgradeBadgeClass(doc: Record<string, unknown>, fetchedFrom?: string): Record<string, unknown> {
  const out = withContext(doc)
  ensureType(out, 'BadgeClass')
  if (out.id === undefined && fetchedFrom) out.id = fetchedFrom
  if (Array.isArray(out.alignment)) out.alignment = out.alignment.map(upgradeAlignment)
  else if (out.alignment !== undefined) out.alignment = upgradeAlignment(out.alignment)
  return out
}

/** Upgrades a 1.0/1.1 issuer organization to a 2.0 issuer Profile. */
export function upgradeIssuer(doc: Record<string, unknown>, fetchedFrom?: string): Record<string, unknown> {
  const out = withContext(doc)
  ensureType(out, 'Issuer')
  if (out.id === undefined && fetchedFrom) out.id = fetchedFrom
  return out
}

/** Upgrades a 1.x revocation list (`{ "<uid or id>": "<reason>" }`) to a 2.0 RevocationList. */
export function upgradeRevocationList(doc: Record<string, unknown>, fetchedFrom?: string): Record<string, unknown> {
  if (doc.type !== undefined || doc.revokedAssertions !== undefined) return doc
  const revokedAssertions = Object.entries(doc)
    .filter(([key]) => !key.startsWith('@'))
    .map(([key, reason]) => ({
      ...(/^[a-z][a-z0-9+.-]*:/i.test(key) ? { id: key } : { uid: key }),
      ...(typeof reason === 'string' && reason ? { revocationReason: reason } : {}),
    }))
  return { '@context': OB_V2_CONTEXT, type: 'RevocationList', ...(fetchedFrom ? { id: fetchedFrom } : {}), revokedAssertions }
}
