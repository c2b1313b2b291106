import { describe, expect, it } from 'vitest'
import { bake } from '../../src/bake/index.js'
import { exportPublicKeyPem } from '../../src/sign/index.js'
import { verify, type VerificationReport } from '../../src/verify/index.js'
import { json, TINY_PNG } from './helpers.js'
import {
  BADGE_ID,
  ISSUER_ID,
  KEY_ID,
  NOW,
  REVOCATIONS_ID,
  SIGNED_ID,
  makeWorld,
  serve,
  sign,
  strangerKeyPair,
  tamper,
} from './world.js'

const codes = (r: VerificationReport) => r.messages.map((m) => m.code)
const errors = (r: VerificationReport) => r.messages.filter((m) => m.severity === 'error').map((m) => m.code)

describe('signed badges', () => {
  it('a badge signed with the issuer key verifies, with the resolved documents in the report', async () => {
    const world = await makeWorld()
    const jws = await sign(world.signedPayload)
    const { fetch, calls } = serve(world)
    const report = await verify(jws, { fetch, now: NOW })
    expect(errors(report)).toEqual([])
    expect(report.valid).toBe(true)
    expect(report.openBadgesVersion).toBe('2.0')
    expect(report.revoked).toBe(false)
    expect(report.expired).toBe(false)
    expect(codes(report)).toContain('SIGNED_VERIFIED')
    expect(report.assertion?.id).toBe(SIGNED_ID)
    expect(report.badgeClass?.id).toBe(BADGE_ID)
    expect(report.issuer?.id).toBe(ISSUER_ID)
    expect(new Set(calls).size).toBe(calls.length) // each URL once
  })

  it('a tampered payload fails with SIGNATURE_INVALID and revocation is not consulted', async () => {
    const world = await makeWorld()
    const jws = tamper(await sign(world.signedPayload), (p) => {
      p.issuedOn = '2025-06-02T10:00:00Z'
    })
    const { fetch, calls } = serve(world)
    const report = await verify(jws, { fetch, now: NOW })
    expect(report.valid).toBe(false)
    expect(errors(report)).toContain('SIGNATURE_INVALID')
    expect(codes(report)).toContain('REVOCATION_NOT_CHECKED')
    expect(report.revoked).toBeUndefined()
    expect(calls).not.toContain(REVOCATIONS_ID)
  })

  it('a flipped signature byte fails', async () => {
    const world = await makeWorld()
    const jws = await sign(world.signedPayload)
    const last = jws.at(-2) === 'A' ? 'B' : 'A'
    const flipped = `${jws.slice(0, -2)}${last}${jws.slice(-1)}`
    const report = await verify(flipped, { fetch: serve(world).fetch, now: NOW })
    expect(report.valid).toBe(false)
  })

  it('a revoked badge fails with ASSERTION_REVOKED and the reason', async () => {
    const world = await makeWorld()
    world.revocations.revokedAssertions = [{ id: SIGNED_ID, revocationReason: 'Awarded in error' }]
    const report = await verify(await sign(world.signedPayload), { fetch: serve(world).fetch, now: NOW })
    expect(report.valid).toBe(false)
    expect(report.revoked).toBe(true)
    const revoked = report.messages.find((m) => m.code === 'ASSERTION_REVOKED')
    expect(revoked?.message).toContain('Awarded in error')
  })

  it.each([
    ['unreachable', undefined],
    ['404', json({ error: 'not found' }, 404)],
    ['not JSON', { contentType: 'application/json', body: 'oops' }],
  ])('fails closed when the RevocationList is %s', async (_label, route) => {
    const world = await makeWorld()
    const { fetch } = serve(world, route === undefined ? {} : { [REVOCATIONS_ID]: route })
    const unreachable = route === undefined ? (url: string, init?: RequestInit) => (url === REVOCATIONS_ID ? Promise.reject(new TypeError('fetch failed')) : fetch(url, init)) : fetch
    const report = await verify(await sign(world.signedPayload), { fetch: unreachable, now: NOW })
    expect(report.valid).toBe(false)
    expect(errors(report)).toContain('REVOCATION_LIST_UNAVAILABLE')
    expect(report.revoked).toBeUndefined()
  })

  it('a RevocationList of another issuer is refused', async () => {
    const world = await makeWorld()
    world.revocations.issuer = 'https://other.example/issuer'
    const report = await verify(await sign(world.signedPayload), { fetch: serve(world).fetch, now: NOW })
    expect(errors(report)).toContain('REVOCATION_LIST_INVALID')
  })

  it('an expired badge fails with ASSERTION_EXPIRED', async () => {
    const world = await makeWorld()
    world.signedPayload.expires = '2025-12-31T23:59:59Z'
    const report = await verify(await sign(world.signedPayload), { fetch: serve(world).fetch, now: NOW })
    expect(errors(report)).toEqual(['ASSERTION_EXPIRED'])
    expect(report.expired).toBe(true)
  })

  it('a key the issuer does not list fails with SIGNED_KEY_NOT_IN_ISSUER and the key is not fetched', async () => {
    const world = await makeWorld()
    const rogueKey = 'https://issuer.example/keys/rogue'
    const jws = await sign({ ...world.signedPayload, verification: { type: 'SignedBadge', creator: rogueKey } }, await strangerKeyPair(), rogueKey)
    const { fetch, calls } = serve(world)
    const report = await verify(jws, { fetch, now: NOW })
    expect(errors(report)).toContain('SIGNED_KEY_NOT_IN_ISSUER')
    expect(calls).not.toContain(rogueKey)
  })

  it('a key owned by someone else fails with SIGNED_KEY_OWNER_MISMATCH', async () => {
    const world = await makeWorld()
    world.key.owner = 'https://evil.example/issuer'
    const report = await verify(await sign(world.signedPayload), { fetch: serve(world).fetch, now: NOW })
    expect(errors(report)).toContain('SIGNED_KEY_OWNER_MISMATCH')
    expect(report.valid).toBe(false)
  })

  it('a key document with another id is refused', async () => {
    const world = await makeWorld()
    world.key.id = 'https://issuer.example/keys/2'
    const report = await verify(await sign(world.signedPayload), { fetch: serve(world).fetch, now: NOW })
    expect(errors(report)).toContain('DOCUMENT_ID_MISMATCH')
  })

  it('without creator, every declared key is tried', async () => {
    const world = await makeWorld()
    const stranger = await strangerKeyPair()
    world.issuer.publicKey = ['https://issuer.example/keys/0', KEY_ID]
    const otherKey = { ...world.key, id: 'https://issuer.example/keys/0', publicKeyPem: exportPublicKeyPem(stranger.publicKey) }
    const payload = { ...world.signedPayload, verification: { type: 'SignedBadge' } }
    const report = await verify(await sign(payload), { fetch: serve(world, { 'https://issuer.example/keys/0': json(otherKey) }).fetch, now: NOW })
    expect(errors(report)).toEqual([])
    expect(report.messages.find((m) => m.code === 'SIGNED_VERIFIED')?.message).toContain(KEY_ID)
  })

  it('a key embedded in the issuer Profile is used', async () => {
    const world = await makeWorld()
    const { '@context': _c, ...embedded } = world.key
    world.issuer.publicKey = [embedded]
    const report = await verify(await sign(world.signedPayload), { fetch: serve(world).fetch, now: NOW })
    expect(errors(report)).toEqual([])
  })

  it('no creator and no declared key: SIGNED_NO_KEY', async () => {
    const world = await makeWorld()
    delete world.issuer.publicKey
    const payload = { ...world.signedPayload, verification: { type: 'SignedBadge' } }
    const report = await verify(await sign(payload), { fetch: serve(world).fetch, now: NOW })
    expect(errors(report)).toContain('SIGNED_NO_KEY')
  })

  it('an embedded issuer cannot bring its own key: the issuer is fetched from its id', async () => {
    const world = await makeWorld()
    const attacker = await strangerKeyPair()
    const attackerKeyId = 'https://attacker.example/key'
    const payload = {
      ...world.signedPayload,
      verification: { type: 'SignedBadge', creator: attackerKeyId },
      badge: { ...world.badgeClass, issuer: { ...world.issuer, publicKey: attackerKeyId } },
    }
    const attackerKey = { '@context': 'https://w3id.org/openbadges/v2', type: 'CryptographicKey', id: attackerKeyId, owner: ISSUER_ID, publicKeyPem: exportPublicKeyPem(attacker.publicKey) }
    const { fetch, calls } = serve(world, { [attackerKeyId]: json(attackerKey) })
    const report = await verify(await sign(payload, attacker, attackerKeyId), { fetch, now: NOW })
    expect(report.valid).toBe(false)
    expect(errors(report)).toContain('SIGNED_KEY_NOT_IN_ISSUER')
    expect(calls).toContain(ISSUER_ID)
  })

  it('an issuer without an http(s) id cannot vouch for a signature', async () => {
    const world = await makeWorld()
    const payload = { ...world.signedPayload, badge: { ...world.badgeClass, issuer: { ...world.issuer, id: 'urn:uuid:0e0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d' } } }
    const report = await verify(await sign(payload), { fetch: serve(world).fetch, now: NOW })
    expect(errors(report)).toContain('SIGNED_ISSUER_NOT_DEREFERENCEABLE')
  })

  it('a signed assertion handed over without its JWS is not trusted', async () => {
    const world = await makeWorld()
    const report = await verify(world.signedPayload, { fetch: serve(world).fetch, now: NOW })
    expect(errors(report)).toContain('VERIFICATION_TYPE_MISMATCH')
  })

  it('a 1.1 signed badge: its verify.url key must be linked from the issuer Profile', async () => {
    const world = await makeWorld()
    const v1 = (keyUrl: string) => ({
      '@context': 'https://w3id.org/openbadges/v1',
      type: 'Assertion',
      id: SIGNED_ID,
      uid: 'abc123',
      recipient: world.signedPayload.recipient,
      badge: BADGE_ID,
      issuedOn: 1420070400,
      verify: { type: 'signed', url: keyUrl },
    })
    const listed = await verify(await sign(v1(KEY_ID)), { fetch: serve(world).fetch, now: NOW })
    expect(errors(listed)).toEqual([])
    expect(listed.openBadgesVersion).toBe('1.1')
    expect(listed.assertion?.verification).toEqual({ type: 'SignedBadge', creator: KEY_ID })
    const unlisted = await verify(await sign(v1('https://issuer.example/public.pem')), { fetch: serve(world).fetch, now: NOW })
    expect(errors(unlisted)).toContain('SIGNED_KEY_NOT_IN_ISSUER')
    world.revocations.revokedAssertions = [{ uid: 'abc123', revocationReason: 'legacy revocation' }]
    const byUid = await verify(await sign(v1(KEY_ID)), { fetch: serve(world).fetch, now: NOW })
    expect(errors(byUid)).toEqual(['ASSERTION_REVOKED'])
  })

  it('baked into PNG and SVG, the signed badge verifies', async () => {
    const world = await makeWorld()
    const jws = await sign(world.signedPayload)
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>')
    for (const image of [bake(TINY_PNG, jws), bake(svg, jws)]) {
      const report = await verify(image, { fetch: serve(world).fetch, now: NOW })
      expect(errors(report)).toEqual([])
    }
  })

  it('the issuer key is imported once when a cache is shared', async () => {
    const world = await makeWorld()
    const jws = await sign(world.signedPayload)
    const { createVerifyCache } = await import('../../src/verify/index.js')
    const cache = createVerifyCache()
    const { fetch, calls } = serve(world)
    const first = await verify(jws, { fetch, now: NOW, cache })
    const count = calls.length
    const second = await verify(jws, { fetch, now: NOW, cache })
    expect(first.valid && second.valid).toBe(true)
    expect(calls.length).toBe(count)
    expect(second.messages).toEqual(first.messages)
    // Cached documents are shared, so they come back frozen.
    expect(Object.isFrozen(second.badgeClass)).toBe(true)
    expect(Object.isFrozen(second.assertion)).toBe(true)
    // The signature is still checked every time: a tampered token fails even with a warm cache.
    const forged = tamper(jws, (p) => void (p.narrative = 'forged'))
    expect((await verify(forged, { fetch, now: NOW, cache })).valid).toBe(false)
    // And the clock is not cached.
    const later = await verify(jws, { fetch, now: '2099-01-01T00:00:00Z', cache })
    expect(later.valid).toBe(true)
    const expiring = await sign({ ...world.signedPayload, expires: '2030-01-01T00:00:00Z' })
    expect((await verify(expiring, { fetch, now: NOW, cache })).valid).toBe(true)
    expect((await verify(expiring, { fetch, now: '2031-01-01T00:00:00Z', cache })).expired).toBe(true)
  })

  it('findings are the same with and without a shared cache, for a valid badge', async () => {
    const world = await makeWorld()
    world.revocations.revokedAssertions = ['urn:uuid:other']
    const jws = await sign(world.signedPayload)
    const { createVerifyCache } = await import('../../src/verify/index.js')
    const cache = createVerifyCache()
    const plain = await verify(jws, { fetch: serve(world).fetch, now: NOW })
    await verify(jws, { fetch: serve(world).fetch, now: NOW, cache })
    const cached = await verify(jws, { fetch: serve(world).fetch, now: NOW, cache })
    expect(cached.messages).toEqual(plain.messages)
    expect(cached.valid).toBe(true)
  })
})
