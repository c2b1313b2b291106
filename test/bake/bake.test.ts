import { describe, expect, it } from 'vitest'
import { isOpenBadgesError } from '../../src/errors.js'
import { bake, extract, detectImageFormat, BAKE_CODES, BakeError, PngError, SvgError } from '../../src/bake/index.js'
import { encodePng } from './png-encoder.js'

const enc = (s: string) => new TextEncoder().encode(s)
const png = encodePng({ width: 2, height: 2, colorType: 6 })
const svg = enc('\ufeff\n  <svg xmlns="http://www.w3.org/2000/svg"/>')

describe('bake / extract detect the format from the bytes', () => {
  it('detects PNG, SVG, and neither', () => {
    expect(detectImageFormat(png)).toBe('png')
    expect(detectImageFormat(svg)).toBe('svg')
    expect(detectImageFormat(enc('<?xml version="1.0"?><svg/>'))).toBe('svg')
    expect(detectImageFormat(enc('GIF89a'))).toBeNull()
    expect(detectImageFormat(new Uint8Array(0))).toBeNull()
  })

  it('round-trips through both formats', () => {
    const jws = 'eyJhbGciOiJFUzI1NiJ9.eyJ0eXBlIjoiQXNzZXJ0aW9uIn0.c2ln'
    expect(extract(bake(png, jws))).toEqual({ baked: true, format: 'png', form: 'itxt', text: jws })
    expect(extract(bake(svg, jws))).toEqual({ baked: true, format: 'svg', form: 'svg-verify', text: jws })
    const hosted = { id: 'https://example.org/assertions/1', type: 'Assertion' }
    expect(extract(bake(svg, hosted))).toEqual({ baked: true, format: 'svg', form: 'svg-body', text: JSON.stringify(hosted) })
  })

  it('answers baked:false for unbaked images', () => {
    expect(extract(png)).toEqual({ baked: false, format: 'png' })
    expect(extract(svg)).toEqual({ baked: false, format: 'svg' })
  })

  it('throws IMAGE_UNKNOWN_FORMAT for other bytes, and TypeError for non-bytes', () => {
    for (const fn of [() => extract(enc('GIF89a')), () => bake(enc('\xff\xd8\xff'), 'x'), () => extract(new Uint8Array(0))]) {
      expect(fn).toThrow(BakeError)
      expect(fn).toThrow(expect.objectContaining({ code: 'IMAGE_UNKNOWN_FORMAT' }))
    }
    expect(() => extract('<svg/>' as unknown as Uint8Array)).toThrow(TypeError)
    expect(() => bake(png, null as unknown as string)).toThrow(TypeError)
  })

  it('exposes typed errors that are OpenBadgesErrors, with every code listed', () => {
    const codes = [...BAKE_CODES.png, ...BAKE_CODES.svg, ...BAKE_CODES.bake]
    expect(new Set(codes).size).toBe(codes.length)
    for (const e of [new PngError('PNG_TRUNCATED', 'm'), new SvgError('SVG_NOT_SVG', 'm'), new BakeError('IMAGE_UNKNOWN_FORMAT', 'm')]) {
      expect(isOpenBadgesError(e)).toBe(true)
      expect(codes).toContain(e.code)
    }
  })
})

describe('docs/baking.md', () => {
  it('documents every error code', async () => {
    const { readFileSync } = await import('node:fs')
    const doc = readFileSync(new URL('../../docs/baking.md', import.meta.url), 'utf8')
    for (const code of [...BAKE_CODES.png, ...BAKE_CODES.svg, ...BAKE_CODES.bake]) expect(doc).toContain(`\`${code}\``)
  })
})
