/**
 * Hostile input: random byte flips, truncations, splices and pathological shapes give a result or a
 * typed OpenBadgesError, never another exception, and finish (every scan is linear; a quadratic one
 * would exceed the test timeout on these sizes).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { OpenBadgesError } from '../../src/errors.js'
import { bake, extract } from '../../src/bake/index.js'
import { smallPng, badgeTexts } from './arbitraries.js'
import { generatedSvg } from './svg-arbitraries.js'

/** Runs fn; passes if it returns or throws an OpenBadgesError; returns the error code or 'ok'. */
function outcome(fn: () => unknown): string {
  try {
    fn()
    return 'ok'
  } catch (e) {
    if (e instanceof OpenBadgesError) return e.code
    throw e
  }
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }), count: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
)

function mutate(bytes: Uint8Array, m: { kind: string; at: number; xor?: number; count?: number; bytes?: Uint8Array }): Uint8Array {
  const at = m.at % Math.max(1, bytes.length)
  if (m.kind === 'truncate') return bytes.slice(0, at)
  if (m.kind === 'insert') return new Uint8Array([...bytes.subarray(0, at), ...(m.bytes as Uint8Array), ...bytes.subarray(at)])
  const out = bytes.slice()
  for (let i = 0; i < (m.count ?? 1); i++) {
    const j = (at + i * 7919) % Math.max(1, out.length)
    out[j] = ((out[j] as number) ^ (m.xor as number)) & 0xff
  }
  return out
}

describe('hostile bytes give typed errors only', () => {
  it('baked PNGs with flipped, cut or inserted bytes (property)', () => {
    const seen = new Set<string>()
    fc.assert(
      fc.property(smallPng, badgeTexts, mutation, (png, text, m) => {
        const bad = mutate(bake(png, text), m)
        seen.add(outcome(() => extract(bad)))
        outcome(() => bake(bad, text))
      }),
      { numRuns: 300 },
    )
    // the mutations reach the checks: several different typed errors were produced
    expect(seen.size).toBeGreaterThan(3)
  })

  it('baked SVGs with flipped, cut or inserted bytes (property)', () => {
    const seen = new Set<string>()
    fc.assert(
      fc.property(generatedSvg, mutation, (doc, m) => {
        const bad = mutate(bake(new TextEncoder().encode(doc.text), 'eyJ.a.b'), m)
        seen.add(outcome(() => extract(bad)))
        outcome(() => bake(bad, '{"id":"urn:x"}'))
      }),
      { numRuns: 300 },
    )
    expect(seen.size).toBeGreaterThan(3)
  })

  it('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.constantFrom([], [0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10], [0x3c]), (tail, head) => {
        const bytes = new Uint8Array([...head, ...tail])
        outcome(() => extract(bytes))
        outcome(() => bake(bytes, 'x'))
      }),
      { numRuns: 300 },
    )
  })
})

describe('pathological SVG shapes finish (linear scanning)', () => {
  const enc = (s: string) => new TextEncoder().encode(s)
  const N = 300_000
  it.each<[string, () => string, string]>([
    ['an unterminated comment full of dashes', () => `<svg><!--${'-'.repeat(4 * N)}`, 'SVG_MALFORMED'],
    ['an unterminated CDATA full of brackets', () => `<svg><![CDATA[${']'.repeat(4 * N)}`, 'SVG_MALFORMED'],
    ['an unterminated PI full of question marks', () => `<svg><?p ${'?'.repeat(4 * N)}`, 'SVG_MALFORMED'],
    ['deep nesting, never closed', () => `<svg>${'<g>'.repeat(N)}`, 'SVG_MALFORMED'],
    ['deep nesting of prefixed elements', () => `<svg xmlns:p="urn:p">${'<p:g>'.repeat(N)}${'</p:g>'.repeat(N)}</svg>`, 'ok'],
    ['deep nesting with a declaration at every level', () => `<svg>${'<g xmlns:p="urn:p">'.repeat(N / 2)}${'</g>'.repeat(N / 2)}</svg>`, 'ok'],
    ['a huge number of attributes', () => `<svg ${Array.from({ length: N / 3 }, (_, i) => `a${i}="${i}"`).join(' ')}/>`, 'ok'],
    ['ampersands without semicolons in a verify attribute', () => `<svg xmlns:o="http://openbadges.org"><o:assertion verify="${'&'.repeat(4 * N)}"/></svg>`, 'SVG_MALFORMED'],
    ['many CDATA sections in a body', () => `<svg xmlns:o="http://openbadges.org"><o:assertion verify="v">${'<![CDATA[a]]>'.repeat(N / 3)}</o:assertion></svg>`, 'ok'],
    ['many character references in a body', () => `<svg xmlns:o="http://openbadges.org"><o:assertion verify="v">${'&amp;'.repeat(N)}</o:assertion></svg>`, 'ok'],
    ['many comments separated by white space in a body', () => `<svg xmlns:o="http://openbadges.org"><o:assertion verify="v">${' <!---->'.repeat(N / 4)} </o:assertion></svg>`, 'ok'],
    ['a long run of inner spaces in a body', () => `<svg xmlns:o="http://openbadges.org"><o:assertion verify="v">a${' '.repeat(4 * N)}b</o:assertion></svg>`, 'ok'],
    ['many nested svg elements', () => `<svg>${'<svg>'.repeat(N / 2)}${'</svg>'.repeat(N / 2)}</svg>`, 'ok'],
    ['an unterminated quote after many spaces', () => `<svg${' '.repeat(4 * N)}a="`, 'SVG_MALFORMED'],
  ])('%s', (_name, make, code) => {
    expect(outcome(() => extract(enc(make())))).toBe(code)
  })
})
