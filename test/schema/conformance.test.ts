import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { validate } from '../../src/schema/index.js'
import { readSpecExamples, sharedAvailable, sharedSpecDir } from '../jsonld/spec-examples.js'

const scenarios = fileURLToPath(new URL('../../../shared/conformance/ob2-scenarios/', import.meta.url))
const haveScenarios = existsSync(scenarios)
if (!haveScenarios) console.warn(`[skip] ${scenarios} is absent: the conformance data-check tests are skipped`)

// In these scenarios doc00 is the assertion, doc01 the badge class and doc02 the issuer profile (urlmap.json).
const read = (name: string, file: string) => JSON.parse(readFileSync(`${scenarios}${name}/${file}`, 'utf8')) as unknown
const check = (name: string) => ({
  assertion: validate(read(name, 'doc00.json'), { kind: 'Assertion' }),
  badge: validate(read(name, 'doc01.json'), { kind: 'BadgeClass' }),
  issuer: validate(read(name, 'doc02.json'), { kind: 'Profile', asIssuer: true }),
})
const codes = (r: { problems: { code: string }[] }) => r.problems.map((p) => p.code)

describe.skipIf(!haveScenarios)('conformance scenarios: the data checks catch what they must, on the right document', () => {
  it.each(['hosted_type_list', 'hosted_context_list', 'hosted_valid_json', 'hosted_expired', 'hosted_wrong_origin'])('%s: all documents valid', (name) => {
    const r = check(name)
    expect(r.assertion.problems).toEqual([])
    expect(r.badge.problems).toEqual([])
    expect(r.issuer.problems).toEqual([])
  })

  it('badgeclass_wrong_type: the badge document', () => {
    const r = check('badgeclass_wrong_type')
    expect(r.assertion.valid).toBe(true)
    expect(codes(r.badge)).toEqual(['BADGECLASS_TYPE_MISMATCH'])
  })

  it('issuer_bad_email and issuer_missing_email: the issuer profile', () => {
    expect(codes(check('issuer_bad_email').issuer)).toEqual(['PROFILE_EMAIL_INVALID'])
    expect(codes(check('issuer_missing_email').issuer)).toEqual(['PROFILE_EMAIL_REQUIRED'])
    expect(check('issuer_missing_email').assertion.valid).toBe(true)
  })

  it('hosted_issuedon_no_tz: the assertion', () => {
    const r = check('hosted_issuedon_no_tz')
    expect(r.assertion.problems).toEqual([expect.objectContaining({ code: 'DATETIME_NO_TIMEZONE', path: '/issuedOn' })])
  })

  it('bad_recipient_and_verification_type: the assertion', () => {
    expect(codes(check('bad_recipient_and_verification_type').assertion).sort()).toEqual(['IDENTITY_TYPE_UNKNOWN', 'VERIFICATION_TYPE_UNKNOWN'])
  })

  it('hosted_revoked_true body validates as a revoked assertion', () => {
    const dir = `${scenarios}hosted_revoked_true/`
    const urlmap = JSON.parse(readFileSync(`${dir}urlmap.json`, 'utf8')) as Record<string, unknown>
    const first = Object.values(urlmap)[0]
    const file = typeof first === 'string' ? first : (first as { path: string }).path
    const doc = JSON.parse(readFileSync(`${dir}${file}`, 'utf8')) as { revoked?: boolean }
    expect(doc.revoked).toBe(true)
    expect(validate(doc, { kind: 'Assertion' }).valid).toBe(true)
  })
})

describe.skipIf(!sharedAvailable)('complete examples from the specification validate', () => {
  const examples = sharedAvailable ? readSpecExamples() : []
  // Only the examples that show a whole badge object (the others are abbreviated on purpose, as the spec says).
  const complete = examples.filter((e) => {
    const j = e.json as Record<string, unknown>
    return typeof j === 'object' && j !== null && j.type !== undefined
  })
  it('found them', () => expect(complete.length).toBeGreaterThanOrEqual(9))
  for (const e of complete) {
    it(`example #${e.index} (line ${e.line}, ${JSON.stringify((e.json as { type: unknown }).type)})`, () => {
      expect(validate(e.json).problems.filter((p) => p.severity !== 'warning')).toEqual([])
    })
  }
  it('reads the spec from the shared folder', () => expect(sharedSpecDir).toContain('ob_v2p0'))
})
