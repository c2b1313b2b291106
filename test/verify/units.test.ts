import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parseDateTime } from '../../src/verify/dates.js'
import { detectInput } from '../../src/verify/input.js'
import { jsonDepth, parseJson } from '../../src/verify/json.js'
import { detectVersion, upgradeAssertion, upgradeBadgeClass, upgradeDate, upgradeIssuer, upgradeRevocationList } from '../../src/verify/upgrade.js'
import { VERIFY_CODES } from '../../src/verify/index.js'
import { TINY_PNG } from './helpers.js'

describe('input detection', () => {
  it.each([
    ['https://example.org/a', 'url'],
    ['  http://example.org/a\n', 'url'],
    ['{"a":1}', 'json'],
    ['\uFEFF {"a":1}', 'json'],
    ['eyJhbGciOiJSUzI1NiJ9.eyJhIjoxfQ.c2ln', 'jws'],
    ['eyJhbGciOiJub25lIn0.eyJhIjoxfQ.', 'jws'],
    ['<svg xmlns="http://www.w3.org/2000/svg"></svg>', 'svg'],
    ['file:///etc/passwd', 'unrecognized'],
    ['ftp://example.org/a', 'unrecognized'],
    ['hello world', 'unrecognized'],
  ])('%j → %s', (input, kind) => {
    expect(detectInput(input).kind).toBe(kind)
  })

  it('bytes: PNG, SVG, text, garbage', () => {
    expect(detectInput(TINY_PNG).kind).toBe('png')
    expect(detectInput(TINY_PNG.buffer.slice(0) as ArrayBuffer).kind).toBe('png')
    expect(detectInput(new TextEncoder().encode('<?xml version="1.0"?>\n<!-- c -->\n<svg></svg>')).kind).toBe('svg')
    expect(detectInput(new TextEncoder().encode('{"a":1}')).kind).toBe('json')
    expect(detectInput(new Uint8Array([0, 1, 2, 3])).kind).toBe('unrecognized')
    expect(detectInput({ a: 1 }).kind).toBe('object')
  })

  it.each([undefined, null, 1, true, ['x'], new Uint16Array(2), () => 1])('%s is API misuse (TypeError)', (input) => {
    expect(() => detectInput(input)).toThrow(TypeError)
  })
})

describe('bounded JSON', () => {
  it('measures depth outside strings', () => {
    expect(jsonDepth('{"a":"[[[[{{{{"}')).toBe(1)
    expect(jsonDepth('[[{"a":[1]}]]')).toBe(4)
    expect(jsonDepth('"\\"[["')).toBe(0)
  })

  it('agrees with JSON.parse on any JSON value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const parsed = parseJson(JSON.stringify(value))
        expect(parsed.ok).toBe(true)
        if (parsed.ok) expect(parsed.value).toEqual(JSON.parse(JSON.stringify(value)))
      }),
      { numRuns: 150 },
    )
  })
})

describe('DateTime parsing', () => {
  it.each([
    ['2016-12-31T23:59:59Z', Date.UTC(2016, 11, 31, 23, 59, 59)],
    ['2016-12-31T23:59:59+00:00', Date.UTC(2016, 11, 31, 23, 59, 59)],
    ['2016-12-31T23:59:59.123456-05:00', Date.UTC(2017, 0, 1, 4, 59, 59, 123)],
    ['2016-12-31T23:59+0100', Date.UTC(2016, 11, 31, 22, 59)],
    // Forms the data validation (schema/) accepts: the date checks read them the same way.
    ['2016-12-31T23:59:59+01', Date.UTC(2016, 11, 31, 22, 59, 59)],
    ['2016-12-31T23:59:60Z', Date.UTC(2017, 0, 1, 0, 0, 0)],
  ])('%s', (text, ms) => {
    expect(parseDateTime(text)).toBe(ms)
  })

  it.each(['2016-12-31T23:59:59', '2016-12-31', '2021-02-30T00:00:00Z', '2016-13-01T00:00:00Z', 'yesterday', 1483228799, null])('%j is not a DateTime with zone', (text) => {
    expect(parseDateTime(text)).toBeNull()
  })
})

