import { beforeAll, describe, expect, it } from 'vitest'
import { isOpenBadgesError } from '../../src/errors.js'
import {
  activeIssuerKey,
  addIssuerKey,
  checkSigningKey,
  createIssuerKeyList,
  exportPublicKeyPem,
  generateKeyPair,
  importPublicKey,
  issuerKeyDocuments,
  retireIssuerKey,
  rotateIssuerKey,
  signAssertion,
  toCryptographicKey,
  verifySignature,
  withIssuerKeys,
  type KeyPair,
} from '../../src/sign/index.js'
import { sampleAssertion } from './helpers.js'

const OWNER = 'https://example.org/issuer'
const K1 = 'https://example.org/keys/1'
const K2 = 'https://example.org/keys/2'
const now = () => new Date('2026-03-01T10:00:00Z')

function codeOf(fn: () => unknown): string {
  try {
    fn()
  } catch (error) {
    return isOpenBadgesError(error) ? error.code : `not an OpenBadgesError: ${String(error)}`
  }
  return 'no error'
}

describe('CryptographicKey documents and issuer key lists', () => {
  let first: KeyPair
  let second: KeyPair
  beforeAll(async () => {
    first = await generateKeyPair('RS256')
    second = await generateKeyPair('EdDSA')
  })

  it('toCryptographicKey gives id, type, owner, publicKeyPem, and the document imports back', async () => {
    const doc = toCryptographicKey(first, { id: K1, owner: OWNER })
    expect(doc).toEqual({
      '@context': 'https://w3id.org/openbadges/v2',
      id: K1,
      type: 'CryptographicKey',
      owner: OWNER,
      publicKeyPem: exportPublicKeyPem(first),
    })
    expect(exportPublicKeyPem(await importPublicKey(doc))).toBe(doc.publicKeyPem)
    expect(toCryptographicKey(first.publicKey, { id: K1, owner: OWNER }).publicKeyPem).toBe(doc.publicKeyPem)
  })

  it('rotation: the new key signs, the retired key stays listed and old badges keep verifying', async () => {
    let keys = createIssuerKeyList(OWNER, [{ id: K1, publicKey: first }])
    expect(activeIssuerKey(keys).id).toBe(K1)
    const oldBadge = await signAssertion(sampleAssertion, { privateKey: first.privateKey, id: K1 }, { keyList: keys })

    keys = rotateIssuerKey(keys, { id: K2, publicKey: second }, { now })
    expect(keys.keys).toEqual([
      { id: K1, publicKeyPem: exportPublicKeyPem(first), alg: 'RS256', status: 'retired', retiredOn: '2026-03-01T10:00:00.000Z' },
      { id: K2, publicKeyPem: exportPublicKeyPem(second), alg: 'EdDSA', status: 'active' },
    ])
    expect(activeIssuerKey(keys).id).toBe(K2)

    // The retired key may no longer sign...
    await expect(signAssertion(sampleAssertion, { privateKey: first.privateKey, id: K1 }, { keyList: keys })).rejects.toMatchObject({
      code: 'SIGN_KEY_RETIRED',
    })
    const newBadge = await signAssertion(sampleAssertion, { privateKey: second.privateKey, id: K2 }, { keyList: keys })

    // ...but the Profile lists both keys, and both badges verify against the published documents.
    const profile = withIssuerKeys({ id: OWNER, type: 'Issuer', name: 'Example', url: 'https://example.org', email: 'a@example.org' }, keys)
    expect(profile.publicKey).toEqual([K1, K2])
    const docs = new Map(issuerKeyDocuments(keys).map((d) => [d.id, d]))
    expect([...docs.values()].every((d) => d.owner === OWNER && d.type === 'CryptographicKey')).toBe(true)
    const resolveKey = async (header: Record<string, unknown>) => docs.get(header.kid as string) ?? null
    expect((await verifySignature(oldBadge, { resolveKey })).ok).toBe(true)
    expect((await verifySignature(newBadge, { resolveKey })).ok).toBe(true)
  })

  it('refusals: unlisted key, duplicate id, no active key, unknown id, wrong profile', () => {
    const keys = createIssuerKeyList(OWNER, [{ id: K1, publicKey: first }])
    expect(codeOf(() => checkSigningKey(keys, K2))).toBe('SIGN_KEY_NOT_LISTED')
    expect(codeOf(() => addIssuerKey(keys, { id: K1, publicKey: second }))).toBe('KEYS_DUPLICATE_ID')
    const retired = retireIssuerKey(keys, K1)
    expect(retired.keys[0]).toEqual({ id: K1, publicKeyPem: exportPublicKeyPem(first), alg: 'RS256', status: 'retired' })
    expect(codeOf(() => activeIssuerKey(retired))).toBe('KEYS_NO_ACTIVE_KEY')
    expect(codeOf(() => retireIssuerKey(keys, K2))).toBe('KEYS_UNKNOWN_ID')
    expect(codeOf(() => withIssuerKeys({ id: 'https://other.example/', type: 'Issuer' }, keys))).toBe('KEYS_INVALID')
    expect(codeOf(() => addIssuerKey(keys, { id: K2, publicKey: 'not pem' }))).toBe('KEYS_INVALID')
    expect(codeOf(() => createIssuerKeyList(''))).toBe('KEYS_INVALID')
    expect(codeOf(() => activeIssuerKey({} as never))).toBe('KEYS_INVALID')
    expect(keys.keys[0]?.status).toBe('active') // inputs are never mutated
  })

  it('signAssertion refuses non-assertions and relative key ids', async () => {
    const key = { privateKey: first.privateKey, id: K1 }
    await expect(signAssertion([] as never, key)).rejects.toMatchObject({ code: 'SIGN_INVALID_ASSERTION' })
    await expect(signAssertion({ type: 'Assertion' }, key)).rejects.toMatchObject({ code: 'SIGN_INVALID_ASSERTION' })
    await expect(signAssertion(sampleAssertion, { ...key, id: 'keys/1' })).rejects.toMatchObject({ code: 'SIGN_INVALID_KEY_ID' })
    await expect(signAssertion(sampleAssertion, { ...key, alg: 'ES256' })).rejects.toMatchObject({ code: 'KEY_ALG_MISMATCH' })
    await expect(signAssertion(sampleAssertion, { privateKey: first.publicKey as never, id: K1 })).rejects.toThrow(TypeError)
  })
})
