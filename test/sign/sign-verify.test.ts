import crypto from 'node:crypto'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  decodeJws,
  exportPublicKeyJwk,
  exportPublicKeyPem,
  generateKeyPair,
  importPublicKey,
  SIGNATURE_ALGORITHMS,
  SIGNATURE_CHECK_CODES,
  signAssertion,
  verifySignature,
  type KeyPair,
  type SignatureAlgorithm,
} from '../../src/sign/index.js'
import { BACKENDS, KEY_ID, sampleAssertion, useBackend } from './helpers.js'

const pairs = new Map<SignatureAlgorithm, KeyPair>()
beforeAll(async () => {
  for (const alg of SIGNATURE_ALGORITHMS) pairs.set(alg, await generateKeyPair(alg))
})
const pairOf = (alg: SignatureAlgorithm) => pairs.get(alg)!

for (const backend of BACKENDS) {
  describe(`sign → verify round trip on ${backend.name}`, () => {
    beforeAll(() => useBackend(backend.override))
    afterAll(() => useBackend({}))

    it.each(SIGNATURE_ALGORITHMS)('%s: verifies, with header {alg, kid} and SignedBadge verification', async (alg) => {
      const pair = pairOf(alg)
      const jws = await signAssertion(sampleAssertion, { privateKey: pair.privateKey, id: KEY_ID })
      for (const key of [pair.publicKey, exportPublicKeyPem(pair), exportPublicKeyJwk(pair)]) {
        const check = await verifySignature(jws, { resolveKey: async () => key })
        expect(check.ok).toBe(true)
        if (!check.ok) continue
        expect(check.alg).toBe(alg)
        expect(check.header).toEqual({ alg, kid: KEY_ID })
        expect(check.payload).toEqual({ ...sampleAssertion, verification: { type: 'SignedBadge', creator: KEY_ID } })
      }
    })

    it.each(SIGNATURE_ALGORITHMS)('%s: a different key of the same type gives SIGNATURE_INVALID', async (alg) => {
      const other = await generateKeyPair(alg)
      const jws = await signAssertion(sampleAssertion, { privateKey: pairOf(alg).privateKey, id: KEY_ID })
      const check = await verifySignature(jws, { resolveKey: async () => other.publicKey })
      expect(check).toMatchObject({ ok: false, code: SIGNATURE_CHECK_CODES.SIGNATURE_INVALID })
    })
  })
}