describe('Open Badges 1.x upgrade', () => {
  it('detects versions', () => {
    expect(detectVersion({ '@context': 'https://w3id.org/openbadges/v2' })).toBe('2.0')
    expect(detectVersion({ '@context': ['https://w3id.org/openbadges/v2', { a: 'b' }] })).toBe('2.0')
    expect(detectVersion({ '@context': 'https://w3id.org/openbadges/v1' })).toBe('1.1')
    expect(detectVersion({ uid: 'x', verify: { type: 'hosted', url: 'http://a' } })).toBe('1.0')
    expect(detectVersion({ recipient: 'a@b.c', badge: { issuer: { origin: 'http://a' } } })).toBe('0.5')
    expect(detectVersion({ hello: 'world' })).toBe('unknown')
  })

  it('upgrades a 1.0 hosted assertion', () => {
    const v1 = { uid: '123abc', recipient: { identity: 'a@b.c', hashed: false, type: 'email' }, badge: 'http://a.com/bc', issuedOn: '2015-04-30', verify: { type: 'hosted', url: 'http://a.com/instance' } }
    const v2 = upgradeAssertion(v1)
    expect(v2).toMatchObject({
      '@context': 'https://w3id.org/openbadges/v2',
      type: 'Assertion',
      id: 'http://a.com/instance',
      verification: { type: 'HostedBadge' },
      issuedOn: '2015-04-30T00:00:00Z',
    })
    expect(v2.verify).toBeUndefined()
    expect(v1.verify).toBeDefined() // input untouched
  })

  it('upgrades a 1.x signed assertion: verify.url becomes the creator', () => {
    const v2 = upgradeAssertion({ '@context': 'https://w3id.org/openbadges/v1', uid: 'x', verify: { type: 'signed', url: 'https://a.example/key.pem' }, issuedOn: 1420070400 })
    expect(v2.verification).toEqual({ type: 'SignedBadge', creator: 'https://a.example/key.pem' })
    expect(v2.issuedOn).toBe('2015-01-01T00:00:00.000Z')
  })

  it('upgrades dates, BadgeClass alignment, issuer and 1.x revocation lists', () => {
    expect(upgradeDate('2016-12-31T23:59:59')).toBe('2016-12-31T23:59:59Z')
    expect(upgradeDate('1420070400')).toBe('2015-01-01T00:00:00.000Z')
    expect(upgradeDate('2016-12-31T23:59:59+02:00')).toBe('2016-12-31T23:59:59+02:00')
    const bc = upgradeBadgeClass({ name: 'B', alignment: [{ name: 'CCSS', url: 'http://x', description: 'd' }] }, 'http://a.com/bc')
    expect(bc).toMatchObject({ id: 'http://a.com/bc', type: 'BadgeClass', alignment: [{ targetName: 'CCSS', targetUrl: 'http://x', targetDescription: 'd' }] })
    expect(upgradeIssuer({ name: 'I', url: 'http://a.com' }, 'http://a.com/issuer')).toMatchObject({ id: 'http://a.com/issuer', type: 'Issuer' })
    expect(upgradeRevocationList({ abc: 'Cheated', 'https://a.example/1': '' }, 'https://a.example/rev')).toEqual({
      '@context': 'https://w3id.org/openbadges/v2',
      type: 'RevocationList',
      id: 'https://a.example/rev',
      revokedAssertions: [{ uid: 'abc', revocationReason: 'Cheated' }, { id: 'https://a.example/1' }],
    })
  })
})

describe('codes', () => {
  it('every code has a severity and a summary', () => {
    for (const [code, info] of Object.entries(VERIFY_CODES)) {
      expect(code).toMatch(/^[A-Z0-9_]+$/)
      expect(['error', 'warning', 'info']).toContain(info.severity)
      expect(info.summary.length).toBeGreaterThan(10)
    }
  })
})

describe('docs/verification.md', () => {
  it('documents every finding code with its severity', async () => {
    const { readFileSync } = await import('node:fs')
    const doc = readFileSync(new URL('../../docs/verification.md', import.meta.url), 'utf8')
    for (const [code, info] of Object.entries(VERIFY_CODES)) {
      expect(doc, code).toMatch(new RegExp(`\\| \`${code}\` \\| ${info.severity} \\|`))
    }
  })
})
