import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { isOpenBadgesError } from '../../src/errors.js'
import { defineIssuer, defineMicroCredential, issueAssertion, identityMatches, type AwardInput } from '../../src/issue/index.js'
import { expandDocument, MC_VOCAB } from '../../src/jsonld/index.js'
import { validate } from '../../src/schema/index.js'
import { completeAward, deterministic, readExample } from './helpers.js'

const issuerDef = () => readExample('issuer.json') as unknown as Parameters<typeof defineIssuer>[0]
const mcDef = () => readExample('mc.json') as unknown as Parameters<typeof defineMicroCredential>[1]

function problemsOf(fn: () => unknown): Array<{ code: string; path: string }> {
  try {
    fn()
  } catch (error) {
    if (isOpenBadgesError(error) && error.code === 'INVALID_INPUT') return error.problems.map(({ code, path }) => ({ code, path }))
    throw error
  }
  throw new Error('expected INVALID_INPUT')
}

describe('the complete example micro-credential', () => {
  const fetch = vi.fn(() => {
    throw new Error('network access in a test')
  })
  beforeEach(() => {
    fetch.mockClear()
    vi.stubGlobal('fetch', fetch)
  })
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  const issuer = defineIssuer(issuerDef())
  const mc = defineMicroCredential(issuer, mcDef())
  const assertion = issueAssertion(mc, completeAward(), deterministic())

  it('issuer, BadgeClass and Assertion validate clean', () => {
    expect(validate(issuer).problems).toEqual([])
    expect(validate(mc).problems).toEqual([])
    expect(validate(assertion).problems).toEqual([])
    expect(validate({ ...assertion, badge: { ...mc, issuer } }).problems).toEqual([])
  })

  it('carries all the MC metadata where docs/metadata-mapping.md says', () => {
    expect(mc.alignment).toHaveLength(2)
    expect(mc.version).toBe('1.2')
    expect((mc.criteria as { narrative: string }).narrative).toMatch(/## Key method[\s\S]*## Submission guidelines[\s\S]*## Evaluation criteria/)
    const assessment = mc['extensions:AssessmentExtension']
    expect(assessment?.type).toEqual(['Extension', 'extensions:AssessmentExtension'])
    const a0 = (assessment?.assessments as unknown as Array<Record<string, unknown>>)[0]
    expect(a0).toMatchObject({ type: 'Performance', hasGroupParticipation: false })
    expect((a0?.rubrics as Array<{ rubricCriteria: unknown[] }>)[0]?.rubricCriteria).toHaveLength(4)
    const ext = mc['extensions:MicroCredentialExtension']
    expect(ext).toMatchObject({
      keyMethod: expect.any(String),
      researchBasis: [expect.objectContaining({ citation: expect.any(String) }), expect.objectContaining({ doi: '10.3102/00346543067003271' })],
      supportResources: expect.any(Array),
      developer: { name: 'Example Literacy Collaborative', url: 'https://literacy.example.org' },
      stacks: [{ id: 'https://mc.example.org/stacks/early-literacy-comprehension', name: 'Early Literacy: Comprehension', position: 2, stackSize: 4 }],
      renewalCredits: 12,
      renewalHours: 15,
      lastReviewDate: '2025-08-01',
    })
    expect(assertion.recipient).toMatchObject({ type: 'email', hashed: true, salt: 'salt0' })
    expect(identityMatches(assertion.recipient, { email: 'j.rivera@school.example.net' })).toBe(true)
    expect(assertion['extensions:MicroCredentialResultExtension']?.rubricResults.map((r) => r.level)).toEqual(['Proficient', 'Exemplary', 'Proficient', 'Proficient'])
  })

  it('is deterministic with the injected clock and generators', () => {
    expect(issueAssertion(mc, completeAward(), deterministic())).toEqual(assertion)
    expect(assertion.id).toBe('https://mc.example.org/assertions/00000000-0000-4000-8000-000000000001')
    expect(assertion.issuedOn).toBe('2026-01-15T12:00:00Z')
    expect(mc.id).toBe('https://mc.example.org/badges/modeling-comprehension-through-think-alouds/v1.2')
    expect(issuer.id).toBe('https://mc.example.org/issuer')
  })

  it('rubric identifiers are stable across definitions (results keep pointing at them)', () => {
    expect(defineMicroCredential(issuer, mcDef())).toEqual(mc)
  })

  it('expands with the bundled loader while the network is unavailable, extensions included', async () => {
    const expanded = await expandDocument({ ...assertion, badge: { ...mc, issuer } })
    const json = JSON.stringify(expanded)
    expect(json).toContain('https://w3id.org/openbadges#recipient')
    expect(json).toContain(`${MC_VOCAB}stackMembership`)
    expect(json).toContain(`${MC_VOCAB}rubricResult`)
    expect(json).toContain('https://purl.imsglobal.org/spec/case/vocab#CFRubricCriteria')
    expect(json).toContain('http://schema.org/citation')
    expect(fetch).not.toHaveBeenCalled()
  })
})

describe('issuing options', () => {
  const issuer = defineIssuer({ baseUrl: 'https://mc.example.org/org-1/', name: 'Org', url: 'https://org.example', email: 'a@org.example' })
  const mc = defineMicroCredential(issuer, mcDef())
  const award: AwardInput = { recipient: 'a@b.org', evidence: { url: 'https://e.example/1' } }

  it('ids live under the issuer base URL', () => {
    expect(issuer.id).toBe('https://mc.example.org/org-1/issuer')
    expect(mc.id.startsWith('https://mc.example.org/org-1/badges/')).toBe(true)
    expect(issueAssertion(mc, award, deterministic()).id.startsWith('https://mc.example.org/org-1/assertions/')).toBe(true)
  })

  it('signed + urn:uuid for signed-only use; hosted + urn:uuid is refused', () => {
    const a = issueAssertion(mc, award, { ...deterministic(), verification: { type: 'signed', creator: 'https://mc.example.org/org-1/keys/1' }, idStyle: 'urn:uuid' })
    expect(a.id).toBe('urn:uuid:00000000-0000-4000-8000-000000000001')
    expect(a.verification).toEqual({ type: 'SignedBadge', creator: 'https://mc.example.org/org-1/keys/1' })
    expect(validate(a).valid).toBe(true)
    expect(problemsOf(() => issueAssertion(mc, award, { idStyle: 'urn:uuid' }))).toEqual([{ code: 'HOSTED_ID_NOT_HTTP', path: '(options)/idStyle' }])
  })

  it('plain identity, embedded badge, expires, narrative, image; a badge referred to by IRI', () => {
    const a = issueAssertion(mc, { ...award, hashed: false, expires: '2029-01-15T12:00:00+01:00', narrative: 'n', image: 'https://mc.example.org/a.png' }, { ...deterministic(), embedBadge: true })
    expect(a.recipient).toEqual({ type: 'email', hashed: false, identity: 'a@b.org' })
    expect(a.expires).toBe('2029-01-15T11:00:00Z')
    expect((a.badge as { id: string }).id).toBe(mc.id)
    expect(validate(a).valid).toBe(true)
    const byIri = issueAssertion(mc.id, { recipient: { url: 'https://alice.example' } }, deterministic())
    expect(byIri.recipient.type).toBe('url')
    expect(validate(byIri).valid).toBe(true)
  })
})

describe('wrong input: every builder refuses with INVALID_INPUT and every problem', () => {
  const issuer = defineIssuer(issuerDef())
  const mc = defineMicroCredential(issuer, mcDef())

  it.each<[string, Record<string, unknown>, Array<{ code: string; path: string }>]>([
    ['nothing', {}, [
      { code: 'INPUT_REQUIRED', path: '/baseUrl' },
      { code: 'INPUT_REQUIRED', path: '/name' },
      { code: 'INPUT_REQUIRED', path: '/url' },
      { code: 'INPUT_REQUIRED', path: '/email' },
    ]],
    ['bad urls and email', { baseUrl: 'ftp://x', name: 'N', url: 'example.org', email: 'x' }, [
      { code: 'INPUT_URL_INVALID', path: '/baseUrl' },
      { code: 'INPUT_URL_INVALID', path: '/url' },
      { code: 'INPUT_EMAIL_INVALID', path: '/email' },
    ]],
    ['wrong type', { baseUrl: 'https://x.example', name: 'N', url: 'https://x.example', email: 'a@x.example', type: 'BadgeClass' }, [{ code: 'INPUT_INVALID', path: '/type' }]],
  ])('defineIssuer: %s', (_label, input, expected) => {
    expect(problemsOf(() => defineIssuer(input as never))).toEqual(expected)
  })

  it('defineIssuer: not an object', () => {
    expect(problemsOf(() => defineIssuer(null as never))).toContainEqual({ code: 'INPUT_REQUIRED', path: '' })
  })

  it('defineMicroCredential: every problem of a broken definition at once', () => {
    const def = mcDef() as unknown as Record<string, unknown>
    const broken = {
      ...def,
      name: '',
      image: 'not a url',
      criteria: {},
      alignment: [{ targetName: 'x', targetUrl: 'nope' }],
      stacks: [{ id: 'https://s.example', name: 'S', position: 5, size: 4 }],
      renewal: { credits: -1 },
      lastReviewDate: '2025-13-01',
      researchBasis: [{ url: 'https://r.example' }],
      assessment: { ...(def.assessment as object), evidence: [{ text: 'x', criterion: 7 }], rubric: { title: 'R', criteria: [] } },
    }
    expect(problemsOf(() => defineMicroCredential(issuer, broken as never)).map((p) => `${p.code} ${p.path}`).sort()).toEqual(
      [
        'INPUT_REQUIRED /name',
        'INPUT_URL_INVALID /image',
        'CRITERIA_EMPTY /criteria',
        'INPUT_URL_INVALID /alignment/0/targetUrl',
        'INPUT_INVALID /stacks/0/position',
        'INPUT_INVALID /renewal/credits',
        'INPUT_DATE_INVALID /lastReviewDate',
        'INPUT_REQUIRED /researchBasis/0/citation',
        'INPUT_REQUIRED /assessment/rubric/criteria',
        'RUBRIC_CRITERION_UNKNOWN /assessment/evidence/0/criterion',
      ].sort(),
    )
  })

  it('defineMicroCredential: assessment missing, bad rubric identifiers', () => {
    const { assessment: _a, ...def } = mcDef() as unknown as Record<string, unknown>
    expect(problemsOf(() => defineMicroCredential(issuer, def as never))).toEqual([{ code: 'INPUT_REQUIRED', path: '/assessment' }])
    const d2 = mcDef() as unknown as { assessment: { rubric: { id?: string } } }
    d2.assessment.rubric.id = 'NOT-A-UUID'
    expect(problemsOf(() => defineMicroCredential(issuer, d2 as never))).toEqual([{ code: 'INPUT_INVALID', path: '/assessment/rubric/id' }])
  })

  it.each<[string, unknown, string[]]>([
    ['no recipient', { evidence: [{ url: 'https://e.example' }] }, ['INPUT_REQUIRED /recipient']],
    ['bad email', { recipient: 'nope', evidence: [{ url: 'https://e.example' }] }, ['INPUT_EMAIL_INVALID /recipient']],
    ['unknown recipient type', { recipient: { type: 'favoriteColor', identity: 'blue' }, evidence: [{ url: 'https://e.example' }] }, ['INPUT_INVALID /recipient/type']],
    ['no evidence for an MC', { recipient: 'a@b.org' }, ['EVIDENCE_REQUIRED /evidence']],
    ['empty evidence item', { recipient: 'a@b.org', evidence: [{ name: 'x' }] }, ['EVIDENCE_EMPTY /evidence/0']],
    ['date without zone', { recipient: 'a@b.org', evidence: [{ url: 'https://e.example' }], issuedOn: '2026-01-01T00:00:00' }, ['INPUT_DATE_INVALID /issuedOn']],
    ['expires before issued', { recipient: 'a@b.org', evidence: [{ url: 'https://e.example' }], expires: '2020-01-01T00:00:00Z' }, ['ASSERTION_EXPIRES_BEFORE_ISSUED /expires']],
    ['results without assessor, unknown criterion, score out of range', { recipient: 'a@b.org', evidence: [{ url: 'https://e.example' }], results: [{ criterion: 1, score: 9 }, { criterion: 'x', score: 1 }] }, [
      'RUBRIC_SCORE_OUT_OF_RANGE /results/0/score',
      'RUBRIC_CRITERION_UNKNOWN /results/1/criterion',
      'ASSESSOR_REQUIRED /assessors',
    ]],
    ['assessor without name or id', { recipient: 'a@b.org', evidence: [{ url: 'https://e.example' }], assessors: [{ email: 'x@y.org' }] }, ['INPUT_REQUIRED /assessors/0/name']],
  ])('issueAssertion: %s', (_label, award, expected) => {
    expect(problemsOf(() => issueAssertion(mc, award as AwardInput, deterministic())).map((p) => `${p.code} ${p.path}`)).toEqual(expected)
  })

  it('issueAssertion: results need the badge object', () => {
    expect(problemsOf(() => issueAssertion(mc.id, { recipient: 'a@b.org', results: [{ criterion: 1, score: 1 }], assessors: [{ name: 'A' }] }))).toEqual([
      { code: 'RUBRIC_NOT_FOUND', path: '/results' },
    ])
  })
})
