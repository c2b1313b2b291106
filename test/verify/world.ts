/**
 * A small badge world for verifier tests: an issuer with a key, a BadgeClass, a RevocationList, hosted and
 * signed assertions, all served by an in-memory fetch. Documents are plain objects so each test can break
 * exactly one thing.
 */
import { exportPublicKeyPem, generateKeyPair, signAssertion, type KeyPair } from '../../src/sign/index.js'
import { json, mapFetch, png, type Route } from './helpers.js'

export const CONTEXT = 'https://w3id.org/openbadges/v2'
export const ORIGIN = 'https://issuer.example'
export const ISSUER_ID = `${ORIGIN}/issuer`
export const BADGE_ID = `${ORIGIN}/badges/reading`
export const KEY_ID = `${ORIGIN}/keys/1`
export const REVOCATIONS_ID = `${ORIGIN}/revocations`
export const IMAGE_ID = `${ORIGIN}/badges/reading.png`
export const HOSTED_ID = `${ORIGIN}/assertions/1`
export const SIGNED_ID = 'urn:uuid:5a0b4f6e-2d1c-4f7a-9a51-0c3f1f0e9b11'
export const NOW = '2026-01-15T12:00:00Z'

// sha256('teacher@example.org' + 'pepper')
export const RECIPIENT = {
  type: 'email',
  hashed: true,
  salt: 'pepper',
  identity: 'sha256$25924f1a0a8d723ec6f0971885935fff818abc68fe46e7af7f7f0b978d142e6b',
}

let cachedPair: Promise<KeyPair> | undefined
let otherPair: Promise<KeyPair> | undefined
/** One ES256 key pair per test file (generated once). */
export const issuerKeyPair = () => (cachedPair ??= generateKeyPair('ES256'))
/** A key the issuer never declared. */
export const strangerKeyPair = () => (otherPair ??= generateKeyPair('ES256'))

export interface World {
  issuer: Record<string, unknown>
  badgeClass: Record<string, unknown>
  key: Record<string, unknown>
  revocations: Record<string, unknown>
  hosted: Record<string, unknown>
  signedPayload: Record<string, unknown>
  routes: Record<string, Route>
}

/** Fresh documents (mutate freely). */
export async function makeWorld(): Promise<World> {
  const pair = await issuerKeyPair()
  const issuer = {
    '@context': CONTEXT,
    type: 'Issuer',
    id: ISSUER_ID,
    name: 'Example Educator Academy',
    url: ORIGIN,
    email: 'badges@issuer.example',
    publicKey: KEY_ID,
    revocationList: REVOCATIONS_ID,
  }
  const badgeClass = {
    '@context': CONTEXT,
    type: 'BadgeClass',
    id: BADGE_ID,
    name: 'Reading Conferences',
    description: 'Conducts one-on-one reading conferences that move each student forward.',
    image: IMAGE_ID,
    criteria: { narrative: 'Submit two recorded conferences and a reflection, scored against the rubric.' },
    issuer: ISSUER_ID,
    alignment: [{ targetName: 'Reading conferences', targetUrl: 'https://standards.example/ela/1', targetCode: 'ELA.1' }],
  }
  const key = {
    '@context': CONTEXT,
    type: 'CryptographicKey',
    id: KEY_ID,
    owner: ISSUER_ID,
    publicKeyPem: exportPublicKeyPem(pair.publicKey),
  }
  const revocations = { '@context': CONTEXT, type: 'RevocationList', id: REVOCATIONS_ID, issuer: ISSUER_ID, revokedAssertions: [] as unknown[] }
  const hosted = {
    '@context': CONTEXT,
    type: 'Assertion',
    id: HOSTED_ID,
    recipient: { ...RECIPIENT },
    badge: BADGE_ID,
    verification: { type: 'HostedBadge' },
    issuedOn: '2025-06-01T10:00:00Z',
    evidence: [{ id: 'https://portfolio.example/conference-1', narrative: 'Two recorded conferences.' }],
  }
  const signedPayload = { ...hosted, id: SIGNED_ID, verification: { type: 'SignedBadge', creator: KEY_ID } }
  return {
    issuer,
    badgeClass,
    key,
    revocations,
    hosted,
    signedPayload,
    routes: {},
  }
}

/** The routes serving a world (call after changing documents). */
export function serve(world: World, extra: Record<string, Route> = {}) {
  return mapFetch({
    [ISSUER_ID]: json(world.issuer),
    [BADGE_ID]: json(world.badgeClass),
    [KEY_ID]: json(world.key),
    [REVOCATIONS_ID]: json(world.revocations),
    [IMAGE_ID]: png(),
    [HOSTED_ID]: json(world.hosted),
    ...extra,
  })
}

/** Signs a payload with the issuer key (or another pair), keeping its verification as given. */
export async function sign(payload: Record<string, unknown>, pair?: KeyPair, keyId = KEY_ID): Promise<string> {
  const p = pair ?? (await issuerKeyPair())
  const jws = await signAssertion(payload, { privateKey: p.privateKey, id: keyId })
  const verification = payload.verification
  // signAssertion sets verification to { SignedBadge, creator: keyId }; tests that need another shape re-encode.
  if (JSON.stringify(verification) === JSON.stringify({ type: 'SignedBadge', creator: keyId })) return jws
  return resign(jws, payload, p)
}

/** Re-signs `payload` verbatim with `pair` (using the signing module's primitives through a fresh JWS). */
async function resign(_jws: string, payload: Record<string, unknown>, pair: KeyPair): Promise<string> {
  const { CompactSign, importJWK } = await import('jose')
  const { exportPrivateKeyJwk } = await import('../../src/sign/index.js')
  const key = await importJWK(exportPrivateKeyJwk(pair.privateKey) as Parameters<typeof importJWK>[0], 'ES256')
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'ES256' }).sign(key)
}

/** Replaces the payload of a JWS, keeping its header and signature (a tampered badge). */
export function tamper(jws: string, change: (payload: Record<string, unknown>) => void): string {
  const [header, payload, signature] = jws.split('.') as [string, string, string]
  const doc = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>
  change(doc)
  return `${header}.${Buffer.from(JSON.stringify(doc)).toString('base64url')}.${signature}`
}
