import crypto from 'node:crypto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { isOpenBadgesError } from '../../src/errors.js'
import {
  exportPrivateKeyJwk,
  exportPrivateKeyPem,
  exportPublicKeyJwk,
  exportPublicKeyPem,
  generateKeyPair,
  importPrivateKey,
  importPublicKey,
  isPrivateKeyHandle,
  isPublicKeyHandle,
  SIGNATURE_ALGORITHMS,
  signAssertion,
  verifySignature,
  type SignatureAlgorithm,
} from '../../src/sign/index.js'
import { BACKENDS, KEY_ID, sampleAssertion, useBackend } from './helpers.js'

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    return isOpenBadgesError(error) ? error.code : `not an OpenBadgesError: ${String(error)}`
  }
  return 'no error'
}

afterEach(() => useBackend({}))

for (const backend of BACKENDS) {
  describe(`keys on ${backend.name}`, () => {
    it.each(['RS256', 'ES256', 'ES384', 'EdDSA'] as SignatureAlgorithm[])('%s: PEM export → import is the same key (public and private)', async (alg) => {
      useBackend(backend.override)
      const pair = await generateKeyPair(alg)
      const pubPem = exportPublicKeyPem(pair)
      expect(pubPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+\n-----END PUBLIC KEY-----\n$/)
      const pub = await importPublicKey(pubPem)
      expect(exportPublicKeyJwk(pub)).toEqual(exportPublicKeyJwk(await importPublicKey(exportPublicKeyJwk(pair))))
      expect(exportPublicKeyPem(pub)).toBe(pubPem)
      const { alg: _alg, ...bareJwk } = exportPublicKeyJwk(pair)
      expect(exportPublicKeyJwk(pub)).toEqual(bareJwk)

      const privPem = exportPrivateKeyPem(pair)
      expect(privPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/)
      const priv = await importPrivateKey(privPem)
      expect(exportPrivateKeyPem(priv)).toBe(privPem)
      expect(exportPublicKeyPem(priv.publicKey)).toBe(pubPem)
      // A signature by the re-imported private key verifies with the original public key.
      const jws = await signAssertion(sampleAssertion, { privateKey: priv, id: KEY_ID })
      expect((await verifySignature(jws, { resolveKey: async () => pair.publicKey })).ok).toBe(true)
    })
  })
}

