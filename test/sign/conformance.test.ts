import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { verifySignature } from '../../src/sign/index.js'

const dir = fileURLToPath(new URL('../../../shared/conformance/ob2-scenarios/', import.meta.url))
const available = existsSync(dir)
if (!available) console.log(`conformance: ${dir} is absent; skipping the ob2-scenarios signature checks`)

/** The signature verdict each scenario calls for (the whole-badge verdict is the verifier's business). */
const cases: Array<[scenario: string, expected: { ok: true; alg: string } | { ok: false; code: string }]> = [
  ['signed_valid', { ok: true, alg: 'RS256' }],
  ['signed_alg_RS384', { ok: true, alg: 'RS384' }],
  ['signed_alg_RS512', { ok: true, alg: 'RS512' }],
  ['signed_alg_HS256', { ok: false, code: 'JWS_ALG_HMAC' }],
  ['signed_alg_none', { ok: false, code: 'JWS_ALG_NONE' }],
  ['signed_wrong_key', { ok: false, code: 'SIGNATURE_INVALID' }],
]

describe.skipIf(!available)('conformance: ob2-scenarios JWS signatures against the key document in the folder', () => {
  it.each(cases)('%s', async (scenario, expected) => {
    const folder = `${dir}${scenario}/`
    const jws = readFileSync(`${folder}badge.jws`, 'utf8').trim()
    const urlmap = JSON.parse(readFileSync(`${folder}urlmap.json`, 'utf8')) as Record<string, string>
    const keyDoc = JSON.parse(readFileSync(`${folder}${urlmap['https://example.org/key1']}`, 'utf8')) as Record<string, unknown>
    expect(keyDoc.type).toBe('CryptographicKey')
    const check = await verifySignature(jws, { resolveKey: async () => keyDoc })
    expect(check).toMatchObject(expected)
  })
})
