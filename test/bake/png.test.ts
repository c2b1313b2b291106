import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bakePng, extractFromPng, PngError, BakeError } from '../../src/bake/index.js'
import { badgeTexts, smallPng } from './arbitraries.js'
import { encodeChunk, encodePng, isBadge, itxtChunk, parseChunks, textChunk } from './png-encoder.js'

/** The non-badge chunks, in order, as one buffer (compared with Buffer#equals: fast for 4 MB images). */
const nonBadge = (png: Uint8Array) => Buffer.concat(parseChunks(png).filter((c) => !isBadge(c)).map((c) => c.bytes))
const sameChunks = (a: Uint8Array, b: Uint8Array) => nonBadge(a).equals(nonBadge(b))

function codeOf(fn: () => unknown): string {
  try {
    fn()
  } catch (e) {
    if (e instanceof PngError || e instanceof BakeError) return e.code
    throw e
  }
  return 'no error'
}

/** Splices raw chunk bytes into a PNG just before IEND. */
function withChunkBeforeIend(png: Uint8Array, chunk: Uint8Array): Uint8Array {
  const out = new Uint8Array(png.length + chunk.length)
  out.set(png.subarray(0, png.length - 12))
  out.set(chunk, png.length - 12)
  out.set(png.subarray(png.length - 12), png.length - 12 + chunk.length)
  return out
}

const base = encodePng({ width: 4, height: 3, colorType: 2 })

describe('bakePng / extractFromPng round trip', () => {
  it('gives back the exact text and keeps every non-badge chunk byte for byte (property)', () => {
    fc.assert(
      fc.property(smallPng, badgeTexts, badgeTexts, (png, text, text2) => {
        const copy = png.slice()
        const baked = bakePng(png, text)
        expect(Buffer.from(png).equals(copy)).toBe(true) // input untouched
        expect(extractFromPng(baked)).toEqual({ baked: true, format: 'png', form: 'itxt', text })
        const chunks = parseChunks(baked) // every CRC checked by node:zlib
        expect(chunks.filter(isBadge)).toHaveLength(1)
        expect(chunks[1]?.type).toBe('iTXt')
        expect(isBadge(chunks[1] as (typeof chunks)[number])).toBe(true)
        expect(sameChunks(baked, png)).toBe(true)
        // re-baking replaces, never adds: the same bytes as baking the original
        expect(Buffer.from(bakePng(baked, text2)).equals(bakePng(png, text2))).toBe(true)
      }),
      { numRuns: 150 },
    )
  })

  it('writes the iTXt the spec describes: keyword openbadges, no compression, empty language and translated keyword', () => {
    const baked = bakePng(base, 'eyJ.x.y')
    const c = parseChunks(baked)[1]
    expect(Array.from(c?.data ?? [])).toEqual([...new TextEncoder().encode('openbadges'), 0, 0, 0, 0, 0, ...new TextEncoder().encode('eyJ.x.y')])
  })

  it('serialises an assertion object as JSON', () => {
    const assertion = { id: 'https://example.org/a/1', type: 'Assertion', note: 'ü' }
    expect(extractFromPng(bakePng(base, assertion))).toMatchObject({ baked: true, text: JSON.stringify(assertion) })
  })

  it('bakes a 4 MB PNG with many IDAT chunks and keeps them unchanged', () => {
    const big = encodePng({ width: 1024, height: 1024, colorType: 6, noise: true, level: 0, idatSize: 65536, seed: 7 })
    expect(big.length).toBeGreaterThan(4_000_000)
    fc.assert(
      fc.property(badgeTexts, (text) => {
        const baked = bakePng(big, text)
        expect(extractFromPng(baked)).toEqual({ baked: true, format: 'png', form: 'itxt', text })
        expect(sameChunks(baked, big)).toBe(true)
      }),
      { numRuns: 2 },
    )
  })

  it('accepts Buffer input and keeps bytes after IEND', () => {
    const trailing = new Uint8Array([...base, 1, 2, 3])
    const baked = bakePng(Buffer.from(trailing), 'x')
    expect(Array.from(baked.subarray(baked.length - 3))).toEqual([1, 2, 3])
    expect(extractFromPng(baked)).toMatchObject({ baked: true, text: 'x' })
  })
})

describe('extractFromPng', () => {
  it('answers baked:false for a PNG without a badge (an openbadges zTXt is not a badge chunk)', () => {
    expect(extractFromPng(base)).toEqual({ baked: false, format: 'png' })
    const z = encodePng({ width: 1, height: 1, colorType: 0, after: [{ type: 'zTXt', data: new Uint8Array([...new TextEncoder().encode('openbadges'), 0, 0, 120, 156, 3, 0, 0, 0, 0, 1]) }] })
    expect(extractFromPng(z)).toEqual({ baked: false, format: 'png' })
  })

  it('reads the legacy tEXt form (Latin-1) as form "text"', () => {
    const png = encodePng({ width: 1, height: 1, colorType: 0, before: [textChunk('openbadges', 'https://example.org/a?x=\u00e9')] })
    expect(extractFromPng(png)).toEqual({ baked: true, format: 'png', form: 'text', text: 'https://example.org/a?x=\u00e9' })
  })

  it('inflates a compressed iTXt, within the cap', () => {
    const text = JSON.stringify({ id: 'https://example.org/a', pad: 'x'.repeat(5000) })
    const png = encodePng({ width: 1, height: 1, colorType: 0, after: [itxtChunk('openbadges', text, { compressed: true, lang: 'en-GB', translated: 'Abzeichen' })] })
    expect(extractFromPng(png)).toEqual({ baked: true, format: 'png', form: 'itxt', text })
    expect(codeOf(() => extractFromPng(png, { maxInflatedBytes: 4096 }))).toBe('PNG_ITXT_TOO_LARGE')
  })

  it('reads a non-empty language tag and translated keyword on an uncompressed iTXt', () => {
    const png = encodePng({ width: 1, height: 1, colorType: 0, before: [itxtChunk('openbadges', 'abc', { lang: 'fr', translated: 'badge' })] })
    expect(extractFromPng(png)).toMatchObject({ baked: true, text: 'abc' })
  })
})