describe('keys', () => {
  it.each(SIGNATURE_ALGORITHMS)('%s: generated handles describe the key and carry the algorithm', async (alg) => {
    const pair = await generateKeyPair(alg)
    expect(pair.alg).toBe(alg)
    expect(isPublicKeyHandle(pair.publicKey) && isPrivateKeyHandle(pair.privateKey)).toBe(true)
    expect(pair.publicKey).toMatchObject({ kind: 'public', alg })
    expect(pair.privateKey.publicKey).toBe(pair.publicKey)
    if (alg.startsWith('RS') || alg.startsWith('PS')) expect(pair.publicKey).toMatchObject({ kty: 'RSA', modulusLength: 2048 })
    if (alg === 'EdDSA') expect(pair.publicKey).toMatchObject({ kty: 'OKP', crv: 'Ed25519' })
    expect(Object.isFrozen(pair.publicKey)).toBe(true)
  })

  it('our PEM is read by node:crypto as the same key, and node:crypto PEM is read by us', async () => {
    for (const alg of ['RS256', 'ES256', 'EdDSA'] as const) {
      const pair = await generateKeyPair(alg)
      const nodeKey = crypto.createPublicKey(exportPublicKeyPem(pair))
      expect(nodeKey.export({ format: 'jwk' })).toEqual(exportPublicKeyJwk(await importPublicKey(exportPublicKeyPem(pair))))
      const nodePriv = crypto.createPrivateKey(exportPrivateKeyPem(pair))
      expect(nodePriv.export({ format: 'jwk' })).toMatchObject(exportPrivateKeyJwk(await importPrivateKey(exportPrivateKeyPem(pair))))
    }
    const node = crypto.generateKeyPairSync('ec', { namedCurve: 'P-384' })
    const ours = await importPrivateKey(node.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string)
    expect(ours).toMatchObject({ kty: 'EC', crv: 'P-384' })
    expect(exportPublicKeyPem(ours.publicKey)).toBe(node.publicKey.export({ type: 'spki', format: 'pem' }))
  })

  it('reads PKCS #1 RSA public keys and CryptographicKey documents', async () => {
    const node = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 })
    const pkcs1 = node.publicKey.export({ type: 'pkcs1', format: 'pem' }) as string
    expect(pkcs1).toContain('BEGIN RSA PUBLIC KEY')
    const key = await importPublicKey(pkcs1)
    expect(exportPublicKeyPem(key)).toBe(node.publicKey.export({ type: 'spki', format: 'pem' }))
    const doc = { id: KEY_ID, type: 'CryptographicKey', owner: 'https://example.org/i', publicKeyPem: exportPublicKeyPem(key) }
    expect(exportPublicKeyJwk(await importPublicKey(doc))).toEqual(exportPublicKeyJwk(key))
  })

  it('binding an algorithm: alg-bound handle, mismatches refused', async () => {
    const pair = await generateKeyPair('RS256')
    const ps = await importPublicKey(pair.publicKey, 'PS256')
    expect(ps.alg).toBe('PS256')
    expect(await codeOf(importPublicKey(pair.publicKey, 'ES256'))).toBe('KEY_ALG_MISMATCH')
    expect(await codeOf(importPublicKey(exportPublicKeyPem(pair), 'EdDSA'))).toBe('KEY_ALG_MISMATCH')
    expect(await codeOf(importPublicKey(exportPublicKeyPem(pair), 'HS256' as SignatureAlgorithm))).toBe('ALG_UNSUPPORTED')
    expect(await codeOf(importPrivateKey(pair.privateKey, 'ES384'))).toBe('KEY_ALG_MISMATCH')
    const rs384 = await importPrivateKey(pair.privateKey, 'RS384')
    const jws = await signAssertion(sampleAssertion, { privateKey: rs384, id: KEY_ID })
    expect(await verifySignature(jws, { resolveKey: async () => pair.publicKey })).toMatchObject({ ok: false, code: 'JWS_ALG_KEY_MISMATCH' })
    expect(await verifySignature(jws, { resolveKey: async () => exportPublicKeyPem(pair) })).toMatchObject({ ok: true, alg: 'RS384' })
  })

  it('generateKeyPair refuses HMAC/unknown algorithms and short RSA keys', async () => {
    expect(await codeOf(generateKeyPair('HS256' as SignatureAlgorithm))).toBe('ALG_UNSUPPORTED')
    expect(await codeOf(generateKeyPair('none' as SignatureAlgorithm))).toBe('ALG_UNSUPPORTED')
    expect(await codeOf(generateKeyPair('RS256', { modulusLength: 1024 }))).toBe('KEY_TOO_WEAK')
  })

  const rsa1024 = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 })
  const secp256k1 = crypto.generateKeyPairSync('ec', { namedCurve: 'secp256k1' })
  const ed448 = crypto.generateKeyPairSync('ed448')
  const cert = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'

  it.each([
    ['empty string', '', 'KEY_INVALID_PEM'],
    ['no PEM block', 'hello', 'KEY_INVALID_PEM'],
    ['body not base64', '-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----', 'KEY_INVALID_PEM'],
    ['a certificate', cert, 'KEY_UNSUPPORTED_FORMAT'],
    ['a private key given as public', rsa1024.privateKey.export({ type: 'pkcs8', format: 'pem' }), 'KEY_UNSUPPORTED_FORMAT'],
    ['garbage DER', '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----', 'KEY_UNSUPPORTED_TYPE'],
    ['RSA 1024', rsa1024.publicKey.export({ type: 'spki', format: 'pem' }), 'KEY_TOO_WEAK'],
    ['secp256k1', secp256k1.publicKey.export({ type: 'spki', format: 'pem' }), 'KEY_UNSUPPORTED_TYPE'],
    ['Ed448', ed448.publicKey.export({ type: 'spki', format: 'pem' }), 'KEY_UNSUPPORTED_TYPE'],
    ['a number', 42, 'KEY_INVALID_PEM'],
    ['null', null, 'KEY_INVALID_PEM'],
    ['JWK without kty', { n: 'AQAB' }, 'KEY_INVALID_JWK'],
    ['oct JWK', { kty: 'oct', k: 'c2VjcmV0' }, 'KEY_UNSUPPORTED_TYPE'],
    ['EC JWK bad curve', { kty: 'EC', crv: 'P-521', x: 'AA', y: 'AA' }, 'KEY_UNSUPPORTED_TYPE'],
    ['EC JWK short x', { kty: 'EC', crv: 'P-256', x: 'AAAA', y: 'AAAA' }, 'KEY_INVALID_JWK'],
    ['EC JWK off-curve point', { kty: 'EC', crv: 'P-256', x: 'A'.repeat(43), y: 'A'.repeat(43) }, 'KEY_INVALID'],
    ['OKP JWK bad base64url', { kty: 'OKP', crv: 'Ed25519', x: '+'.repeat(43) }, 'KEY_INVALID_JWK'],
    ['RSA JWK 1024', rsa1024.publicKey.export({ format: 'jwk' }), 'KEY_TOO_WEAK'],
  ])('importPublicKey(%s) → %s', async (_name, input, code) => {
    expect(await codeOf(importPublicKey(input as string))).toBe(code)
  })

  it.each([
    ['a public key PEM', () => crypto.generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }), 'KEY_UNSUPPORTED_FORMAT'],
    ['legacy RSA PRIVATE KEY', () => rsa1024.privateKey.export({ type: 'pkcs1', format: 'pem' }), 'KEY_UNSUPPORTED_FORMAT'],
    ['encrypted PKCS #8', () => crypto.generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'x' }), 'KEY_UNSUPPORTED_FORMAT'],
    ['RSA 1024 PKCS #8', () => rsa1024.privateKey.export({ type: 'pkcs8', format: 'pem' }), 'KEY_TOO_WEAK'],
    ['public JWK', () => ({ kty: 'OKP', crv: 'Ed25519', x: 'A'.repeat(43) }), 'KEY_INVALID_JWK'],
    ['RSA JWK missing CRT members', () => ({ ...crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), qi: undefined }), 'KEY_INVALID_JWK'],
    ['Ed25519 JWK whose x does not match d', () => ({ ...crypto.generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }), x: crypto.generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x }), 'KEY_INVALID_JWK'],
  ])('importPrivateKey(%s) → %s', async (_name, make, code) => {
    expect(await codeOf(importPrivateKey(make() as string))).toBe(code)
  })

  it('exports refuse objects that are not handles (TypeError)', () => {
    expect(() => exportPublicKeyPem({ kind: 'public' } as never)).toThrow(TypeError)
    expect(() => exportPrivateKeyPem({ kind: 'private' } as never)).toThrow(TypeError)
  })

  it('a handle reused for many verifications is imported into WebCrypto once per algorithm', async () => {
    useBackend({ nodeCrypto: false })
    const pair = await generateKeyPair('ES256')
    const jws = await signAssertion(sampleAssertion, { privateKey: pair.privateKey, id: KEY_ID })
    const importKey = vi.spyOn(globalThis.crypto.subtle, 'importKey')
    const verify = vi.spyOn(globalThis.crypto.subtle, 'verify')
    try {
      for (let i = 0; i < 5; i++) expect((await verifySignature(jws, { resolveKey: async () => pair.publicKey })).ok).toBe(true)
      expect(importKey).toHaveBeenCalledTimes(1)
      expect(verify).toHaveBeenCalledTimes(5)
    } finally {
      importKey.mockRestore()
      verify.mockRestore()
    }
  })

  it('the noble fallback really bypasses WebCrypto for Ed25519', async () => {
    useBackend({ nodeCrypto: false, webCryptoEd25519: false })
    const pair = await generateKeyPair('EdDSA')
    const sign = vi.spyOn(globalThis.crypto.subtle, 'sign')
    const verify = vi.spyOn(globalThis.crypto.subtle, 'verify')
    try {
      const jws = await signAssertion(sampleAssertion, { privateKey: pair.privateKey, id: KEY_ID })
      expect((await verifySignature(jws, { resolveKey: async () => pair.publicKey })).ok).toBe(true)
      expect(sign).not.toHaveBeenCalled()
      expect(verify).not.toHaveBeenCalled()
    } finally {
      sign.mockRestore()
      verify.mockRestore()
    }
  })
})
