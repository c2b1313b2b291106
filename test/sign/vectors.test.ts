import { readFileSync } from 'node:fs'
import * as ed from '@noble/ed25519'
import { afterEach, describe, expect, it } from 'vitest'
import { exportPublicKeyPem, importPrivateKey, importPublicKey, signAssertion, verifySignature } from '../../src/sign/index.js'
import { verifyBytes } from '../../src/sign/primitives.js'
import { BACKENDS, useBackend } from './helpers.js'

interface Vectors {
  rfc8032_test1: { secretKeyHex: string; publicKeyHex: string; messageHex: string; signatureHex: string }
  rfc8037_a4: { privateJwk: Record<string, string>; publicKeyPem: string; jws: string }
  signAssertion_eddsa: { keyId: string; assertion: Record<string, unknown>; jws: string }
  ob2_reference: { keyId: string; publicKeyPem: string; valid: Record<'RS256' | 'RS384' | 'RS512', string>; wrongKey: string }
}
const vectors = JSON.parse(readFileSync(new URL('../vectors/sign.json', import.meta.url), 'utf8')) as Vectors
const hex = (h: string) => Uint8Array.from(Buffer.from(h, 'hex'))

afterEach(() => useBackend({}))

describe('known-answer vectors (test/vectors/sign.json)', () => {
  it('RFC 8032 test 1: the seed gives the published public key and signature', async () => {
    const v = vectors.rfc8032_test1
    expect(Buffer.from(await ed.getPublicKeyAsync(hex(v.secretKeyHex))).toString('hex')).toBe(v.publicKeyHex)
    expect(Buffer.from(await ed.signAsync(hex(v.messageHex), hex(v.secretKeyHex))).toString('hex')).toBe(v.signatureHex)
  })

  for (const backend of BACKENDS) {
    it(`RFC 8037 A.4 Ed25519 JWS verifies on ${backend.name}; its text payload is refused by verifySignature`, async () => {
      useBackend(backend.override)
      const v = vectors.rfc8037_a4
      const priv = await importPrivateKey(v.privateJwk)
      expect(exportPublicKeyPem(priv.publicKey)).toBe(v.publicKeyPem)
      const key = await importPublicKey(v.publicKeyPem)
      const [h, p, s] = v.jws.split('.') as [string, string, string]
      const sig = Uint8Array.from(Buffer.from(s, 'base64url'))
      expect(await verifyBytes(key, 'EdDSA', new TextEncoder().encode(`${h}.${p}`), sig)).toBe(true)
      expect(await verifyBytes(key, 'EdDSA', new TextEncoder().encode(`${h}.${p}x`), sig)).toBe(false)
      expect(await verifySignature(v.jws, { resolveKey: async () => key })).toMatchObject({ ok: false, code: 'JWS_PAYLOAD_NOT_JSON' })
    })

    it(`signAssertion with the RFC 8037 key reproduces the recorded JWS byte for byte on ${backend.name}`, async () => {
      useBackend(backend.override)
      const v = vectors.signAssertion_eddsa
      const priv = await importPrivateKey(vectors.rfc8037_a4.privateJwk)
      expect(await signAssertion(v.assertion, { privateKey: priv, id: v.keyId })).toBe(v.jws)
    })

    it(`the Open Badges reference verifier's RS256/RS384/RS512 badges verify on ${backend.name}`, async () => {
      useBackend(backend.override)
      const v = vectors.ob2_reference
      for (const [alg, jws] of Object.entries(v.valid)) {
        expect(await verifySignature(jws, { resolveKey: async () => v.publicKeyPem })).toMatchObject({ ok: true, alg })
      }
      expect(await verifySignature(v.wrongKey, { resolveKey: async () => v.publicKeyPem })).toMatchObject({ ok: false, code: 'SIGNATURE_INVALID' })
    })
  }
})
