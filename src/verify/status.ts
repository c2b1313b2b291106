/**
 * Status of a signed badge: the issuer's RevocationList, fetched and consulted, failing closed when it
 * is named but cannot be fetched or read. (Hosted badges are revoked by their own URL: see hosted.ts.)
 */
import { isRevoked } from '../issue/revocation.js'
import { hasType, isHttpIri, loadDocument } from './documents.js'
import type { VerifyState } from './state.js'
import { upgradeRevocationList } from './upgrade.js'

/** Consults the issuer's RevocationList for the (trusted) assertion; sets `state.revoked` when it could. */
export async function checkRevocationList(state: VerifyState): Promise<void> {
  const { issuer, assertion, findings } = state
  if (!issuer || !assertion) return
  const link = issuer.revocationList
  if (link === undefined) {
    findings.add('REVOCATION_LIST_NONE', 'the issuer publishes no RevocationList; the badge is not listed as revoked')
    state.revoked = false
    return
  }
  if (!isHttpIri(link)) {
    findings.add('REVOCATION_LIST_UNAVAILABLE', 'the issuer revocationList is not an http(s) URL, so revocation cannot be checked', '/issuer/revocationList')
    return
  }
  const loaded = await loadDocument(state, link, 'RevocationList', '/issuer/revocationList')
  if (!loaded) {
    findings.add('REVOCATION_LIST_UNAVAILABLE', `the RevocationList ${link} could not be read, so the badge cannot be shown not to be revoked`, '/issuer/revocationList')
    return
  }
  const list = upgradeRevocationList(loaded.doc, link)
  if (!hasType(list, 'RevocationList')) {
    findings.add('REVOCATION_LIST_INVALID', `${link} is not a RevocationList`, '/issuer/revocationList')
    return
  }
  if (list.id !== undefined && list.id !== link && list.id !== loaded.resource.finalUrl) {
    findings.add('REVOCATION_LIST_INVALID', `the RevocationList fetched from ${link} declares id ${String(list.id)}`, '/issuer/revocationList')
    return
  }
  if (list.issuer !== undefined && list.issuer !== issuer.id) {
    findings.add('REVOCATION_LIST_INVALID', `the RevocationList belongs to ${String(list.issuer)}, not to the issuer ${String(issuer.id)}`, '/issuer/revocationList')
    return
  }
  const id = typeof assertion.id === 'string' && assertion.id !== '' ? assertion.id : undefined
  const uid = typeof assertion.uid === 'string' && assertion.uid !== '' ? assertion.uid : undefined
  if (!id && !uid) {
    findings.add('REVOCATION_LIST_UNAVAILABLE', 'the assertion has no id (or uid) to look up in the RevocationList', '/assertion/id')
    return
  }
  let status: { revoked: boolean; reason?: string }
  try {
    status = isRevoked(list, { ...(id ? { id } : {}), ...(uid ? { uid } : {}) })
  } catch (error) {
    const code = (error as { code?: unknown })?.code
    findings.add('REVOCATION_LIST_INVALID', `the RevocationList cannot be read${typeof code === 'string' ? ` (${code})` : ''}`, '/issuer/revocationList')
    return
  }
  state.revoked = status.revoked
  if (status.revoked) {
    findings.add('ASSERTION_REVOKED', `listed in the issuer's RevocationList${status.reason ? `: ${status.reason}` : ''}`, '/assertion/id')
  }
}