describe('PNG errors (wrong-input table)', () => {
  const itxt = (bytes: number[]) => encodeChunk({ type: 'iTXt', data: new Uint8Array([...new TextEncoder().encode('openbadges'), 0, ...bytes]) })
  const baked = bakePng(base, 'hello')
  const corrupt = (i: number) => {
    const b = baked.slice()
    b[i] = (b[i] as number) ^ 0x01
    return b
  }
  const cases: Array<[string, () => unknown, string]> = [
    ['bad signature', () => extractFromPng(corrupt(1)), 'PNG_BAD_SIGNATURE'],
    ['empty input', () => extractFromPng(new Uint8Array(0)), 'PNG_TRUNCATED'],
    ['cut inside the signature', () => extractFromPng(baked.subarray(0, 5)), 'PNG_TRUNCATED'],
    ['signature only', () => extractFromPng(baked.subarray(0, 8)), 'PNG_NO_IEND'],
    ['cut inside a chunk', () => extractFromPng(baked.subarray(0, baked.length - 5)), 'PNG_TRUNCATED'],
    ['no IEND', () => extractFromPng(baked.subarray(0, baked.length - 12)), 'PNG_NO_IEND'],
    ['bake without IEND', () => bakePng(base.subarray(0, base.length - 12), 'x'), 'PNG_NO_IEND'],
    ['CRC of the badge chunk', () => extractFromPng(corrupt(33 + 12 + 15)), 'PNG_BAD_CRC'],
    ['CRC of IHDR', () => extractFromPng(corrupt(20)), 'PNG_BAD_CRC'],
    ['first chunk not IHDR', () => extractFromPng(new Uint8Array([...baked.subarray(0, 8), ...baked.subarray(33)])), 'PNG_NO_IHDR'],
    ['chunk type not letters', () => { const b = baked.slice(); b[33 + 4] = 0x31; return extractFromPng(b) }, 'PNG_BAD_CHUNK'],
    ['chunk length over 2^31-1', () => { const b = baked.slice(); b[33] = 0x80; return extractFromPng(b) }, 'PNG_BAD_CHUNK'],
    ['two badge chunks', () => extractFromPng(withChunkBeforeIend(baked, encodeChunk(textChunk('openbadges', 'https://x')))), 'PNG_DUPLICATE_BADGE'],
    ['iTXt without compression bytes', () => extractFromPng(withChunkBeforeIend(base, itxt([]))), 'PNG_ITXT_MALFORMED'],
    ['iTXt compression flag 2', () => extractFromPng(withChunkBeforeIend(base, itxt([2, 0, 0, 0, 65]))), 'PNG_ITXT_MALFORMED'],
    ['iTXt compression method 1', () => extractFromPng(withChunkBeforeIend(base, itxt([1, 1, 0, 0, 65]))), 'PNG_ITXT_MALFORMED'],
    ['iTXt language tag unterminated', () => extractFromPng(withChunkBeforeIend(base, itxt([0, 0, 65, 66]))), 'PNG_ITXT_MALFORMED'],
    ['iTXt translated keyword unterminated', () => extractFromPng(withChunkBeforeIend(base, itxt([0, 0, 0, 65]))), 'PNG_ITXT_MALFORMED'],
    ['iTXt text not UTF-8', () => extractFromPng(withChunkBeforeIend(base, itxt([0, 0, 0, 0, 0xc3, 0x28]))), 'PNG_BAD_UTF8'],
    ['compressed iTXt, not zlib', () => extractFromPng(withChunkBeforeIend(base, itxt([1, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7]))), 'PNG_BAD_COMPRESSED_TEXT'],
    ['compressed iTXt, empty', () => extractFromPng(withChunkBeforeIend(base, itxt([1, 0, 0, 0]))), 'PNG_BAD_COMPRESSED_TEXT'],
    ['compressed iTXt, cut short', () => extractFromPng(withChunkBeforeIend(base, itxt([1, 0, 0, 0, 120, 156, 75, 76]))), 'PNG_BAD_COMPRESSED_TEXT'],
    ['bake an empty text', () => bakePng(base, ''), 'BAKE_INVALID_BADGE'],
    ['bake a lone surrogate', () => bakePng(base, 'a\ud800b'), 'BAKE_INVALID_BADGE'],
    ['bake a cyclic object', () => { const o: Record<string, unknown> = {}; o.self = o; return bakePng(base, o) }, 'BAKE_INVALID_BADGE'],
    ['bake into a bad signature', () => bakePng(corrupt(0), 'x'), 'PNG_BAD_SIGNATURE'],
  ]
  it.each(cases)('%s', (_name, fn, code) => {
    expect(codeOf(fn)).toBe(code)
  })

  it('throws TypeError for API misuse', () => {
    expect(() => extractFromPng('not bytes' as unknown as Uint8Array)).toThrow(TypeError)
    expect(() => bakePng(base, 42 as unknown as string)).toThrow(TypeError)
  })
})
