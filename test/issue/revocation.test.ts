import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isOpenBadgesError } from '../../src/errors.js'
import { createRevocationList, isRevoked, revoke } from '../../src/issue/revocation.js'
import type { RevocationList } from '../../src/model/openbadges.js'

const A = 'urn:uuid:bf8d3c3d-fe60-487c-87a3-06440d0d0163'
const B = 'urn:uuid:6deb4a00-ebce-4b28-8cc2-afa705ef7be4'

function codeOf(fn: () => unknown): string {
  try {
    fn()
  } catch (error) {
    return isOpenBadgesError(error) ? error.code : `not an OpenBadgesError: ${String(error)}`
  }
  return 'no error'
}

describe('RevocationList', () => {
  it('createRevocationList gives an empty OB 2.0 document', () => {
    expect(createRevocationList({ id: 'https://example.org/revocations', issuer: 'https://example.org/issuer' })).toEqual({
      '@context': 'https://w3id.org/openbadges/v2',
      id: 'https://example.org/revocations',
      type: 'RevocationList',
      issuer: 'https://example.org/issuer',
      revokedAssertions: [],
    })
    expect(createRevocationList()).toEqual({ '@context': 'https://w3id.org/openbadges/v2', type: 'RevocationList', revokedAssertions: [] })
  })

  it('revoke adds string entries, or {id, revocationReason} with a reason, without mutating the input', () => {
    const empty = createRevocationList()
    const one = revoke(empty, A, 'Issued in error')
    const two = revoke(one, B)
    expect(empty.revokedAssertions).toEqual([])
    expect(two.revokedAssertions).toEqual([{ id: A, revocationReason: 'Issued in error' }, B])
    expect(isRevoked(two, A)).toEqual({ revoked: true, reason: 'Issued in error' })
    expect(isRevoked(two, B)).toEqual({ revoked: true })
    expect(isRevoked(two, 'urn:uuid:other')).toEqual({ revoked: false })
  })

  it('revoking twice keeps one entry; a new reason updates it', () => {
    let list = revoke(createRevocationList(), A)
    list = revoke(list, A)
    expect(list.revokedAssertions).toEqual([A])
    list = revoke(list, A, 'Policy violation')
    expect(list.revokedAssertions).toEqual([{ id: A, revocationReason: 'Policy violation' }])
    list = revoke(list, A, 'Issued in error')
    expect(list.revokedAssertions).toEqual([{ id: A, revocationReason: 'Issued in error' }])
  })

  it.each<[string, RevocationList['revokedAssertions']]>([
    ['a single string (not in an array)', A],
    ['a single object (not in an array)', { id: A, revocationReason: 'r' }],
    ['an array with one string', [A]],
    ['an array with one object', [{ id: A }]],
    ['an array of several, mixed', [B, { id: 'urn:x' }, { id: A, revocationReason: 'r' }]],
  ])('isRevoked finds the assertion when revokedAssertions is %s', (_name, revokedAssertions) => {
    const list: RevocationList = { type: 'RevocationList', revokedAssertions }
    expect(isRevoked(list, A).revoked).toBe(true)
    expect(isRevoked(list, `${A}-not`).revoked).toBe(false)
  })

  it('legacy uid entries, revoked:false entries and junk entries', () => {
    const list = {
      type: 'RevocationList',
      revokedAssertions: [{ uid: 'abc123', revocationReason: 'Awarded in error' }, { id: B, revoked: false }, 42, null, ['x'], {}],
    }
    expect(isRevoked(list, { uid: 'abc123' })).toEqual({ revoked: true, reason: 'Awarded in error' })
    expect(isRevoked(list, { id: 'urn:other', uid: 'abc123' }).revoked).toBe(true)
    expect(isRevoked(list, 'abc123').revoked).toBe(false) // ids never match uids
    expect(isRevoked(list, B).revoked).toBe(false)
    const revokedAgain = revoke(list as RevocationList, B)
    expect(isRevoked(revokedAgain, B).revoked).toBe(false) // an explicit revoked:false entry is the issuer's word
  })

  it('refuses malformed lists and ids with codes', () => {
    expect(codeOf(() => isRevoked(null as never, A))).toBe('REVOCATION_LIST_INVALID')
    expect(codeOf(() => isRevoked([] as never, A))).toBe('REVOCATION_LIST_INVALID')
    expect(codeOf(() => isRevoked({ type: 'RevocationList' }, A))).toBe('REVOCATION_LIST_INVALID')
    expect(codeOf(() => isRevoked({ type: 'RevocationList', revokedAssertions: 5 }, A))).toBe('REVOCATION_LIST_INVALID')
    expect(codeOf(() => isRevoked(createRevocationList(), ''))).toBe('REVOCATION_INVALID_ID')
    expect(codeOf(() => isRevoked(createRevocationList(), {}))).toBe('REVOCATION_INVALID_ID')
    expect(codeOf(() => revoke(createRevocationList(), ''))).toBe('REVOCATION_INVALID_ID')
    expect(codeOf(() => revoke(createRevocationList(), A, 5 as never))).toBe('REVOCATION_INVALID_ID')
    expect(codeOf(() => revoke({ type: 'RevocationList' } as never, A))).toBe('REVOCATION_LIST_INVALID')
  })

  it('property: after revoking a set of ids, exactly those ids are revoked, whatever the shape', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.webUrl(), { minLength: 1, maxLength: 8 }),
        fc.webUrl(),
        fc.boolean(),
        (ids, probe, single) => {
          let list = createRevocationList()
          ids.forEach((id, i) => {
            list = revoke(list, id, i % 2 === 0 ? `reason ${i}` : undefined)
          })
          const entries = list.revokedAssertions as unknown[]
          // Publishing a one-entry list as a bare value must not change the answer.
          const shaped = single && entries.length === 1 ? { ...list, revokedAssertions: entries[0] as string } : list
          for (const id of ids) expect(isRevoked(shaped, id).revoked).toBe(true)
          expect(isRevoked(shaped, probe).revoked).toBe(ids.includes(probe))
        },
      ),
      { numRuns: 100 },
    )
  })
})

const scenarios = fileURLToPath(new URL('../../../shared/conformance/ob2-scenarios/', import.meta.url))
const available = existsSync(scenarios)
if (!available) console.log(`conformance: ${scenarios} is absent; skipping the RevocationList scenarios`)

describe.skipIf(!available)('conformance: RevocationList documents from ob2-scenarios', () => {
  it.each([
    ['signed_valid', false],
    ['signed_revoked', true],
    ['signed_revoked_single_string', true],
    ['signed_revoked_two_entries', true],
  ])('%s → revoked %s', (scenario, expected) => {
    const list = JSON.parse(readFileSync(`${scenarios}${scenario}/doc03.json`, 'utf8')) as RevocationList
    const jws = readFileSync(`${scenarios}${scenario}/badge.jws`, 'utf8').trim()
    const payload = JSON.parse(Buffer.from(jws.split('.')[1]!, 'base64url').toString('utf8')) as { id: string }
    expect(isRevoked(list, payload.id).revoked).toBe(expected)
  })
})
