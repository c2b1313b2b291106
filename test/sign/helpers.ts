/** Test helpers: JWSs crafted with plain node:crypto (not our code), backends to run suites on. */
import crypto from 'node:crypto'
import { setPlatformOverrideForTesting } from '../../src/sign/platform.js'

export const b64u = (data: string | Uint8Array): string => Buffer.from(data).toString('base64url')

/** Builds a compact JWS with an arbitrary header, signed by node:crypto (or unsigned). */
export function craftJws(
  header: Record<string, unknown>,
  payload: unknown,
  sign: ((input: Buffer) => Buffer) | null,
): string {
  const input = `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(payload))}`
  return `${input}.${sign ? sign(Buffer.from(input)).toString('base64url') : ''}`
}

export const rsaSigner = (key: crypto.KeyObject, hash = 'sha256') => (input: Buffer) => crypto.sign(hash, input, key)
export const ecSigner = (key: crypto.KeyObject, hash = 'sha256') => (input: Buffer) =>
  crypto.sign(hash, input, { key, dsaEncoding: 'ieee-p1363' })
export const edSigner = (key: crypto.KeyObject) => (input: Buffer) => crypto.sign(null, input, key)

/** The crypto backends the sign module can run on, forced through the test hook. */
export const BACKENDS = [
  { name: 'node:crypto', override: {} },
  { name: 'WebCrypto', override: { nodeCrypto: false } },
  { name: '@noble/ed25519 fallback (no node:crypto, no WebCrypto Ed25519)', override: { nodeCrypto: false, webCryptoEd25519: false } },
] as const

export function useBackend(override: Parameters<typeof setPlatformOverrideForTesting>[0]): void {
  setPlatformOverrideForTesting(override)
}

export const sampleAssertion = {
  '@context': 'https://w3id.org/openbadges/v2',
  type: 'Assertion',
  id: 'urn:uuid:2f0d3a0e-8f39-4d4c-9d2e-1c1f2a5b7e01',
  recipient: { type: 'email', hashed: true, salt: 'pepper', identity: 'sha256$3b4b3e1e7c7b4d0a0f8a8e0b2b5c1d9e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c' },
  badge: 'https://example.org/badges/coaching.json',
  issuedOn: '2026-01-15T12:00:00Z',
  verification: { type: 'HostedBadge' },
}

export const KEY_ID = 'https://example.org/keys/1'
