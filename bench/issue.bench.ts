/**
 * Issue + validate throughput, beside a baseline measured in the same run: JSON.stringify + JSON.parse of
 * the same object. Target: validating costs under 3x the baseline.
 */
import { readFileSync } from 'node:fs'
import { defineIssuer, defineMicroCredential, issueAssertion } from '../src/issue/index.js'
import { validate } from '../src/schema/index.js'
import { measure, report } from './harness.js'

const read = (f: string) => JSON.parse(readFileSync(new URL(`../examples/complete-mc/${f}`, import.meta.url), 'utf8')) as Record<string, unknown>

export async function run(): Promise<void> {
  const issuer = defineIssuer(read('issuer.json') as never)
  const mc = defineMicroCredential(issuer, read('mc.json') as never)
  const award = { ...read('results.json'), recipient: 'j.rivera@school.example.net', evidence: read('evidence.json') as never }
  const now = () => new Date('2026-01-15T12:00:00Z')
  let n = 0
  const options = { now, generateId: () => `00000000-0000-4000-8000-${String(++n % 1e12).padStart(12, '0')}`, generateSalt: () => 'c0ffee' }
  const assertion = issueAssertion(mc, award as never, options)
  const embedded = { ...assertion, badge: { ...mc, issuer } }

  const roundTrip = (doc: unknown) => () => JSON.parse(JSON.stringify(doc)) as unknown
  const check = (doc: unknown) => () => {
    if (!validate(doc).valid) throw new Error('benchmark document must be valid')
  }

  report('validate(assertion) — hosted MC assertion with results extension', await measure('validate(assertion)', check(assertion)), await measure('JSON.stringify + JSON.parse (same object)', roundTrip(assertion)), '< 3x')
  report('validate(assertion with embedded BadgeClass + issuer + extensions)', await measure('validate(embedded assertion)', check(embedded)), await measure('JSON.stringify + JSON.parse (same object)', roundTrip(embedded)), '< 3x')
  report('validate(BadgeClass) — complete MC with Assessment + MC extensions', await measure('validate(badgeClass)', check(mc)), await measure('JSON.stringify + JSON.parse (same object)', roundTrip(mc)), '< 3x')
  report(
    'issueAssertion (hash recipient, build, validate) — assertions/s',
    await measure('issueAssertion + validate', () => issueAssertion(mc, award as never, options)),
    await measure('JSON.stringify + JSON.parse (the assertion)', roundTrip(assertion)),
  )
}
