import { describe, expect, it } from 'vitest'
import type { BadgeObjectKind } from '../../src/model/openbadges.js'
import { classSchemas, SCHEMA_CODES, validate } from '../../src/schema/index.js'
import { CLASS_PREFIX, snake } from '../../src/schema/problems.js'
import { minimal } from './fixtures.js'

const codes = (r: { problems: { code: string }[] }) => r.problems.map((p) => p.code)
const KINDS = Object.keys(minimal) as BadgeObjectKind[]
const PREFIX: Record<BadgeObjectKind, string> = {
  Assertion: CLASS_PREFIX.Assertion,
  BadgeClass: CLASS_PREFIX.BadgeClass,
  Profile: CLASS_PREFIX.Profile,
  IdentityObject: CLASS_PREFIX.IdentityObject,
  VerificationObject: CLASS_PREFIX.VerificationObject,
  CryptographicKey: CLASS_PREFIX.CryptographicKey,
  RevocationList: CLASS_PREFIX.RevocationList,
  Criteria: CLASS_PREFIX.Criteria,
  Evidence: CLASS_PREFIX.Evidence,
  AlignmentObject: CLASS_PREFIX.AlignmentObject,
  Image: CLASS_PREFIX.Image,
  Endorsement: CLASS_PREFIX.Endorsement,
  Extension: CLASS_PREFIX.Extension,
}

describe('the minimal document of every class validates', () => {
  for (const kind of KINDS) {
    it(kind, () => {
      const r = validate(minimal[kind], { kind })
      expect(r.problems).toEqual([])
      expect(r.valid).toBe(true)
    })
  }
})

describe('removing each required property yields its own documented code', () => {
  const rows: Array<[BadgeObjectKind, string]> = []
  for (const kind of KINDS) {
    for (const prop of (classSchemas[kind].required as string[] | undefined) ?? []) rows.push([kind, prop])
  }
  const seen = new Set<string>()

  it.each(rows)('%s without %s', (kind, prop) => {
    const doc = { ...minimal[kind] }
    delete doc[prop]
    const r = validate(doc, { kind })
    const expected = `${PREFIX[kind]}_${snake(prop)}_REQUIRED`
    expect(r.valid).toBe(false)
    expect(codes(r)).toContain(expected)
    expect(r.problems.find((p) => p.code === expected)?.path).toBe(`/${prop.replace('~', '~0').replace('/', '~1')}`)
    expect(SCHEMA_CODES).toContain(expected)
    expect(seen.has(expected)).toBe(false)
    seen.add(expected)
  })

  it('covers every class that has required properties (all but Criteria, Evidence, CryptographicKey)', () => {
    expect(new Set(rows.map(([k]) => k))).toEqual(new Set(KINDS.filter((k) => !['Criteria', 'Evidence', 'CryptographicKey'].includes(k))))
  })
})

describe('embedded documents are validated with their own class codes and paths', () => {
  it('a BadgeClass embedded in an Assertion, its issuer, criteria, alignment, image', () => {
    const { name: _n, ...badge } = minimal.BadgeClass
    const r = validate({
      ...minimal.Assertion,
      badge: {
        ...badge,
        issuer: { id: 'https://example.org/issuer', type: 'Profile', name: 'I', url: 'https://example.org' },
        criteria: { narrative: 42 },
        alignment: [{ targetName: 'x' }],
        image: { caption: 'no id' },
      },
      evidence: [{ id: 'not an iri' }, 'https://example.org/evidence/1'],
    })
    expect(r.problems.map((p) => `${p.code} ${p.path}`).sort()).toEqual(
      [
        'BADGECLASS_NAME_REQUIRED /badge/name',
        'PROFILE_EMAIL_REQUIRED /badge/issuer/email',
        'CRITERIA_NARRATIVE_INVALID /badge/criteria/narrative',
        'ALIGNMENT_TARGET_URL_REQUIRED /badge/alignment/0/targetUrl',
        'IMAGE_ID_REQUIRED /badge/image/id',
        'EVIDENCE_ID_INVALID /evidence/0/id',
      ].sort(),
    )
  })

  it('endorsements, public keys and the profile verification policy', () => {
    const r = validate({
      ...minimal.Profile,
      publicKey: [{ type: 'CryptographicKey', id: 'https://example.org/key', owner: 3 }],
      verification: { allowedOrigins: ['example.org', 7] },
      endorsement: [{ ...minimal.Endorsement, claim: {} }],
    })
    expect(r.problems.map((p) => `${p.code} ${p.path}`).sort()).toEqual(
      [
        'KEY_OWNER_INVALID /publicKey/0/owner',
        'VERIFICATION_ALLOWED_ORIGINS_INVALID /verification/allowedOrigins/1',
        'ENDORSEMENT_CLAIM_ID_REQUIRED /endorsement/0/claim/id',
      ].sort(),
    )
  })
})

