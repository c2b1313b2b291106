/**
 * The fast SVG scanner (string + indexOf, no per-tag allocation) against the previous byte-level
 * scanner kept as an oracle in svg-scan-reference.ts: on generated documents, mutated documents and
 * markup soup they must find the same root, the same assertion elements (same byte ranges) and the
 * same encoding, or fail with the same error code.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SvgError } from '../../src/bake/errors.js'
import { bake } from '../../src/bake/index.js'
import { scanSvg } from '../../src/bake/svg-scan.js'
import { byteString } from '../../src/bake/text.js'
import { referenceScanSvg } from './svg-scan-reference.js'
import { generatedSvg } from './svg-arbitraries.js'

const enc = (s: string) => new TextEncoder().encode(s)

function outcome(scan: (b: Uint8Array, max: number) => { encoding: string | null; root: unknown; assertions: unknown }, bytes: Uint8Array): unknown {
  try {
    const { encoding, root, assertions } = scan(bytes, 1 << 24)
    return { encoding, root, assertions }
  } catch (e) {
    if (e instanceof SvgError) return { code: e.code }
    throw e
  }
}

function same(bytes: Uint8Array): unknown {
  const expected = outcome(referenceScanSvg, bytes)
  expect(outcome(scanSvg, bytes)).toEqual(expected)
  return expected
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 6 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 6 }) }),
)

function mutate(b: Uint8Array, m: { kind: string; at: number; xor?: number; bytes?: Uint8Array; count?: number }): Uint8Array {
  const at = m.at % Math.max(1, b.length)
  switch (m.kind) {
    case 'truncate':
      return b.slice(0, at)
    case 'insert':
      return new Uint8Array([...b.subarray(0, at), ...(m.bytes as Uint8Array), ...b.subarray(at)])
    case 'delete':
      return new Uint8Array([...b.subarray(0, at), ...b.subarray(at + (m.count as number))])
    default: {
      const out = b.slice()
      out[at] = ((out[at] as number) ^ (m.xor as number)) & 0xff
      return out
    }
  }
}

/** Markup soup: tokens that exercise every branch of both scanners. */
const token = fc.constantFrom(
  '<', '>', '/', '/>', '</', '<!--', '-->', '<![CDATA[', ']]>', '<?', '?>', '<!DOCTYPE svg>', '<!ENTITY', '<!x', '"', "'", '=', ' ', '\n', '\t', '\r',
  'svg', 's:svg', 'g', 'assertion', 'o:assertion', 'openbadges:assertion', ':', 'x:', 'xmlns', 'xmlns:o', 'xmlns:openbadges', 'xmlnsx', 'verify',
  '="http://openbadges.org"', '="http://www.w3.org/2000/svg"', '=""', '="urn:x"', ' a="1"', "b='>'", '&amp;', '&x;', '&#65;', 'caf\u00e9', '\u2603',
)
const soup = fc.tuple(
  fc.constantFrom('<svg>', '<svg xmlns:o="http://openbadges.org">', '<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">', '<s:svg xmlns:s="http://www.w3.org/2000/svg">', ''),
  fc.array(token, { maxLength: 40 }),
  fc.constantFrom('</svg>', '</s:svg>', '', '</svg>\n<!-- end -->'),
).map(([head, body, tail]) => `${head}${body.join('')}${tail}`)