describe('our signatures checked with plain node:crypto', () => {
  const verifyWithNode = (jws: string, pem: string, alg: SignatureAlgorithm): boolean => {
    const [h, p, s] = jws.split('.') as [string, string, string]
    const key = crypto.createPublicKey(pem)
    const data = Buffer.from(`${h}.${p}`)
    const sig = Buffer.from(s, 'base64url')
    switch (alg) {
      case 'EdDSA':
        return crypto.verify(null, data, key, sig)
      case 'ES256':
      case 'ES384':
        return crypto.verify(`sha${alg.slice(2)}`, data, { key, dsaEncoding: 'ieee-p1363' }, sig)
      case 'PS256':
        return crypto.verify('sha256', data, { key, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, sig)
      default:
        return crypto.verify(`sha${alg.slice(2)}`, data, key, sig)
    }
  }

  it.each(SIGNATURE_ALGORITHMS)('%s', async (alg) => {
    const pair = pairOf(alg)
    const jws = await signAssertion(sampleAssertion, { privateKey: pair.privateKey, id: KEY_ID })
    expect(verifyWithNode(jws, exportPublicKeyPem(pair), alg)).toBe(true)
    const tampered = jws.replace(/\.[^.]+\./, `.${Buffer.from(JSON.stringify({ ...sampleAssertion, id: 'urn:uuid:x' })).toString('base64url')}.`)
    expect(verifyWithNode(tampered, exportPublicKeyPem(pair), alg)).toBe(false)
  })
})

describe('flipping bytes never verifies and always gives a specific code (fast-check)', () => {
  const headerCodes = new Set<string>([
    SIGNATURE_CHECK_CODES.JWS_INVALID_BASE64URL,
    SIGNATURE_CHECK_CODES.JWS_HEADER_INVALID,
    SIGNATURE_CHECK_CODES.JWS_ALG_MISSING,
    SIGNATURE_CHECK_CODES.JWS_ALG_NOT_ALLOWED,
    SIGNATURE_CHECK_CODES.JWS_ALG_KEY_MISMATCH,
    SIGNATURE_CHECK_CODES.SIGNATURE_INVALID,
  ])
  const payloadCodes = new Set<string>([
    SIGNATURE_CHECK_CODES.JWS_INVALID_BASE64URL,
    SIGNATURE_CHECK_CODES.JWS_PAYLOAD_NOT_JSON,
    SIGNATURE_CHECK_CODES.JWS_PAYLOAD_NOT_OBJECT,
    SIGNATURE_CHECK_CODES.SIGNATURE_INVALID,
  ])
  const parts = ['header', 'payload', 'signature'] as const

  for (const alg of ['RS256', 'ES256', 'EdDSA'] as const) {
    it(`${alg}: flipping any bit of the decoded header, payload or signature`, async () => {
      const pair = pairOf(alg)
      const jws = await signAssertion(sampleAssertion, { privateKey: pair.privateKey, id: KEY_ID })
      const segments = jws.split('.').map((s) => Buffer.from(s, 'base64url'))
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(0, 1, 2), fc.nat(), fc.integer({ min: 0, max: 7 }), async (part, at, bit) => {
          const bytes = Buffer.from(segments[part]!)
          const index = at % bytes.length
          bytes[index] = bytes[index]! ^ (1 << bit)
          const forged = segments.map((s, i) => (i === part ? bytes : s).toString('base64url')).join('.')
          const check = await verifySignature(forged, { resolveKey: async () => pair.publicKey })
          expect(check.ok).toBe(false)
          if (check.ok) return
          const allowed = parts[part] === 'header' ? headerCodes : parts[part] === 'payload' ? payloadCodes : new Set(['SIGNATURE_INVALID'])
          expect(allowed.has(check.code), `${parts[part]} flip gave ${check.code}`).toBe(true)
        }),
        { numRuns: 150 },
      )
    })

    it(`${alg}: replacing any character of the compact string`, async () => {
      const pair = pairOf(alg)
      const jws = await signAssertion(sampleAssertion, { privateKey: pair.privateKey, id: KEY_ID })
      const all = new Set<string>([...headerCodes, ...payloadCodes, SIGNATURE_CHECK_CODES.JWS_MALFORMED])
      await fc.assert(
        fc.asyncProperty(fc.nat(), fc.integer({ min: 0x21, max: 0x7e }), async (at, code) => {
          const index = at % jws.length
          const replacement = String.fromCharCode(code)
          fc.pre(jws[index] !== replacement)
          const forged = jws.slice(0, index) + replacement + jws.slice(index + 1)
          const check = await verifySignature(forged, { resolveKey: async () => pair.publicKey })
          expect(check.ok).toBe(false)
          if (!check.ok) expect(all.has(check.code), `gave ${check.code}`).toBe(true)
        }),
        { numRuns: 150 },
      )
    })
  }

  it('a non-canonical last character (unused bits set) is refused, not silently accepted', async () => {
    const pair = pairOf('RS256')
    const jws = await signAssertion(sampleAssertion, { privateKey: pair.privateKey, id: KEY_ID })
    const [h, p, s] = jws.split('.') as [string, string, string]
    expect(s.length % 4).not.toBe(0) // 256-byte signature → 342 chars, 2 unused bits in the last one
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    const last = alphabet.indexOf(s[s.length - 1]!)
    const sibling = alphabet[last ^ 1]!
    expect(Buffer.from(s.slice(0, -1) + sibling, 'base64url')).toEqual(Buffer.from(s, 'base64url')) // Node's lenient decoder can't tell
    const check = await verifySignature(`${h}.${p}.${s.slice(0, -1)}${sibling}`, { resolveKey: async () => pair.publicKey })
    expect(check).toMatchObject({ ok: false, code: 'JWS_INVALID_BASE64URL' })
  })
})

