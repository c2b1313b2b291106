import crypto from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { exportPublicKeyJwk, exportPublicKeyPem, generateKeyPair, signAssertion, verifySignature, type KeyPair } from '../../src/sign/index.js'
import { craftJws, ecSigner, edSigner, KEY_ID, rsaSigner, sampleAssertion } from './helpers.js'

/**
 * Algorithm-confusion and key-injection attacks. Every forged JWS below is built with plain node:crypto;
 * the issuer's key is what resolveKey returns (as it would come from the issuer Profile).
 */
describe('algorithm confusion and header-supplied keys', () => {
  let issuerRsa: KeyPair
  let issuerEc: KeyPair
  let issuerRsaPem: string
  const attacker = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 })
  const payload = { ...sampleAssertion, verification: { type: 'SignedBadge', creator: KEY_ID } }

  beforeAll(async () => {
    issuerRsa = await generateKeyPair('RS256')
    issuerEc = await generateKeyPair('ES256')
    issuerRsaPem = exportPublicKeyPem(issuerRsa)
  })

  it('HS256 keyed with the issuer public PEM → JWS_ALG_HMAC', async () => {
    const jws = craftJws({ alg: 'HS256', kid: KEY_ID }, payload, (input) => crypto.createHmac('sha256', issuerRsaPem).update(input).digest())
    const check = await verifySignature(jws, { resolveKey: async () => issuerRsaPem })
    expect(check).toMatchObject({ ok: false, code: 'JWS_ALG_HMAC' })
    for (const alg of ['HS384', 'HS512', 'hs256']) {
      const other = craftJws({ alg }, payload, (input) => crypto.createHmac('sha384', issuerRsaPem).update(input).digest())
      expect(await verifySignature(other, { resolveKey: async () => issuerRsaPem })).toMatchObject({ code: 'JWS_ALG_HMAC' })
    }
  })

  it('alg none (with or without a signature) → JWS_ALG_NONE', async () => {
    for (const alg of ['none', 'None', 'NONE']) {
      expect(await verifySignature(craftJws({ alg }, payload, null), { resolveKey: async () => issuerRsaPem })).toMatchObject({
        ok: false,
        code: 'JWS_ALG_NONE',
      })
    }
    const withSig = craftJws({ alg: 'none' }, payload, rsaSigner(attacker.privateKey))
    expect(await verifySignature(withSig, { resolveKey: async () => issuerRsaPem })).toMatchObject({ code: 'JWS_ALG_NONE' })
  })

  it('RS256 header over an EC key → JWS_ALG_KEY_MISMATCH', async () => {
    const jws = craftJws({ alg: 'RS256', kid: KEY_ID }, payload, rsaSigner(attacker.privateKey))
    expect(await verifySignature(jws, { resolveKey: async () => issuerEc.publicKey })).toMatchObject({ ok: false, code: 'JWS_ALG_KEY_MISMATCH' })
    expect(await verifySignature(jws, { resolveKey: async () => exportPublicKeyPem(issuerEc) })).toMatchObject({ code: 'JWS_ALG_KEY_MISMATCH' })
  })

  it('other alg/key mismatches → JWS_ALG_KEY_MISMATCH (ES256 over RSA, ES384 over P-256, EdDSA over RSA)', async () => {
    const ec = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' })
    const es256 = craftJws({ alg: 'ES256' }, payload, ecSigner(ec.privateKey))
    expect(await verifySignature(es256, { resolveKey: async () => issuerRsa.publicKey })).toMatchObject({ code: 'JWS_ALG_KEY_MISMATCH' })
    const es384 = craftJws({ alg: 'ES384' }, payload, ecSigner(ec.privateKey, 'sha384'))
    expect(await verifySignature(es384, { resolveKey: async () => issuerEc.publicKey })).toMatchObject({ code: 'JWS_ALG_KEY_MISMATCH' })
    const ed = crypto.generateKeyPairSync('ed25519')
    const eddsa = craftJws({ alg: 'EdDSA' }, payload, edSigner(ed.privateKey))
    expect(await verifySignature(eddsa, { resolveKey: async () => issuerRsa.publicKey })).toMatchObject({ code: 'JWS_ALG_KEY_MISMATCH' })
  })

  it('embedded jwk header (attacker key, attacker signature) → JWS_HEADER_JWK', async () => {
    const jwk = attacker.publicKey.export({ format: 'jwk' })
    const jws = craftJws({ alg: 'RS256', kid: KEY_ID, jwk }, payload, rsaSigner(attacker.privateKey))
    expect(await verifySignature(jws, { resolveKey: async () => issuerRsa.publicKey })).toMatchObject({ ok: false, code: 'JWS_HEADER_JWK' })
    // Even when the embedded jwk IS the issuer key and the signature is genuine, the header is refused.
    const genuine = craftJws({ alg: 'RS256', jwk: exportPublicKeyJwk(issuerRsa) }, payload, null)
    expect(await verifySignature(genuine, { resolveKey: async () => issuerRsa.publicKey })).toMatchObject({ code: 'JWS_HEADER_JWK' })
  })

  it.each([
    ['jku', 'https://attacker.example/jwks.json', 'JWS_HEADER_JKU'],
    ['x5u', 'https://attacker.example/cert.pem', 'JWS_HEADER_X5U'],
    ['x5c', ['MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA'], 'JWS_HEADER_X5C'],
  ])('%s header → %s', async (name, value, code) => {
    const jws = craftJws({ alg: 'RS256', [name]: value }, payload, rsaSigner(attacker.privateKey))
    expect(await verifySignature(jws, { resolveKey: async () => issuerRsa.publicKey })).toMatchObject({ ok: false, code })
  })

  it('crit and b64 headers → JWS_CRIT_UNSUPPORTED', async () => {
    const crit = craftJws({ alg: 'RS256', crit: ['exp'], exp: 1 }, payload, rsaSigner(attacker.privateKey))
    expect(await verifySignature(crit, { resolveKey: async () => issuerRsa.publicKey })).toMatchObject({ code: 'JWS_CRIT_UNSUPPORTED' })
    const b64 = craftJws({ alg: 'RS256', b64: false, crit: ['b64'] }, payload, rsaSigner(attacker.privateKey))
    expect(await verifySignature(b64, { resolveKey: async () => issuerRsa.publicKey })).toMatchObject({ code: 'JWS_CRIT_UNSUPPORTED' })
  })

  it.each(['PS384', 'PS512', 'ES512', 'Ed25519', 'RSA-OAEP', 'rs256', ''])('alg %j is off the allow-list', async (alg) => {
    const jws = craftJws({ alg }, payload, rsaSigner(attacker.privateKey))
    const check = await verifySignature(jws, { resolveKey: async () => issuerRsa.publicKey })
    expect(check).toMatchObject({ ok: false, code: alg === '' ? 'JWS_ALG_MISSING' : 'JWS_ALG_NOT_ALLOWED' })
  })

  it('a genuine RS256 JWS from the issuer still verifies (the refusals are not blanket)', async () => {
    const jws = await signAssertion(sampleAssertion, { privateKey: issuerRsa.privateKey, id: KEY_ID })
    expect((await verifySignature(jws, { resolveKey: async () => issuerRsaPem })).ok).toBe(true)
  })
})