describe('fast SVG scanner agrees with the reference scanner', () => {
  it('on generated documents, plain and baked (property)', () => {
    fc.assert(
      fc.property(generatedSvg, fc.boolean(), (doc, baked) => {
        const bytes = enc(doc.text)
        same(baked ? bake(bytes, 'eyJ.a.b') : bytes)
      }),
      { numRuns: 200 },
    )
  })

  it('on mutated documents: flipped, cut, inserted and deleted bytes (property)', () => {
    const seen = new Set<string>()
    fc.assert(
      fc.property(generatedSvg, fc.array(mutation, { minLength: 1, maxLength: 3 }), (doc, ms) => {
        let bytes = bake(enc(doc.text), '{"id":"urn:x"}')
        for (const m of ms) bytes = mutate(bytes, m)
        seen.add(JSON.stringify((same(bytes) as { code?: string }).code ?? 'ok'))
      }),
      { numRuns: 300 },
    )
    expect(seen.size).toBeGreaterThan(3)
  })

  it('on markup soup (property)', () => {
    const seen = new Set<string>()
    fc.assert(
      fc.property(soup, (text) => {
        seen.add(JSON.stringify((same(enc(text)) as { code?: string }).code ?? 'ok'))
      }),
      { numRuns: 400 },
    )
    expect(seen.size).toBeGreaterThan(3)
  })

  it.each<[string, string]>([
    ['prefixed element names', '<svg xmlns:p="urn:p"><p:g><p:rect/></p:g></svg>'],
    ['an undeclared prefix on an ordinary element', '<svg><p:g/></svg>'],
    ['an empty prefix', '<svg xmlns="urn:d"><:g/></svg>'],
    ['an end tag with trailing space', '<svg><g></g  ></svg >'],
    ['an end tag with a longer name', '<svg><g></gg></svg>'],
    ['an end tag with a shorter name', '<svg><gg></g></svg>'],
    ['an end tag with junk', '<svg><g></g x></svg>'],
    ['an end tag cut short', '<svg><g></g'],
    ['">" inside attribute values', `<svg><g a=">" b='>'/><g c="/>"></g></svg>`],
    ['attributes without separating space', '<svg><g a="1"b="2"/></svg>'],
    ['an attribute without a value', '<svg><g a/></svg>'],
    ['an unquoted attribute', '<svg><g a=1/></svg>'],
    ['"/" not followed by ">"', '<svg><g / ></svg>'],
    ['xmlns-like attribute names', '<svg><g xmlnsfoo="x" xmlns:a="urn:a"><a:b/></g></svg>'],
    ['a nested svg in another namespace', '<svg xmlns:o="http://openbadges.org"><svg xmlns="urn:x"><o:assertion verify="v"/></svg></svg>'],
    ['non-ASCII names and prefixes', '<svg xmlns:\u00e9="http://openbadges.org" xmlns:\u00e8="urn:x"><\u00e8:assertion verify="a"/><\u00e9:assertion verify="b"/></svg>'],
  ])('%s', (_name, text) => {
    same(enc(text))
  })

  it('on documents that are not UTF-8, or start with a BOM', () => {
    same(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('<svg xmlns:o="http://openbadges.org"><o:assertion verify="x"/></svg>')]))
    same(new Uint8Array([...enc('<svg xmlns:o="http://openbadges.org"><g a="'), 0xff, 0xc3, ...enc('"/><o:assertion verify="'), 0x80, ...enc('"/></svg>')]))
    same(new Uint8Array([...enc('<svg xmlns:\u00e9="http://openbadges.org" xmlns:'), 0xe9, ...enc('="urn:x"><'), 0xe9, ...enc(':assertion verify="a"/></svg>')]))
  })
})

describe('byteString', () => {
  it('gives one char per byte, ASCII unchanged, distinct bytes as distinct chars, with or without a latin1 decoder (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (bytes, withDecoder) => {
        const s = withDecoder ? byteString(bytes) : byteString(bytes, null)
        expect(s.length).toBe(bytes.length)
        for (let i = 0; i < bytes.length; i++) {
          const b = bytes[i] as number
          const c = s.charCodeAt(i)
          if (b < 0x80) expect(c).toBe(b)
          else expect(c).toBeGreaterThanOrEqual(0x80)
        }
      }),
      { numRuns: 200 },
    )
    const all = Uint8Array.from({ length: 256 }, (_, i) => i)
    expect(new Set(byteString(all)).size).toBe(256)
    expect(new Set(byteString(all, null)).size).toBe(256)
  })
})
