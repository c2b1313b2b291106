/**
 * Hosted verification: the assertion is fetched from its id (the fetched copy is authoritative), must
 * declare that id, and the id must lie in the issuer's verification scope (its VerificationObject's
 * `startsWith` and `allowedOrigins`; by default the origin of the issuer id). 410 Gone or `revoked: true`
 * means revoked.
 */
import { asArray, isHttpIri, parseDocument, reportFetchFailure } from './documents.js'
import { isObject } from './json.js'
import type { VerifyState } from './state.js'

/** What the hosted fetch produced. */
export type HostedFetch =
  | { ok: true; doc: Record<string, unknown>; url: string; finalUrl: string }
  | { ok: false; revoked: boolean }

/**
 * Fetches the hosted assertion at `url`. A 410 answer is a revocation (its body, if JSON, is kept for the
 * reason); any other failure (404, unreachable, refused by policy...) leaves nothing to verify.
 */
export async function fetchHostedAssertion(state: VerifyState, url: string): Promise<HostedFetch> {
  if (!isHttpIri(url)) {
    state.findings.add('HOSTED_ID_NOT_HTTP', `a hosted assertion must be fetched from an http(s) id, not ${url}`, '/assertion/id')
    return { ok: false, revoked: false }
  }
  const result = await state.fetcher.get(url, 'json')
  if (!result.ok) {
    const { error } = result
    if (error.status === 410) {
      let reason = ''
      if (error.body && error.body.byteLength > 0) {
        const body = parseDocument(state, error.body, 'revoked assertion', url, '/assertion', 'info')
        if (body) {
          state.assertion = body
          if (typeof body.revocationReason === 'string') reason = `: ${body.revocationReason}`
        }
      }
      state.revoked = true
      state.findings.add('ASSERTION_REVOKED', `the hosted assertion answers 410 Gone${reason}`, '/assertion')
      return { ok: false, revoked: true }
    }
    reportFetchFailure(state, error, 'hosted assertion', '/assertion')
    return { ok: false, revoked: false }
  }
  const doc = parseDocument(state, result.resource.body, 'hosted assertion', url, '/assertion')
  if (!doc) return { ok: false, revoked: false }
  return { ok: true, doc, url: result.resource.url, finalUrl: result.resource.finalUrl }
}

function hostnameOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase()
  } catch {
    return null
  }
}

function originOf(url: string): string | null {
  try {
    const u = new URL(url)
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null
  } catch {
    return null
  }
}

/**
 * Checks that `id` (of the assertion) is within the issuer's hosted verification scope.
 * Returns true when it is; otherwise adds HOSTED_OUT_OF_SCOPE / HOSTED_POLICY_UNSUPPORTED.
 */
export function checkHostedScope(state: VerifyState, id: string, issuer: Record<string, unknown>): boolean {
  const policy = isObject(issuer.verification) ? issuer.verification : undefined
  if (policy) {
    const property = policy.verificationProperty
    if (property !== undefined && property !== 'id' && property !== '@id') {
      state.findings.add(
        'HOSTED_POLICY_UNSUPPORTED',
        `the issuer's verificationProperty ${JSON.stringify(property)} is not supported (only id)`,
        '/issuer/verification/verificationProperty',
      )
      return false
    }
  }
  const startsWith = asArray(policy?.startsWith).filter((s): s is string => typeof s === 'string' && s.length > 0)
  const allowedOrigins = asArray(policy?.allowedOrigins).filter((s): s is string => typeof s === 'string' && s.length > 0)

  if (startsWith.length === 0 && allowedOrigins.length === 0) {
    const issuerOrigin = typeof issuer.id === 'string' ? originOf(issuer.id) : null
    const idOrigin = originOf(id)
    if (issuerOrigin === null || idOrigin !== issuerOrigin) {
      state.findings.add(
        'HOSTED_OUT_OF_SCOPE',
        `assertion ${id} is not on the issuer's origin (${issuerOrigin ?? 'the issuer id is not an http(s) URL'}) and the issuer declares no verification scope`,
        '/assertion/id',
      )
      return false
    }
    return true
  }
  let ok = true
  if (startsWith.length > 0 && !startsWith.some((prefix) => id.startsWith(prefix))) {
    state.findings.add(
      'HOSTED_OUT_OF_SCOPE',
      `assertion ${id} does not start with any of the issuer's startsWith values (${startsWith.join(', ')})`,
      '/assertion/id',
    )
    ok = false
  }
  if (allowedOrigins.length > 0) {
    const host = hostnameOf(id)
    const allowed = allowedOrigins.map((o) => o.toLowerCase())
    if (host === null || !allowed.includes(host)) {
      state.findings.add(
        'HOSTED_OUT_OF_SCOPE',
        `assertion ${id} is not hosted on one of the issuer's allowedOrigins (${allowedOrigins.join(', ')})`,
        '/assertion/id',
      )
      ok = false
    }
  }
  return ok
}

/** The BadgeClass is expected on the issuer's origin too when the issuer declares no scope (a warning). */
export function checkBadgeClassScope(state: VerifyState, badgeClass: Record<string, unknown>, issuer: Record<string, unknown>): void {
  if (isObject(issuer.verification)) return
  const badgeId = badgeClass.id
  if (typeof badgeId !== 'string' || !isHttpIri(badgeId) || typeof issuer.id !== 'string') return
  const issuerOrigin = originOf(issuer.id)
  if (issuerOrigin !== null && originOf(badgeId) !== issuerOrigin) {
    state.findings.add(
      'HOSTED_BADGECLASS_OUT_OF_SCOPE',
      `BadgeClass ${badgeId} is not on the issuer's origin ${issuerOrigin}`,
      '/badgeClass/id',
    )
  }
}
