/**
 * The Open Badges 2.0 conformance scenarios (../shared/conformance/ob2-scenarios): each scenario's
 * urlmap is served through an injected fetch (a URL not in the map is an unreachable host; .json as
 * application/ld+json, .png as image/png), `now` comes from expected.json, and every verdict must match.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { verify } from '../../src/verify/index.js'
import type { FetchLike } from '../../src/verify/index.js'

const dir = fileURLToPath(new URL('../../../shared/conformance/ob2-scenarios/', import.meta.url))
const present = existsSync(`${dir}/expected.json`)
if (!present) console.log(`conformance scenarios skipped: ${dir} is not available`)

interface Expected {
  now: string
  scenarios: Array<{ name: string; expect: 'valid' | 'invalid'; why: string }>
}

type UrlMapEntry = string | { path: string; status?: number; content_type?: string }

const CONTENT_TYPES: Record<string, string> = {
  json: 'application/ld+json',
  png: 'image/png',
  svg: 'image/svg+xml',
}

function contentTypeOf(file: string): string {
  return CONTENT_TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream'
}

/** Serves a scenario's urlmap; records every URL requested. */
function scenarioFetch(folder: string): { fetch: FetchLike; calls: string[] } {
  const map = JSON.parse(readFileSync(`${folder}/urlmap.json`, 'utf8')) as Record<string, UrlMapEntry>
  const calls: string[] = []
  const fetch: FetchLike = async (input) => {
    const url = String(input)
    calls.push(url)
    const entry = map[url]
    if (entry === undefined) throw new TypeError(`fetch failed: ${url} is unreachable`)
    const file = typeof entry === 'string' ? entry : entry.path
    const status = typeof entry === 'string' ? 200 : (entry.status ?? 200)
    const contentType = typeof entry === 'string' ? contentTypeOf(file) : (entry.content_type ?? contentTypeOf(file))
    return new Response(new Uint8Array(readFileSync(`${folder}/${file}`)), { status, headers: { 'content-type': contentType } })
  }
  return { fetch, calls }
}

/** What a person hands the verifier in this scenario. */
function inputOf(folder: string): string | Uint8Array {
  const files = readdirSync(folder)
  if (files.includes('badge.url.txt')) return readFileSync(`${folder}/badge.url.txt`, 'utf8').trim()
  if (files.includes('badge.json')) return readFileSync(`${folder}/badge.json`, 'utf8')
  if (files.includes('badge.jws')) return readFileSync(`${folder}/badge.jws`, 'utf8')
  if (files.includes('badge.png')) return new Uint8Array(readFileSync(`${folder}/badge.png`))
  if (files.includes('badge.svg')) return new Uint8Array(readFileSync(`${folder}/badge.svg`))
  throw new Error(`no badge input in ${folder}`)
}

/** Why each invalid scenario must fail: the finding code this verifier gives (our own expectation). */
const REASON: Record<string, string> = {
  bad_recipient_and_verification_type: 'VERIFICATION_TYPE_UNKNOWN',
  badgeclass_wrong_type: 'BADGECLASS_TYPE_MISMATCH',
  hosted_404_json_body: 'FETCH_HTTP_ERROR',
  hosted_410_json_body: 'ASSERTION_REVOKED',
  hosted_expired: 'ASSERTION_EXPIRED',
  hosted_issued_future: 'ASSERTION_ISSUED_IN_FUTURE',
  hosted_issuedon_no_tz: 'DATETIME_NO_TIMEZONE',
  hosted_revoked_true: 'ASSERTION_REVOKED',
  hosted_wrong_origin: 'HOSTED_OUT_OF_SCOPE',
  issuer_bad_email: 'PROFILE_EMAIL_INVALID',
  issuer_missing_email: 'PROFILE_EMAIL_REQUIRED',
  signed_alg_HS256: 'JWS_ALG_HMAC',
  signed_alg_none: 'JWS_ALG_NONE',
  signed_key_not_in_issuer: 'SIGNED_KEY_NOT_IN_ISSUER',
  signed_key_owner_mismatch: 'SIGNED_KEY_OWNER_MISMATCH',
  signed_no_creator_no_issuer_key: 'SIGNED_NO_KEY',
  signed_no_creator_no_issuer_key_forged: 'SIGNED_NO_KEY',
  signed_revoked: 'ASSERTION_REVOKED',
  signed_revoked_single_string: 'ASSERTION_REVOKED',
  signed_revoked_two_entries: 'ASSERTION_REVOKED',
  signed_wrong_key: 'SIGNATURE_INVALID',
  unbaked_png: 'IMAGE_NOT_BAKED',
}

/** Signed scenarios whose trust fails: revocation must not be consulted, and a finding must say so. */
const UNTRUSTED_SIGNED = [
  'signed_alg_HS256',
  'signed_alg_none',
  'signed_key_not_in_issuer',
  'signed_key_owner_mismatch',
  'signed_no_creator_no_issuer_key',
  'signed_no_creator_no_issuer_key_forged',
  'signed_wrong_key',
]

const VERSION: Record<string, string> = { v1_0_hosted: '1.0', v1_1_hosted: '1.1', hosted_valid_json: '2.0', signed_valid: '2.0' }

const expected: Expected = present ? (JSON.parse(readFileSync(`${dir}/expected.json`, 'utf8')) as Expected) : { now: '', scenarios: [] }
let matched = 0

describe.skipIf(!present)('Open Badges 2.0 conformance scenarios', () => {
  afterAll(() => {
    console.log(`conformance: ${matched}/${expected.scenarios.length} scenarios match the expected verdict`)
  })

  it('covers every scenario folder', () => {
    const folders = readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort()
    expect(expected.scenarios.map((s) => s.name).sort()).toEqual(folders)
  })

  for (const scenario of expected.scenarios) {
    it(`${scenario.name}: ${scenario.expect} (${scenario.why})`, async () => {
      const folder = `${dir}/${scenario.name}`
      const { fetch, calls } = scenarioFetch(folder)
      const report = await verify(inputOf(folder), { fetch, now: expected.now })
      const summary = report.messages.map((m) => `${m.severity} ${m.code} ${m.path ?? ''} ${m.message}`).join('\n')
      expect(report.valid, summary).toBe(scenario.expect === 'valid')
      expect(report.errorCount === 0).toBe(report.valid)
      const errors = report.messages.filter((m) => m.severity === 'error').map((m) => m.code)
      if (scenario.expect === 'invalid') expect(errors, summary).toContain(REASON[scenario.name])
      if (UNTRUSTED_SIGNED.includes(scenario.name)) {
        expect(report.messages.map((m) => m.code)).toContain('REVOCATION_NOT_CHECKED')
        expect(report.revoked).toBeUndefined()
        expect(calls.some((u) => u.includes('revocations'))).toBe(false)
      }
      if (scenario.name.includes('revoked') || scenario.name === 'hosted_410_json_body') expect(report.revoked).toBe(true)
      if (scenario.name === 'hosted_expired') expect(report.expired).toBe(true)
      if (VERSION[scenario.name]) expect(report.openBadgesVersion).toBe(VERSION[scenario.name])
      if (scenario.name === 'hosted_missing_image') expect(report.messages.map((m) => m.code)).toContain('IMAGE_UNREACHABLE')
      // The Open Badges contexts are carried, never fetched.
      expect(calls.filter((u) => u.includes('w3id.org') || u.includes('openbadgespec.org'))).toEqual([])
      matched++
    })
  }
})
