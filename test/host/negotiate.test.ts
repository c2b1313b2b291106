import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatOverride, negotiate, parseAccept } from '../../src/host/negotiate.js'

describe('negotiate', () => {
  it.each([
    [null, 'ld+json'],
    ['application/json', 'json'],
    ['application/json; charset=utf-8', 'json'],
    ['APPLICATION/JSON', 'json'],
    ['application/ld+json; profile="https://www.w3.org/ns/json-ld#compacted"', 'ld+json'],
    ['text/html;q=0.9, application/json;q=0.8', 'html'],
    ['text/*', 'html'],
    ['text/plain', 'ld+json'],
    ['application/json;q=abc', 'ld+json'],
  ] as const)('%j → %s', (accept, expected) => {
    expect(negotiate(accept)).toBe(expected)
  })
  it('never chooses HTML when HTML is disabled', () => {
    expect(negotiate('text/html', false)).toBe('ld+json')
  })
  it('always answers one of the three representations and never throws (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (accept) => {
        expect(['ld+json', 'json', 'html']).toContain(negotiate(accept))
      }),
      { numRuns: 200 },
    )
  })
  it('bounds the work on huge headers', () => {
    const ranges = parseAccept('a/b,'.repeat(100_000))
    expect(ranges.length).toBeLessThanOrEqual(64)
  })
  it('reads ?format overrides', () => {
    expect(formatOverride('JSON')).toBe('json')
    expect(formatOverride('json-ld')).toBe('ld+json')
    expect(formatOverride('html')).toBe('html')
    expect(formatOverride('xml')).toBeNull()
    expect(formatOverride(null)).toBeNull()
  })
})