describe('verifySignature: inputs, resolver and options', () => {
  const resolveKey = async () => pairOf('RS256').publicKey
  const h = Buffer.from('{"alg":"RS256"}').toString('base64url')
  const p = Buffer.from('{"id":"x"}').toString('base64url')

  it.each([
    ['not a string', 42, 'JWS_MALFORMED'],
    ['undefined', undefined, 'JWS_MALFORMED'],
    ['two segments', `${h}.${p}`, 'JWS_MALFORMED'],
    ['four segments', `${h}.${p}.AA.AA`, 'JWS_MALFORMED'],
    ['empty header', `.${p}.AA`, 'JWS_MALFORMED'],
    ['empty payload (detached)', `${h}..AA`, 'JWS_MALFORMED'],
    ['JSON serialization', JSON.stringify({ protected: h, payload: p, signature: 'AA' }), 'JWS_MALFORMED'],
    ['padding', `${h}.${p}.AA==`, 'JWS_INVALID_BASE64URL'],
    ['standard base64 chars', `${h}.${p}.a+b/`, 'JWS_INVALID_BASE64URL'],
    ['whitespace', `${h}.${p} .AA`, 'JWS_INVALID_BASE64URL'],
    ['impossible length', `${h}.${p}.A`, 'JWS_INVALID_BASE64URL'],
    ['header not JSON', `${Buffer.from('alg').toString('base64url')}.${p}.AA`, 'JWS_HEADER_INVALID'],
    ['header an array', `${Buffer.from('["RS256"]').toString('base64url')}.${p}.AA`, 'JWS_HEADER_INVALID'],
    ['header invalid UTF-8', `${Buffer.from([0x7b, 0xff, 0x7d]).toString('base64url')}.${p}.AA`, 'JWS_HEADER_INVALID'],
    ['payload not JSON', `${h}.${Buffer.from('hello').toString('base64url')}.AA`, 'JWS_PAYLOAD_NOT_JSON'],
    ['payload an array', `${h}.${Buffer.from('[1]').toString('base64url')}.AA`, 'JWS_PAYLOAD_NOT_OBJECT'],
    ['payload a string', `${h}.${Buffer.from('"x"').toString('base64url')}.AA`, 'JWS_PAYLOAD_NOT_OBJECT'],
    ['payload null', `${h}.${Buffer.from('null').toString('base64url')}.AA`, 'JWS_PAYLOAD_NOT_OBJECT'],
    ['no alg', `${Buffer.from('{"kid":"k"}').toString('base64url')}.${p}.AA`, 'JWS_ALG_MISSING'],
    ['alg not a string', `${Buffer.from('{"alg":256}').toString('base64url')}.${p}.AA`, 'JWS_ALG_MISSING'],
    ['empty signature', `${h}.${p}.`, 'SIGNATURE_INVALID'],
  ])('%s → %s', async (_name, input, code) => {
    const check = await verifySignature(input, { resolveKey })
    expect(check).toMatchObject({ ok: false, code })
    const decoded = decodeJws(input)
    if (code.startsWith('JWS_') && !['JWS_ALG_MISSING'].includes(code)) expect(decoded).toMatchObject({ ok: false, code })
  })

  it('refuses a JWS longer than maxLength', async () => {
    const jws = await signAssertion(sampleAssertion, { privateKey: pairOf('RS256').privateKey, id: KEY_ID })
    expect(await verifySignature(jws, { resolveKey, maxLength: 100 })).toMatchObject({ ok: false, code: 'JWS_TOO_LARGE' })
    expect(decodeJws(jws, { maxLength: 100 })).toMatchObject({ ok: false, code: 'JWS_TOO_LARGE' })
  })

  it('decodeJws returns header and payload without verifying', async () => {
    const jws = await signAssertion(sampleAssertion, { privateKey: pairOf('ES256').privateKey, id: KEY_ID })
    const decoded = decodeJws(jws.slice(0, jws.lastIndexOf('.')) + '.AAAA')
    expect(decoded).toEqual({ ok: true, header: { alg: 'ES256', kid: KEY_ID }, payload: expect.objectContaining({ id: sampleAssertion.id }) })
  })

  it('passes the decoded header and payload to resolveKey', async () => {
    const jws = await signAssertion(sampleAssertion, { privateKey: pairOf('RS256').privateKey, id: KEY_ID })
    const seen: unknown[] = []
    await verifySignature(jws, {
      resolveKey: (header, payload) => {
        seen.push(header.kid, (payload.verification as { creator: string }).creator)
        return pairOf('RS256').publicKey
      },
    })
    expect(seen).toEqual([KEY_ID, KEY_ID])
  })

  it('KEY_NOT_FOUND, KEY_RESOLUTION_FAILED, KEY_INVALID from the resolver', async () => {
    const jws = await signAssertion(sampleAssertion, { privateKey: pairOf('RS256').privateKey, id: KEY_ID })
    expect(await verifySignature(jws, { resolveKey: async () => null })).toMatchObject({ code: 'KEY_NOT_FOUND' })
    expect(await verifySignature(jws, { resolveKey: () => undefined })).toMatchObject({ code: 'KEY_NOT_FOUND' })
    expect(await verifySignature(jws, { resolveKey: async () => [] })).toMatchObject({ code: 'KEY_NOT_FOUND' })
    expect(
      await verifySignature(jws, {
        resolveKey: () => {
          throw new Error('network down')
        },
      }),
    ).toMatchObject({ code: 'KEY_RESOLUTION_FAILED' })
    expect(await verifySignature(jws, { resolveKey: async () => Promise.reject(new Error('x')) })).toMatchObject({ code: 'KEY_RESOLUTION_FAILED' })
    expect(await verifySignature(jws, { resolveKey: async () => 'not a pem' })).toMatchObject({ code: 'KEY_INVALID' })
    expect(await verifySignature(jws, { resolveKey: async () => ({ kty: 'oct', k: 'c2VjcmV0' }) })).toMatchObject({ code: 'KEY_INVALID' })
    expect(await verifySignature(jws, { resolveKey: async () => 42 as never })).toMatchObject({ code: 'KEY_INVALID' })
    const weak = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }) as string
    expect(await verifySignature(jws, { resolveKey: async () => weak })).toMatchObject({ code: 'KEY_TOO_WEAK' })
  })

  it('tries every candidate key: ok when one of them verifies', async () => {
    const jws = await signAssertion(sampleAssertion, { privateKey: pairOf('RS256').privateKey, id: KEY_ID })
    const other = await generateKeyPair('RS256')
    const check = await verifySignature(jws, {
      resolveKey: async () => [pairOf('ES256').publicKey, other.publicKey, exportPublicKeyPem(pairOf('RS256'))],
    })
    expect(check.ok).toBe(true)
    if (check.ok) expect(exportPublicKeyPem(check.key)).toBe(exportPublicKeyPem(pairOf('RS256')))
    const none = await verifySignature(jws, { resolveKey: async () => [other.publicKey, pairOf('ES256').publicKey] })
    expect(none).toMatchObject({ ok: false, code: 'SIGNATURE_INVALID' })
  })

  it('options.algorithms narrows the allow-list; bad options reject with TypeError', async () => {
    const jws = await signAssertion(sampleAssertion, { privateKey: pairOf('ES256').privateKey, id: KEY_ID })
    const resolve = async () => pairOf('ES256').publicKey
    expect(await verifySignature(jws, { resolveKey: resolve, algorithms: ['RS256'] })).toMatchObject({ code: 'JWS_ALG_NOT_ALLOWED' })
    expect((await verifySignature(jws, { resolveKey: resolve, algorithms: ['ES256'] })).ok).toBe(true)
    await expect(verifySignature(jws, { resolveKey: resolve, algorithms: ['HS256' as SignatureAlgorithm] })).rejects.toThrow(TypeError)
    await expect(verifySignature(jws, { resolveKey: resolve, algorithms: [] })).rejects.toThrow(TypeError)
    await expect(verifySignature(jws, {} as never)).rejects.toThrow(TypeError)
  })

  it('a key imported for one algorithm refuses another (RS384 JWS, RS256-bound key)', async () => {
    const pair = pairOf('RS256')
    const jws = await signAssertion(sampleAssertion, { privateKey: pair.privateKey, id: KEY_ID, alg: 'RS384' })
    const bound = await importPublicKey(exportPublicKeyPem(pair), 'RS256')
    expect(await verifySignature(jws, { resolveKey: async () => bound })).toMatchObject({ code: 'JWS_ALG_KEY_MISMATCH' })
    const unbound = await importPublicKey(exportPublicKeyPem(pair))
    expect(await verifySignature(jws, { resolveKey: async () => unbound })).toMatchObject({ ok: true, alg: 'RS384' })
  })
})

