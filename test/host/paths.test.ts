import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  assertStoreKey,
  idForKey,
  isPublicKey,
  isStoreKey,
  isTraversalTarget,
  keyForId,
  keyForPathname,
  normalizeBaseUrl,
} from '../../src/host/paths.js'

describe('store keys', () => {
  it.each(['assertions/a.json', 'a', 'images/mc 1.png', 'x/y/z/ü.json'])('accepts %j', (key) => {
    expect(isPublicKey(key)).toBe(true)
  })
  it.each(['', '/a', 'a/', 'a//b', '../a', 'a/../b', './a', 'a/.', '.hidden', 'a/.git/config', 'a\\b', 'a\u0000b', 'C:x', 'a/b.', 'x'.repeat(2000)])(
    'refuses %j',
    (key) => {
      expect(isPublicKey(key)).toBe(false)
      expect(() => assertStoreKey(key)).toThrow(expect.objectContaining({ code: 'HOST_INVALID_KEY' }))
    },
  )
  it('allows the private .omc/ area only as a store key', () => {
    expect(isStoreKey('.omc/batch/salt')).toBe(true)
    expect(isPublicKey('.omc/batch/salt')).toBe(false)
    expect(isStoreKey('.omc/../x')).toBe(false)
    expect(isStoreKey('.other/x')).toBe(false)
  })
  it('never accepts a key with a dot segment or a separator inside a segment (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { minLength: 1, maxLength: 5 }), (segments) => {
        const key = segments.join('/')
        if (isStoreKey(key)) {
          for (const s of key.split('/')) {
            if (s === '.omc') continue
            expect(s === '' || s === '.' || s === '..' || s.includes('\\') || s.includes('\u0000')).toBe(false)
          }
        }
      }),
      { numRuns: 200 },
    )
  })
})

describe('ids and paths', () => {
  const base = 'https://b.example/badges/'
  it('maps ids under the base URL to keys', () => {
    expect(keyForId('https://b.example/badges/assertions/1.json', base)).toBe('assertions/1.json')
    expect(keyForId('https://b.example/badges/assertions/1', base)).toBe('assertions/1.json')
    expect(keyForId('https://b.example/badges/a%20b.json', base)).toBe('a b.json')
    expect(keyForId('https://other.example/badges/a.json', base)).toBeNull()
    expect(keyForId('https://b.example/elsewhere/a.json', base)).toBeNull()
    expect(keyForId('https://b.example/badges/a.json?x=1', base)).toBeNull()
    expect(keyForId('urn:uuid:1234', base)).toBeNull()
    expect(keyForId('not a url', base)).toBeNull()
  })
  it('round-trips key → id → key (property)', () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9_-][A-Za-z0-9 _-]{0,10}[A-Za-z0-9_-]$/)
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), (segments) => {
        const key = `${segments.join('/')}.json`
        expect(keyForId(idForKey(key, base), base)).toBe(key)
      }),
      { numRuns: 100 },
    )
  })
  it('refuses unsafe keys when building ids', () => {
    expect(() => idForKey('../x.json', base)).toThrow(expect.objectContaining({ code: 'HOST_INVALID_KEY' }))
  })
  it('normalises and checks base URLs', () => {
    expect(normalizeBaseUrl('https://b.example/x').href).toBe('https://b.example/x/')
    for (const bad of ['ftp://b.example/', 'nope', 'https://b.example/?q=1', 'https://u:p@b.example/']) {
      expect(() => normalizeBaseUrl(bad)).toThrow(expect.objectContaining({ code: 'HOST_INVALID_BASE_URL' }))
    }
  })
  it('maps request paths to keys, refusing encoded separators and dot segments', () => {
    expect(keyForPathname('/badges/a/b.json', '/badges/')).toBe('a/b.json')
    expect(keyForPathname('/a/b.json', '/badges/')).toBeNull()
    expect(keyForPathname('/badges/a/..%2fb', '/badges/')).toBeNull()
    expect(keyForPathname('/badges/%2e%2e', '/badges/')).toBeNull()
    expect(keyForPathname('/badges/a%5cb', '/badges/')).toBeNull()
    expect(keyForPathname('/badges/a%00', '/badges/')).toBeNull()
    expect(keyForPathname('/badges/%E0%A4%A', '/badges/')).toBeNull()
  })
})

describe('raw request targets', () => {
  it.each([
    ['/a/../b', true],
    ['/a/%2e%2e/b', true],
    ['/a/%2E./b', true],
    ['/a/./b', true],
    ['/..', true],
    ['/a\\b', true],
    ['/a%5Cb', true],
    ['/a%2fb', true],
    ['/a%00', true],
    ['/a/b.json', false],
    ['/a/b.json?x=../..', false],
    ['/a/..b/c', false],
    ['/a/b..json', false],
  ])('%j traversal: %s', (target, expected) => {
    expect(isTraversalTarget(target)).toBe(expected)
  })
})

describe('ids without a known extension', () => {
  it('stores versioned and UUID ids as <path>.json', () => {
    const base = 'https://mc.example.org/'
    expect(keyForId('https://mc.example.org/badges/think-alouds/v1.2', base)).toBe('badges/think-alouds/v1.2.json')
    expect(keyForId('https://mc.example.org/issuer', base)).toBe('issuer.json')
    expect(keyForId('https://mc.example.org/assertions/0b7a9c1e-1d2f-4a3b-8c4d-5e6f7a8b9c0d', base)).toBe(
      'assertions/0b7a9c1e-1d2f-4a3b-8c4d-5e6f7a8b9c0d.json',
    )
    expect(keyForId('https://mc.example.org/images/x.PNG', base)).toBe('images/x.PNG')
  })
})
