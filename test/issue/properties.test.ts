import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defineIssuer, defineMicroCredential, identityMatches, issueAssertion, type MicroCredentialDefinition } from '../../src/issue/index.js'
import { classSchemas, validate } from '../../src/schema/index.js'
import { completeAward, deterministic, readExample } from './helpers.js'

const text = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== '')
const url = fc.webUrl({ validSchemes: ['https'] })

const level = fc.record({ description: text, quality: fc.option(text, { nil: undefined }), score: fc.integer({ min: 0, max: 10 }) })
const criterion = fc.record({
  description: text,
  category: fc.option(text, { nil: undefined }),
  weight: fc.option(fc.double({ min: 0, max: 10, noNaN: true }), { nil: undefined }),
  levels: fc.array(level, { minLength: 1, maxLength: 4 }),
})

const definition: fc.Arbitrary<MicroCredentialDefinition> = fc.record({
  name: text,
  description: text,
  image: url,
  criteria: fc.record({ url: fc.option(url, { nil: undefined }), narrative: text, keyMethod: fc.option(text, { nil: undefined }) }),
  alignment: fc.array(fc.record({ targetName: text, targetUrl: url, targetCode: fc.option(text, { nil: undefined }) }), { maxLength: 3 }),
  tags: fc.array(text, { maxLength: 4 }),
  version: fc.option(fc.oneof(fc.integer({ min: 1, max: 9 }), fc.constantFrom('1.0', '2b')), { nil: undefined }),
  assessment: fc.record({
    type: fc.constantFrom('Performance' as const, 'Artifact' as const, 'Exam' as const),
    assessmentOutput: text,
    evaluationMethod: text,
    evidence: fc.array(fc.record({ text, kind: fc.constantFrom('file' as const, 'text' as const, 'external' as const) }), { minLength: 1, maxLength: 3 }),
    rubric: fc.record({ title: text, criteria: fc.array(criterion, { minLength: 1, maxLength: 5 }) }),
  }),
  researchBasis: fc.array(fc.record({ citation: text, url: fc.option(url, { nil: undefined }) }), { maxLength: 3 }),
  supportResources: fc.array(fc.record({ name: text, url }), { maxLength: 3 }),
  stacks: fc.array(
    fc.integer({ min: 1, max: 20 }).chain((size) => fc.record({ id: url, name: text, size: fc.constant(size), position: fc.integer({ min: 1, max: size }) })),
    { maxLength: 2 },
  ),
  renewal: fc.record({ credits: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }), hours: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }) }),
  lastReviewDate: fc.option(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), { nil: undefined }),
})

const issuer = defineIssuer({ baseUrl: 'https://mc.example.org', name: 'Lab', url: 'https://example.org', email: 'badges@example.org' })

describe('property: random valid inputs give objects that validate', () => {
  it('defineMicroCredential + issueAssertion', () => {
    fc.assert(
      fc.property(definition, fc.emailAddress(), fc.array(fc.record({ url, name: fc.option(text, { nil: undefined }) }), { minLength: 1, maxLength: 3 }), (def, email, evidence) => {
        const mc = defineMicroCredential(issuer, def)
        expect(validate(mc).problems).toEqual([])
        const criteria = def.assessment.rubric.criteria
        const results = criteria.map((c, i) => ({ criterion: i + 1, score: Math.max(...(c.levels ?? []).map((l) => l.score ?? 0)) }))
        const a = issueAssertion(mc, { recipient: email, evidence, results, assessors: [{ name: 'Assessor' }] }, deterministic())
        expect(validate(a).problems).toEqual([])
        expect(validate({ ...a, badge: mc }).problems).toEqual([])
        expect(identityMatches(a.recipient, { email })).toBe(true)
      }),
      { numRuns: 60 },
    )
  })
})

// A valid, fully embedded assertion to mutate.
const mcDoc = defineMicroCredential(defineIssuer(readExample('issuer.json') as never), readExample('mc.json') as never)
const base = issueAssertion(mcDoc, completeAward(), deterministic())
const full = { ...base, badge: { ...mcDoc, issuer: defineIssuer(readExample('issuer.json') as never) } } as Record<string, unknown>

/** Objects in the document with the class schema that governs them. */
const NODES: Array<[string[], keyof typeof classSchemas]> = [
  [[], 'Assertion'],
  [['recipient'], 'IdentityObject'],
  [['verification'], 'VerificationObject'],
  [['badge'], 'BadgeClass'],
  [['badge', 'issuer'], 'Profile'],
  [['badge', 'image'], 'Image'],
  [['badge', 'alignment', '0'], 'AlignmentObject'],
  [['badge', 'extensions:AssessmentExtension'], 'Extension'],
]

const get = (doc: unknown, path: string[]): Record<string, unknown> =>
  path.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], doc) as Record<string, unknown>

describe('property: random mutations of a valid object make validate report problems, never throw', () => {
  it('the unmutated document is valid', () => expect(validate(full).problems).toEqual([]))

  it('deleting a required property, or giving a property a value of the wrong type', () => {
    const mutation = fc.constantFrom(...NODES).chain(([path, kind]) => {
      const schema = classSchemas[kind] as { required?: string[]; properties: Record<string, unknown> }
      const present = Object.keys(get(full, path)).filter((k) => k in schema.properties && k !== 'version')
      return fc.oneof(
        ...(schema.required?.length ? [fc.record({ path: fc.constant(path), op: fc.constant('delete' as const), key: fc.constantFrom(...schema.required) })] : []),
        fc.record({ path: fc.constant(path), op: fc.constant('number' as const), key: fc.constantFrom(...present) }),
      )
    })
    fc.assert(
      fc.property(mutation, ({ path, op, key }) => {
        const doc = structuredClone(full)
        const node = get(doc, path)
        if (op === 'delete') delete node[key]
        else node[key] = 12345
        const result = validate(doc)
        expect(result.valid).toBe(false)
        expect(result.problems.length).toBeGreaterThan(0)
        for (const p of result.problems) {
          expect(typeof p.code).toBe('string')
          expect(p.path.startsWith('/') || p.path === '').toBe(true)
        }
      }),
      { numRuns: 200 },
    )
  })

  it('arbitrary JSON anywhere never makes validate throw', () => {
    const paths = NODES.map(([p]) => p)
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), (path, key, value) => {
        const doc = structuredClone(full)
        get(doc, path)[key] = value
        const result = validate(doc)
        expect(Array.isArray(result.problems)).toBe(true)
        expect(result.valid).toBe(!result.problems.some((p) => p.severity !== 'warning'))
      }),
      { numRuns: 200 },
    )
  })
})