describe('verifySignature never throws on hostile input (fast-check)', () => {
  const codes = new Set<string>(Object.values(SIGNATURE_CHECK_CODES))
  const segment = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/= .'.split('')), maxLength: 60 })
  const jsonSegment = fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v) ?? 'null').toString('base64url'))
  const headerSegment = fc
    .record({ alg: fc.oneof(fc.constantFrom(...SIGNATURE_ALGORITHMS, 'none', 'HS256', 'ES512'), fc.anything()) }, { requiredKeys: [] })
    .chain((h) => fc.dictionary(fc.constantFrom('kid', 'jwk', 'jku', 'x5u', 'x5c', 'crit', 'b64', 'typ'), fc.jsonValue()).map((extra) => ({ ...extra, ...h })))
    .map((h) => Buffer.from(JSON.stringify(h)).toString('base64url'))

  it('any value, any three segments: resolves to ok:false with a documented code', async () => {
    const resolveKey = async () => pairOf('RS256').publicKey
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.string(),
          fc.tuple(segment, segment, segment).map((p) => p.join('.')),
          fc.tuple(headerSegment, jsonSegment, segment).map((p) => p.join('.')),
        ),
        async (input) => {
          const check = await verifySignature(input, { resolveKey })
          expect(check.ok).toBe(false)
          if (!check.ok) expect(codes.has(check.code), check.code).toBe(true)
          const decoded = decodeJws(input)
          if (!decoded.ok) expect(codes.has(decoded.code)).toBe(true)
        },
      ),
      { numRuns: 300 },
    )
  })
})
