import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hashIdentity, identityMatches, nameUuid, normalizeEmail, slugify } from '../../src/issue/index.js'
import { md5Hex, sha1Hex, sha256Hex, utf8Bytes } from '../../src/issue/digest.js'

describe('digests match node:crypto', () => {
  it('on fixed vectors, across block boundaries', () => {
    for (const n of [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 1000]) {
      const b = utf8Bytes('é'.repeat(n))
      expect(sha256Hex(b)).toBe(createHash('sha256').update(b).digest('hex'))
      expect(sha1Hex(b)).toBe(createHash('sha1').update(b).digest('hex'))
      expect(md5Hex(b)).toBe(createHash('md5').update(b).digest('hex'))
    }
  })

  it('on random strings (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const b = utf8Bytes(s)
        return sha256Hex(b) === createHash('sha256').update(b).digest('hex') && md5Hex(b) === createHash('md5').update(b).digest('hex')
      }),
      { numRuns: 150 },
    )
  })
})

describe('hashIdentity', () => {
  it('reproduces the specification vector ("mayze", unsalted)', () => {
    expect(hashIdentity('mayze', '')).toBe('sha256$7a1a1b3f7d40552e4299180e346e3add12bf9a751a43d9c4ca4518febc2c60c6')
  })
  it('hashes identity + salt; md5 on request', () => {
    expect(hashIdentity('nobody@example.org', 'deadsea')).toBe('sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942')
    expect(hashIdentity('a', 'b', 'md5')).toBe(`md5$${createHash('md5').update('ab').digest('hex')}`)
  })
  it('wrong input: TypeError / RangeError', () => {
    expect(() => hashIdentity(1 as unknown as string, '')).toThrow(TypeError)
    expect(() => hashIdentity('a', null as unknown as string)).toThrow(TypeError)
    expect(() => hashIdentity('a', '', 'sha1' as 'md5')).toThrow(RangeError)
  })
})

describe('normalizeEmail', () => {
  it.each([
    ['  Alice@Example.ORG ', 'alice@example.org'],
    ['BOB@x.io', 'bob@x.io'],
    ['e\u0301@x.io', '\u00e9@x.io'],
  ])('%j → %j', (input, output) => expect(normalizeEmail(input)).toBe(output))
  it('refuses non-strings', () => expect(() => normalizeEmail(undefined as unknown as string)).toThrow(TypeError))
})

describe('identityMatches', () => {
  const hashed = { type: 'email', hashed: true, salt: 'deadsea', identity: 'sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942' }
  it.each<[string, unknown, Record<string, string>, boolean]>([
    ['hashed email, same address', hashed, { email: 'nobody@example.org' }, true],
    ['hashed email, other case and spaces', hashed, { email: ' Nobody@Example.org ' }, true],
    ['hashed email, uppercase hex', { ...hashed, identity: hashed.identity.toUpperCase().replace('SHA256', 'sha256') }, { email: 'nobody@example.org' }, true],
    ['hashed email, other address', hashed, { email: 'somebody@example.org' }, false],
    ['hashed email, only a url given', hashed, { url: 'https://example.org' }, false],
    ['md5', { type: 'email', hashed: true, salt: 's', identity: hashIdentity('a@b.org', 's', 'md5') }, { email: 'A@b.org' }, true],
    ['unsalted', { type: 'email', hashed: true, identity: hashIdentity('a@b.org', '') }, { email: 'a@b.org' }, true],
    ['plain email', { type: 'email', hashed: false, identity: 'Alice@Example.org' }, { email: 'alice@example.org' }, true],
    ['plain url with trailing slash', { type: 'url', hashed: false, identity: 'https://alice.example/' }, { url: 'https://alice.example' }, true],
    ['telephone punctuation', { type: 'telephone', hashed: false, identity: '+16175551212' }, { telephone: '+1 (617) 555-1212' }, true],
    ['hashed telephone', { type: 'telephone', hashed: true, salt: 'x', identity: hashIdentity('+16175551212', 'x') }, { telephone: '+1 617 555 1212' }, true],
    ['IRI type uses id', { type: 'http://example.org/studentId', hashed: false, identity: 'S-1' }, { id: 'S-1' }, true],
    ['schema:email spelling', { type: 'schema:email', hashed: false, identity: 'a@b.org' }, { email: 'a@b.org' }, true],
    ['malformed hash', { ...hashed, identity: 'sha256$zz' }, { email: 'nobody@example.org' }, false],
    ['not an object', 'nobody@example.org', { email: 'nobody@example.org' }, false],
    ['null', null, { email: 'x' }, false],
    ['empty candidate', hashed, { email: '' }, false],
  ])('%s', (_label, identity, candidate, expected) => {
    expect(identityMatches(identity, candidate)).toBe(expected)
  })

  it('a hashed identity matches exactly its own email (property)', () => {
    fc.assert(
      fc.property(fc.emailAddress(), fc.string({ minLength: 1, maxLength: 20 }), fc.emailAddress(), (email, salt, other) => {
        const id = { type: 'email', hashed: true, salt, identity: hashIdentity(normalizeEmail(email), salt) }
        return identityMatches(id, { email: email.toUpperCase() }) && (normalizeEmail(other) === normalizeEmail(email) || !identityMatches(id, { email: other }))
      }),
      { numRuns: 100 },
    )
  })
})

describe('ids', () => {
  it('nameUuid is RFC 9562 version 5 (URL namespace)', () => {
    // python3: uuid.uuid5(uuid.NAMESPACE_URL, 'https://mc.example.org/badges/x#rubric')
    expect(nameUuid('https://mc.example.org/badges/x#rubric')).toBe('0d4b7683-e56d-51b6-afd1-e3ae6d1436b9')
  })
  it.each([
    ['Modeling Comprehension Through Think-Alouds', 'modeling-comprehension-through-think-alouds'],
    ['Évaluer  l’écriture!', 'evaluer-l-ecriture'],
    ['***', 'badge'],
  ])('slugify(%j)', (name, slug) => expect(slugify(name)).toBe(slug))
})