describe('non-schema checks', () => {
  const A = minimal.Assertion
  it('DateTime without a time zone, and malformed date-times', () => {
    expect(codes(validate({ ...A, issuedOn: '2016-12-31T23:59:59' }))).toEqual(['DATETIME_NO_TIMEZONE'])
    expect(codes(validate({ ...A, issuedOn: '2016-02-30T10:00:00Z' }))).toEqual(['DATETIME_INVALID'])
    expect(codes(validate({ ...A, issuedOn: '2016-12-31' }))).toEqual(['DATETIME_INVALID'])
    expect(codes(validate({ ...A, issuedOn: 1483228799 }))).toEqual(['ASSERTION_ISSUED_ON_INVALID'])
    expect(validate({ ...A, issuedOn: '2016-12-31T23:59+05:30' }).valid).toBe(true)
    expect(validate({ ...A, issuedOn: '2016-12-31T23:59:59.123-0800' }).valid).toBe(true)
  })

  it('expires must be after issuedOn (time zones taken into account)', () => {
    expect(codes(validate({ ...A, expires: '2026-01-15T12:00:00Z' }))).toEqual(['ASSERTION_EXPIRES_BEFORE_ISSUED'])
    expect(codes(validate({ ...A, expires: '2026-01-15T13:00:00+02:00' }))).toEqual(['ASSERTION_EXPIRES_BEFORE_ISSUED'])
    expect(validate({ ...A, expires: '2026-01-15T13:00:00+00:30' }).valid).toBe(true)
  })

  it('hashed identities must be sha256$hex or md5$hex', () => {
    const r = (identity: string, hashed = true) => codes(validate({ ...A, recipient: { type: 'email', hashed, identity } }))
    expect(r(`md5$${'F'.repeat(32)}`)).toEqual([])
    expect(r(`sha256$${'a'.repeat(63)}`)).toEqual(['IDENTITY_HASH_INVALID'])
    expect(r(`sha1$${'a'.repeat(40)}`)).toEqual(['IDENTITY_HASH_INVALID'])
    expect(r('alice@example.org')).toEqual(['IDENTITY_HASH_INVALID'])
    expect(r('alice@example.org', false)).toEqual([])
    expect(r('not an email', false)).toEqual(['IDENTITY_EMAIL_INVALID'])
  })

  it('recipient type: email/url/telephone, an IRI, or a term of an inline context', () => {
    const rec = (type: string) => ({ ...A, recipient: { type, hashed: false, identity: 'x' } })
    expect(codes(validate(rec('favoriteColor')))).toEqual(['IDENTITY_TYPE_UNKNOWN'])
    expect(codes(validate(rec('url')))).toEqual([])
    expect(codes(validate(rec('schema:identifier')))).toEqual([])
    expect(codes(validate({ ...rec('favoriteColor'), '@context': [A['@context'], { favoriteColor: 'https://example.org/fc' }] }))).toEqual([])
  })

  it('verification type must be hosted or signed; hosted needs an HTTP id; `verify` is an alias', () => {
    expect(codes(validate({ ...A, verification: { type: 'MadeUpBadge' } }))).toEqual(['VERIFICATION_TYPE_UNKNOWN'])
    expect(codes(validate({ ...A, verification: {} }))).toEqual(['VERIFICATION_TYPE_REQUIRED'])
    expect(codes(validate({ ...A, id: 'urn:uuid:2f1a5b4e-6f0e-4d59-9d3f-5c1d0f1e2a3b' }))).toEqual(['HOSTED_ID_NOT_HTTP'])
    expect(validate({ ...A, id: 'urn:uuid:2f1a5b4e-6f0e-4d59-9d3f-5c1d0f1e2a3b', verification: { type: 'signed', creator: 'https://example.org/key' } }).valid).toBe(true)
    const { verification: _v, ...rest } = A
    expect(validate({ ...rest, verify: { type: 'hosted' } }).valid).toBe(true)
    expect(codes(validate({ ...rest, verify: { type: 'bogus' } }))).toEqual(['VERIFICATION_TYPE_UNKNOWN'])
  })

  it('type must include the class, in any spelling', () => {
    expect(codes(validate({ ...minimal.BadgeClass, type: 'Issuer' }, { kind: 'BadgeClass' }))).toEqual(['BADGECLASS_TYPE_MISMATCH'])
    expect(validate({ ...A, type: ['obi:Assertion', 'extensions:Foo'] }).valid).toBe(true)
    expect(validate({ ...A, type: ['https://w3id.org/openbadges#Assertion'] }).valid).toBe(true)
    expect(codes(validate({ ...A, type: [] }, { kind: 'Assertion' }))).toEqual(['ASSERTION_TYPE_INVALID'])
    expect(codes(validate({ ...A, type: [] }))).toEqual(['DOCUMENT_KIND_UNKNOWN'])
  })

  it('a revoked hosted assertion { id, revoked: true } is valid on its own', () => {
    const r = validate({ '@context': 'https://w3id.org/openbadges/v2', id: 'https://example.org/a/1', revoked: true, revocationReason: 'x' })
    expect(r).toMatchObject({ valid: true, kind: 'Assertion' })
    expect(validate({ id: 'https://example.org/a/1', revoked: true }, { kind: 'Assertion' }).valid).toBe(true)
    expect(codes(validate({ revoked: true }, { kind: 'Assertion' }))).toContain('ASSERTION_ID_REQUIRED')
  })

  it('revocation list entries need an id or uid', () => {
    const r = validate({ ...minimal.RevocationList, revokedAssertions: ['urn:uuid:1', { id: 'urn:uuid:2' }, { uid: 'abc' }, { revocationReason: 'x' }, ''] })
    expect(r.problems.map((p) => `${p.code} ${p.path}`)).toEqual([
      'REVOCATIONLIST_ENTRY_ID_REQUIRED /revokedAssertions/3',
      'REVOCATIONLIST_ENTRY_ID_REQUIRED /revokedAssertions/4',
    ])
  })

  it('a Profile is validated as an issuer when its type says Issuer or asIssuer is set', () => {
    const recipientProfile = { '@context': 'https://w3id.org/openbadges/v2', id: 'https://example.org/p', type: 'Profile' }
    expect(validate(recipientProfile).valid).toBe(true)
    expect(codes(validate(recipientProfile, { asIssuer: true })).sort()).toEqual(['PROFILE_EMAIL_REQUIRED', 'PROFILE_NAME_REQUIRED', 'PROFILE_URL_REQUIRED'])
    expect(codes(validate({ ...minimal.Profile, email: 'not an email' }))).toEqual(['PROFILE_EMAIL_INVALID'])
  })

  it('extensions are checked: type includes Extension, and bundled extension schemas apply', () => {
    const withExt = (ext: unknown) => validate({ ...minimal.BadgeClass, 'extensions:MicroCredentialExtension': ext })
    const ctx = 'https://w3id.org/openmicrocredentials/v1/context.json'
    const type = ['Extension', 'extensions:MicroCredentialExtension']
    expect(withExt({ '@context': ctx, type, stacks: [{ id: 'https://example.org/s', name: 'S', position: 1 }] }).valid).toBe(true)
    const bad = withExt({ '@context': ctx, type, stacks: [{ id: 'https://example.org/s', name: 'S', position: 0 }], renewalCredits: 'twelve' })
    expect(bad.problems.map((p) => `${p.code} ${p.path}`).sort()).toEqual([
      'EXTENSION_SCHEMA_INVALID /extensions:MicroCredentialExtension/renewalCredits',
      'EXTENSION_SCHEMA_INVALID /extensions:MicroCredentialExtension/stacks/0/position',
    ])
    expect(codes(withExt({ type }))).toContain('EXTENSION_CONTEXT_REQUIRED')
    // Under the extensions namespace, an object with its own @context must be an Extension.
    expect(codes(withExt({ '@context': ctx, keyMethod: 'x' }))).toEqual(['EXTENSION_TYPE_REQUIRED'])
    expect(validate({ ...minimal.BadgeClass, 'http://example.org/prop': { '@context': ctx, a: 1 } }).valid).toBe(true)
  })

  it('warns (without invalidating) when a published document has no @context', () => {
    const { '@context': _c, ...rest } = minimal.BadgeClass
    const r = validate(rest)
    expect(r.valid).toBe(true)
    expect(r.problems).toEqual([expect.objectContaining({ code: 'CONTEXT_MISSING', severity: 'warning' })])
  })
})

describe('never throws on hostile input', () => {
  it.each([null, undefined, 42, 'x', [], [minimal.Assertion], () => 1])('%s', (input) => {
    const r = validate(input)
    expect(r.valid).toBe(false)
    expect(codes(r)).toEqual(['DOCUMENT_NOT_OBJECT'])
  })

  it('unknown type', () => {
    expect(codes(validate({ type: 'Banana' }))).toEqual(['DOCUMENT_KIND_UNKNOWN'])
    expect(codes(validate({}))).toEqual(['DOCUMENT_KIND_UNKNOWN'])
  })

  it('self-referencing objects', () => {
    const badge: Record<string, unknown> = { ...minimal.BadgeClass }
    badge.issuer = badge
    const r = validate(badge)
    expect(codes(r)).toContain('DOCUMENT_TOO_DEEP')
  })

  it('deeply nested extensions', () => {
    let ext: Record<string, unknown> = { '@context': 'https://x.example/c', type: 'Extension' }
    for (let i = 0; i < 200; i++) ext = { '@context': 'https://x.example/c', type: 'Extension', 'extensions:Next': ext }
    expect(() => validate({ ...minimal.BadgeClass, 'extensions:Next': ext })).not.toThrow()
  })
})
