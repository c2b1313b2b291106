import { describe, expect, it } from 'vitest'
import { bake } from '../../src/bake/index.js'
import { verify, type VerificationReport } from '../../src/verify/index.js'
import { json, TINY_PNG } from './helpers.js'
import { BADGE_ID, HOSTED_ID, ISSUER_ID, NOW, makeWorld, serve } from './world.js'

const codes = (r: VerificationReport) => r.messages.map((m) => m.code)
const errors = (r: VerificationReport) => r.messages.filter((m) => m.severity === 'error').map((m) => m.code)

describe('hosted badges', () => {
  it('verifies from its URL, its JSON, its object and a baked PNG', async () => {
    const world = await makeWorld()
    for (const input of [HOSTED_ID, JSON.stringify(world.hosted), world.hosted, bake(TINY_PNG, JSON.stringify(world.hosted))]) {
      const { fetch } = serve(world)
      const report = await verify(input, { fetch, now: NOW })
      expect(errors(report)).toEqual([])
      expect(codes(report)).toContain('HOSTED_VERIFIED')
      expect(report.assertion?.id).toBe(HOSTED_ID)
    }
  })

  it('the fetched copy is authoritative: local edits are ignored', async () => {
    const world = await makeWorld()
    const edited = { ...world.hosted, expires: '2030-01-01T00:00:00Z', narrative: 'I edited this' }
    const report = await verify(edited, { fetch: serve(world).fetch, now: NOW })
    expect(report.valid).toBe(true)
    expect(report.assertion?.narrative).toBeUndefined()
    expect(report.assertion?.expires).toBeUndefined()
  })

  it('the hosted copy revokes: 410 (with or without body) and revoked: true', async () => {
    const world = await makeWorld()
    for (const route of [
      json({ id: HOSTED_ID, revoked: true, revocationReason: 'Plagiarised evidence' }, 410),
      { status: 410 },
      json({ ...world.hosted, revoked: true }),
    ]) {
      const report = await verify(world.hosted, { fetch: serve(world, { [HOSTED_ID]: route }).fetch, now: NOW })
      expect(report.valid).toBe(false)
      expect(report.revoked).toBe(true)
      expect(errors(report)).toContain('ASSERTION_REVOKED')
    }
  })

  it.each([404, 500, 503])('HTTP %i at the hosted URL: invalid', async (status) => {
    const world = await makeWorld()
    const report = await verify(world.hosted, { fetch: serve(world, { [HOSTED_ID]: json(world.hosted, status) }).fetch, now: NOW })
    expect(errors(report)).toEqual(['FETCH_HTTP_ERROR'])
  })

  it('the hosted copy must declare the id it is fetched from, and the id handed over', async () => {
    const world = await makeWorld()
    const other = `${HOSTED_ID}-other`
    const byUrl = await verify(HOSTED_ID, { fetch: serve(world, { [HOSTED_ID]: json({ ...world.hosted, id: other }) }).fetch, now: NOW })
    expect(errors(byUrl)).toContain('HOSTED_ID_MISMATCH')
    const copied = await verify({ ...world.hosted, id: other }, { fetch: serve(world, { [other]: json(world.hosted) }).fetch, now: NOW })
    expect(errors(copied)).toContain('HOSTED_ID_MISMATCH')
  })

  it('a redirect to the same issuer is followed; the id may be the original or the final URL', async () => {
    const world = await makeWorld()
    const moved = `${HOSTED_ID}/v2`
    const { fetch, calls } = serve(world, { [HOSTED_ID]: { status: 301, headers: { location: moved } }, [moved]: json(world.hosted) })
    const report = await verify(HOSTED_ID, { fetch, now: NOW })
    expect(errors(report)).toEqual([])
    expect(calls).toContain(moved)
  })

  describe('verification scope', () => {
    it('default: the assertion must be on the issuer origin', async () => {
      const world = await makeWorld()
      const elsewhere = 'https://mirror.example/assertions/1'
      const doc = { ...world.hosted, id: elsewhere }
      const report = await verify(elsewhere, { fetch: serve(world, { [elsewhere]: json(doc) }).fetch, now: NOW })
      expect(errors(report)).toEqual(['HOSTED_OUT_OF_SCOPE'])
      expect(codes(report)).toContain('REVOCATION_NOT_CHECKED')
      expect(report.expired).toBeUndefined()
    })

    it('allowedOrigins admits other hosts (and only those)', async () => {
      const world = await makeWorld()
      world.issuer.verification = { type: 'VerificationObject', allowedOrigins: ['mirror.example'] }
      const mirror = 'https://mirror.example/assertions/1'
      const ok = await verify(mirror, { fetch: serve(world, { [mirror]: json({ ...world.hosted, id: mirror }) }).fetch, now: NOW })
      expect(errors(ok)).toEqual([])
      const other = 'https://other.example/assertions/1'
      const bad = await verify(other, { fetch: serve(world, { [other]: json({ ...world.hosted, id: other }) }).fetch, now: NOW })
      expect(errors(bad)).toEqual(['HOSTED_OUT_OF_SCOPE'])
    })

    it('startsWith restricts the path', async () => {
      const world = await makeWorld()
      world.issuer.verification = { type: 'VerificationObject', startsWith: 'https://issuer.example/assertions/' }
      expect((await verify(HOSTED_ID, { fetch: serve(world).fetch, now: NOW })).valid).toBe(true)
      world.issuer.verification = { type: 'VerificationObject', startsWith: ['https://issuer.example/other/'] }
      const report = await verify(HOSTED_ID, { fetch: serve(world).fetch, now: NOW })
      expect(errors(report)).toEqual(['HOSTED_OUT_OF_SCOPE'])
    })

    it('a verificationProperty other than id is not supported', async () => {
      const world = await makeWorld()
      world.issuer.verification = { type: 'VerificationObject', verificationProperty: 'badge' }
      const report = await verify(HOSTED_ID, { fetch: serve(world).fetch, now: NOW })
      expect(errors(report)).toContain('HOSTED_POLICY_UNSUPPORTED')
    })

    it('an embedded issuer cannot widen its own scope: the issuer is fetched from its id', async () => {
      const world = await makeWorld()
      const evil = 'https://evil.example/assertions/1'
      const doc = { ...world.hosted, id: evil, badge: { ...world.badgeClass, issuer: { ...world.issuer, verification: { allowedOrigins: 'evil.example' } } } }
      const { fetch, calls } = serve(world, { [evil]: json(doc) })
      const report = await verify(evil, { fetch, now: NOW })
      expect(errors(report)).toContain('HOSTED_OUT_OF_SCOPE')
      expect(calls).toContain(ISSUER_ID)
    })

    it('an issuer without an http(s) id gives no scope', async () => {
      const world = await makeWorld()
      world.badgeClass.issuer = { ...world.issuer, id: 'urn:uuid:7d3c1f1e-8a4e-4b6a-9d52-1f0e2d3c4b5a' }
      const report = await verify(HOSTED_ID, { fetch: serve(world).fetch, now: NOW })
      expect(errors(report)).toContain('HOSTED_OUT_OF_SCOPE')
    })

    it('a BadgeClass off the issuer origin is a warning', async () => {
      const world = await makeWorld()
      const remote = 'https://catalog.example/badges/reading'
      world.hosted.badge = remote
      const report = await verify(HOSTED_ID, { fetch: serve(world, { [remote]: json({ ...world.badgeClass, id: remote }) }).fetch, now: NOW })
      expect(report.valid).toBe(true)
      expect(codes(report)).toContain('HOSTED_BADGECLASS_OUT_OF_SCOPE')
    })
  })

  it('linked documents must be what the link promises', async () => {
    const world = await makeWorld()
    const wrongId = await verify(HOSTED_ID, { fetch: serve(world, { [BADGE_ID]: json({ ...world.badgeClass, id: `${BADGE_ID}-x` }) }).fetch, now: NOW })
    expect(errors(wrongId)).toContain('DOCUMENT_ID_MISMATCH')
    const notJson = await verify(HOSTED_ID, { fetch: serve(world, { [BADGE_ID]: { contentType: 'application/json', body: '{oops' } }).fetch, now: NOW })
    expect(errors(notJson)).toContain('DOCUMENT_JSON_INVALID')
    const html = await verify(HOSTED_ID, { fetch: serve(world, { [ISSUER_ID]: { contentType: 'text/html', body: '<html></html>' } }).fetch, now: NOW })
    expect(errors(html)).toContain('FETCH_CONTENT_TYPE')
  })

  it('issued in the future (beyond the skew) fails; within the skew passes', async () => {
    const world = await makeWorld()
    world.hosted.issuedOn = '2026-01-15T12:04:00Z'
    expect((await verify(HOSTED_ID, { fetch: serve(world).fetch, now: NOW })).valid).toBe(true)
    const strict = await verify(HOSTED_ID, { fetch: serve(world).fetch, now: NOW, maxClockSkew: 60 })
    expect(errors(strict)).toEqual(['ASSERTION_ISSUED_IN_FUTURE'])
  })

  it('image problems are warnings', async () => {
    const world = await makeWorld()
    const jpeg = await verify(HOSTED_ID, {
      fetch: serve(world, { 'https://issuer.example/badges/reading.png': { contentType: 'image/jpeg', body: 'xx' } }).fetch,
      now: NOW,
    })
    expect(jpeg.valid).toBe(true)
    expect(codes(jpeg)).toContain('IMAGE_FORMAT')
    const lying = await verify(HOSTED_ID, {
      fetch: serve(world, { 'https://issuer.example/badges/reading.png': { contentType: 'image/png', body: 'not a png' } }).fetch,
      now: NOW,
    })
    expect(codes(lying)).toContain('IMAGE_FORMAT')
    world.badgeClass.image = 'data:image/gif;base64,R0lGODlhAQABAAAAACw='
    const gif = await verify(HOSTED_ID, { fetch: serve(world).fetch, now: NOW })
    expect(codes(gif)).toContain('IMAGE_FORMAT')
    const skipped = await verify(HOSTED_ID, { fetch: serve(world).fetch, now: NOW, checkImages: false })
    expect(codes(skipped)).not.toContain('IMAGE_FORMAT')
  })
})
