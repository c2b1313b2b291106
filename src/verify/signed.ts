/**
 * Signed verification: the JWS is checked by the signing module with keys that come only from the
 * issuer Profile. The candidate keys are `verification.creator` (which must also be listed in the
 * issuer's `publicKey`), else every key the issuer declares; each key document must name the issuer as
 * its `owner`.
 */
import { importPublicKey, verifySignature, type PublicKeyHandle } from '../sign/index.js'
import { checkFetchedId, isHttpIri, loadDocument } from './documents.js'
import { issuerKeys } from './graph.js'
import { isObject } from './json.js'
import type { VerifyState } from './state.js'

interface Candidate {
  /** The key id (IRI), or a label for an embedded key without one. */
  id: string
  path: string
  pem: string
}

function keyIdOf(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry
  if (isObject(entry) && typeof entry.id === 'string') return entry.id
  return undefined
}

/** Loads one declared key and checks it belongs to the issuer; null (with findings) when unusable. */
async function loadCandidate(state: VerifyState, entry: unknown, index: number, issuerId: string): Promise<Candidate | null> {
  const path = `/issuer/publicKey/${index}`
  let doc: Record<string, unknown>
  let embedded = false
  if (typeof entry === 'string') {
    if (!isHttpIri(entry)) {
      state.findings.add('SIGNED_KEY_UNUSABLE', `key ${entry} is not an http(s) URL and is not embedded`, path)
      return null
    }
    const loaded = await loadDocument(state, entry, 'CryptographicKey', path)
    if (!loaded) return null
    doc = loaded.doc
    if (!checkFetchedId(state, doc, loaded.resource, 'CryptographicKey', path)) return null
  } else if (isObject(entry)) {
    doc = entry
    embedded = true
  } else {
    state.findings.add('DOCUMENT_LINK_INVALID', 'a publicKey entry is neither an IRI nor an embedded CryptographicKey', path)
    return null
  }
  const id = keyIdOf(doc) ?? `embedded key #${index}`
  // A key embedded in the issuer's own (fetched) Profile is the issuer's unless it names someone else.
  if (doc.owner !== issuerId && !(embedded && doc.owner === undefined)) {
    state.findings.add(
      'SIGNED_KEY_OWNER_MISMATCH',
      `key ${id} is owned by ${typeof doc.owner === 'string' ? doc.owner : '(no owner)'}, not by the issuer ${issuerId}`,
      `${path}/owner`,
    )
    return null
  }
  if (typeof doc.publicKeyPem !== 'string' || doc.publicKeyPem.trim() === '') {
    state.findings.add('SIGNED_KEY_UNUSABLE', `key ${id} has no publicKeyPem`, `${path}/publicKeyPem`)
    return null
  }
  return { id, path, pem: doc.publicKeyPem }
}

function importCached(state: VerifyState, pem: string): Promise<unknown> {
  let hit: Promise<unknown> | undefined = state.keys.get(pem)
  if (!hit) {
    hit = importPublicKey(pem)
    hit.catch(() => undefined)
    state.keys.set(pem, hit)
  }
  return hit
}

/**
 * Checks the JWS signature against the issuer's keys. Returns true when one of them verifies it.
 * Requires `state.assertion` (the decoded payload) and an authoritative `state.issuer`.
 */
export async function checkSignature(state: VerifyState, token: string): Promise<boolean> {
  const { assertion, issuer, findings } = state
  if (!assertion || !issuer) return false
  const issuerId = issuer.id
  if (!state.issuerAuthoritative || typeof issuerId !== 'string') {
    findings.add(
      'SIGNED_ISSUER_NOT_DEREFERENCEABLE',
      'the issuer Profile has no http(s) id to fetch it from, so its keys cannot be trusted',
      '/badgeClass/issuer',
    )
    return false
  }
  const declared = issuerKeys(issuer)
  const verification = isObject(assertion.verification) ? assertion.verification : {}
  const creator = verification.creator
  let selected: Array<{ entry: unknown; index: number }>
  if (creator !== undefined) {
    const index = declared.findIndex((entry) => keyIdOf(entry) === creator)
    if (index < 0) {
      findings.add(
        'SIGNED_KEY_NOT_IN_ISSUER',
        `the signing key ${typeof creator === 'string' ? creator : JSON.stringify(creator)} is not listed in the issuer's publicKey`,
        '/assertion/verification/creator',
      )
      return false
    }
    selected = [{ entry: declared[index], index }]
  } else {
    selected = declared.map((entry, index) => ({ entry, index }))
    if (selected.length === 0) {
      findings.add('SIGNED_NO_KEY', 'no verification.creator, and the issuer Profile declares no publicKey', '/issuer/publicKey')
      return false
    }
  }

  const candidates: Candidate[] = []
  for (const { entry, index } of selected) {
    const candidate = await loadCandidate(state, entry, index, issuerId)
    if (candidate) candidates.push(candidate)
  }
  const handles = new Map<unknown, Candidate>()
  for (const candidate of candidates) {
    try {
      handles.set(await importCached(state, candidate.pem), candidate)
    } catch (error) {
      const code = (error as { code?: unknown })?.code
      findings.add('SIGNED_KEY_UNUSABLE', `key ${candidate.id}: publicKeyPem is not a usable public key${typeof code === 'string' ? ` (${code})` : ''}`, `${candidate.path}/publicKeyPem`)
    }
  }
  // Every candidate that dropped out has its own finding (fetch failure, owner, PEM, import).
  if (handles.size === 0) return false
  const keys = [...handles.keys()] as PublicKeyHandle[]
  const check = await verifySignature(token, { resolveKey: async () => keys })
  if (check.ok) {
    const used = handles.get(check.key)
    findings.add('SIGNED_VERIFIED', `${check.alg} signature verified with key ${used?.id ?? '(issuer key)'}`)
    return true
  }
  findings.push({ code: check.code, severity: 'error', message: check.message, path: '/assertion' })
  return false
}
