/**
 * Resolving the badge graph: Assertion → BadgeClass → issuer Profile, each either embedded or fetched
 * from its IRI. The issuer Profile is always taken from its own http(s) id when it has one: its keys and
 * verification policy decide trust, so an embedded copy (which anyone can write) is never used for that.
 */
import { asArray, checkFetchedId, isHttpIri, loadDocument } from './documents.js'
import { isObject } from './json.js'
import type { VerifyState } from './state.js'
import { detectLinkedVersion, upgradeBadgeClass, upgradeIssuer } from './upgrade.js'

function needsUpgrade(state: VerifyState, doc: Record<string, unknown>): boolean {
  if (detectLinkedVersion(doc) !== '1.x') return false
  // A 2.0 assertion linking a context-less document: that is a 2.0 error to report, not a 1.0 document.
  return state.upgraded || doc['@context'] !== undefined
}

/** Resolves `assertion.badge` into `state.badgeClass`. */
export async function resolveBadgeClass(state: VerifyState): Promise<void> {
  const assertion = state.assertion
  if (!assertion) return
  const link = assertion.badge
  let doc: Record<string, unknown>
  let fetchedFrom: string | undefined
  if (typeof link === 'string') {
    if (!isHttpIri(link)) {
      state.findings.add('DOCUMENT_LINK_INVALID', `badge ${link} is neither an http(s) URL nor an embedded BadgeClass`, '/assertion/badge')
      return
    }
    const loaded = await loadDocument(state, link, 'BadgeClass', '/assertion/badge')
    if (!loaded) return
    doc = loaded.doc
    fetchedFrom = link
    if (needsUpgrade(state, doc)) doc = upgradeBadgeClass(doc, link)
    checkFetchedId(state, doc, loaded.resource, 'BadgeClass', '/badgeClass')
  } else if (isObject(link)) {
    doc = needsUpgrade(state, link) ? upgradeBadgeClass(link) : link
  } else {
    state.findings.add('DOCUMENT_LINK_INVALID', 'the assertion has no badge (an IRI or an embedded BadgeClass)', '/assertion/badge')
    return
  }
  state.badgeClass = doc
  state.badgeClassSource = fetchedFrom
}

/** Resolves `badgeClass.issuer` into `state.issuer` (fetched from its id whenever that is http(s)). */
export async function resolveIssuer(state: VerifyState): Promise<void> {
  const badgeClass = state.badgeClass
  if (!badgeClass) return
  const link = badgeClass.issuer
  const url = typeof link === 'string' ? link : isObject(link) ? link.id : undefined
  let doc: Record<string, unknown>
  if (isHttpIri(url)) {
    const loaded = await loadDocument(state, url, 'issuer Profile', '/badgeClass/issuer')
    if (!loaded) return
    doc = loaded.doc
    if (needsUpgrade(state, doc)) doc = upgradeIssuer(doc, url)
    checkFetchedId(state, doc, loaded.resource, 'issuer Profile', '/issuer')
    state.issuerAuthoritative = true
  } else if (isObject(link)) {
    doc = needsUpgrade(state, link) ? upgradeIssuer(link) : link
    state.issuerAuthoritative = false
  } else {
    state.findings.add(
      'DOCUMENT_LINK_INVALID',
      typeof link === 'string' ? `issuer ${link} is not an http(s) URL` : 'the BadgeClass has no issuer (an IRI or an embedded Profile)',
      '/badgeClass/issuer',
    )
    return
  }
  state.issuer = doc
}

/** The issuer's declared public keys: IRIs or embedded CryptographicKey objects. */
export function issuerKeys(issuer: Record<string, unknown>): unknown[] {
  return asArray(issuer.publicKey)
}
