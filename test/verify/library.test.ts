/**
 * Badges issued, signed and baked by this library verify valid; tampered, revoked, expired and
 * wrong-recipient variants fail with specific codes.
 */
import { describe, expect, it } from 'vitest'
import { bake } from '../../src/bake/index.js'
import { createRevocationList, defineIssuer, defineMicroCredential, issueAssertion, revoke } from '../../src/issue/index.js'
import { generateKeyPair, signAssertion, toCryptographicKey } from '../../src/sign/index.js'
import { verify, type VerificationReport } from '../../src/verify/index.js'
import { json, mapFetch, png, TINY_PNG, type Route } from './helpers.js'
import { tamper } from './world.js'

const errors = (r: VerificationReport) => r.messages.filter((m) => m.severity === 'error').map((m) => m.code)
const codes = (r: VerificationReport) => r.messages.map((m) => m.code)

const BASE = 'https://mc.example.org'
const clock = () => new Date('2026-03-01T09:00:00Z')
const NOW = '2026-03-02T09:00:00Z'

async function setup() {
  const pair = await generateKeyPair('ES256')
  const keyId = `${BASE}/keys/1`
  const issuer = defineIssuer({
    baseUrl: BASE,
    name: 'Example Micro-Credential Lab',
    url: 'https://example.org',
    email: 'badges@example.org',
    publicKey: keyId,
    revocationList: `${BASE}/revocations`,
  })
  const mc = defineMicroCredential(issuer, {
    name: 'Think-Alouds for Reading Comprehension',
    description: 'Models comprehension strategies aloud so students can see expert reading.',
    image: `${BASE}/images/think-alouds.png`,
    criteria: { narrative: 'Submit a lesson video and a reflection.', keyMethod: 'Think-aloud modelling' },
    alignment: [{ targetName: 'Reading strategies', targetUrl: 'https://standards.example/ela/rs-1', targetCode: 'RS.1' }],
    assessment: {
      assessmentOutput: 'Lesson video and written reflection',
      evaluationMethod: 'Scored by a trained assessor against the rubric',
      evidence: [{ text: 'A 10-minute video of a lesson using think-alouds', criterion: 1 }],
      rubric: {
        title: 'Think-aloud rubric',
        criteria: [{ description: 'Models the strategy explicitly', levels: [{ description: 'Not yet', score: 0 }, { description: 'Proficient', score: 2 }] }],
      },
    },
    renewal: { credits: 12 },
  })
  let revocations = createRevocationList({ id: `${BASE}/revocations`, issuer: issuer.id })
  const routes = (): Record<string, Route> => ({
    [issuer.id]: json(issuer),
    [mc.id]: json(mc),
    [keyId]: json(toCryptographicKey(pair, { id: keyId, owner: issuer.id })),
    [`${BASE}/revocations`]: json(revocations),
    [`${BASE}/images/think-alouds.png`]: png(),
  })
  const award = (extra: Record<string, unknown> = {}) =>
    issueAssertion(
      mc,
      { recipient: 'Teacher@Example.org', evidence: [{ url: 'https://portfolio.example/video-1', name: 'Lesson video' }], results: [{ criterion: 1, score: 2 }], assessors: [{ name: 'R. Assessor', email: 'assessor@example.org' }], ...extra },
      { now: clock, verification: { type: 'signed', creator: keyId }, idStyle: 'urn:uuid' },
    )
  return {
    issuer,
    mc,
    pair,
    keyId,
    routes,
    award,
    signAward: (assertion: ReturnType<typeof award>) => signAssertion(assertion, { privateKey: pair.privateKey, id: keyId }),
    revoke: (id: string, reason: string) => {
      revocations = revoke(revocations, id, reason)
    },
  }
}

describe('badges made by this library', () => {
  it('issued, signed and baked: verifies valid, with the recipient matched case-insensitively', async () => {
    const s = await setup()
    const jws = await s.signAward(s.award())
    const baked = bake(TINY_PNG, jws)
    const { fetch } = mapFetch(s.routes())
    const report = await verify(baked, { fetch, now: NOW, recipient: { email: 'teacher@EXAMPLE.org' } })
    expect(errors(report)).toEqual([])
    expect(report.valid).toBe(true)
    expect(report.recipientMatched).toBe(true)
    expect(report.revoked).toBe(false)
    expect(report.expired).toBe(false)
    expect(codes(report)).toEqual(expect.arrayContaining(['SIGNED_VERIFIED', 'RECIPIENT_MATCHED']))
    expect(report.badgeClass?.name).toBe('Think-Alouds for Reading Comprehension')
  })

  it('tampered: SIGNATURE_INVALID', async () => {
    const s = await setup()
    const jws = tamper(await s.signAward(s.award()), (p) => {
      p.recipient = { type: 'email', hashed: false, identity: 'impostor@example.org' }
    })
    const report = await verify(jws, { fetch: mapFetch(s.routes()).fetch, now: NOW })
    expect(errors(report)).toContain('SIGNATURE_INVALID')
  })

  it('revoked: ASSERTION_REVOKED', async () => {
    const s = await setup()
    const assertion = s.award()
    const jws = await s.signAward(assertion)
    s.revoke(assertion.id, 'Evidence was not the earner’s own')
    const report = await verify(jws, { fetch: mapFetch(s.routes()).fetch, now: NOW })
    expect(errors(report)).toEqual(['ASSERTION_REVOKED'])
    expect(report.revoked).toBe(true)
  })

  it('expired: ASSERTION_EXPIRED', async () => {
    const s = await setup()
    const jws = await s.signAward(s.award({ expires: '2026-03-01T12:00:00Z' }))
    const report = await verify(jws, { fetch: mapFetch(s.routes()).fetch, now: NOW })
    expect(errors(report)).toEqual(['ASSERTION_EXPIRED'])
    expect(report.expired).toBe(true)
  })

  it('wrong recipient: RECIPIENT_MISMATCH', async () => {
    const s = await setup()
    const jws = await s.signAward(s.award())
    const report = await verify(jws, { fetch: mapFetch(s.routes()).fetch, now: NOW, recipient: { email: 'someone.else@example.org' } })
    expect(errors(report)).toEqual(['RECIPIENT_MISMATCH'])
    expect(report.recipientMatched).toBe(false)
  })

  it('hosted: issued and served verifies; 410 revokes; a plain identity matches', async () => {
    const s = await setup()
    const hosted = issueAssertion(s.mc, { recipient: 'teacher@example.org', hashed: false, evidence: { url: 'https://portfolio.example/video-2' } }, { now: clock })
    const routes = s.routes()
    const ok = await verify(hosted.id, { fetch: mapFetch({ ...routes, [hosted.id]: json(hosted) }).fetch, now: NOW, recipient: { email: 'TEACHER@example.org' } })
    expect(errors(ok)).toEqual([])
    expect(ok.recipientMatched).toBe(true)
    const gone = await verify(JSON.stringify(hosted), { fetch: mapFetch({ ...routes, [hosted.id]: json({ id: hosted.id, revoked: true }, 410) }).fetch, now: NOW })
    expect(errors(gone)).toEqual(['ASSERTION_REVOKED'])
  })
})
