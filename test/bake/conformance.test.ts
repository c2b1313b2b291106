/** Every baked image among the shared Open Badges 2.0 conformance scenarios extracts to the right text. */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { bake, extract } from '../../src/bake/index.js'

const dir = fileURLToPath(new URL('../../../shared/conformance/ob2-scenarios/', import.meta.url))
const present = existsSync(dir)
if (!present) console.warn(`[bake conformance] skipped: ${dir} is absent (the shared conformance scenarios are not shipped with the package)`)

const read = (p: string) => new Uint8Array(readFileSync(dir + p))
const json = (p: string) => JSON.parse(readFileSync(dir + p, 'utf8')) as Record<string, unknown>

describe.skipIf(!present)('ob2-scenarios baked images', () => {
  it('baked_png: the hosted assertion JSON from the iTXt chunk', () => {
    const found = extract(read('baked_png/badge.png'))
    expect(found).toMatchObject({ baked: true, format: 'png', form: 'itxt' })
    const assertion = JSON.parse(found.baked ? found.text : '') as Record<string, unknown>
    expect(assertion).toEqual(json('baked_png/doc00.json')) // the hosted copy of the same assertion
  })

  it('baked_png_signed: a JWS whose payload is an Assertion', () => {
    const found = extract(read('baked_png_signed/badge.png'))
    expect(found).toMatchObject({ baked: true, format: 'png', form: 'itxt' })
    const text = found.baked ? found.text : ''
    expect(text).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/)
    const payload = JSON.parse(Buffer.from(text.split('.')[1] as string, 'base64url').toString('utf8')) as Record<string, unknown>
    expect(payload).toMatchObject({ type: 'Assertion', badge: 'https://example.org/robotics-badge.json' })
  })

  it('baked_svg: the hosted assertion JSON from the CDATA body', () => {
    const found = extract(read('baked_svg/badge.svg'))
    expect(found).toMatchObject({ baked: true, format: 'svg', form: 'svg-body' })
    expect(JSON.parse(found.baked ? found.text : '')).toEqual(json('baked_svg/doc00.json'))
  })

  it('baked_svg_signed: the JWS (the body repeats the verify attribute)', () => {
    const svg = read('baked_svg_signed/badge.svg')
    const found = extract(svg)
    expect(found).toMatchObject({ baked: true, format: 'svg' })
    const verify = /verify="([^"]+)"/.exec(Buffer.from(svg).toString('utf8'))?.[1]
    expect(found.baked ? found.text : '').toBe(verify)
    expect(verify).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/)
  })

  it('unbaked_png: no badge', () => {
    expect(extract(read('unbaked_png/badge.png'))).toEqual({ baked: false, format: 'png' })
  })

  it('re-baking every baked image with its own text gives the same text back', () => {
    for (const f of ['baked_png/badge.png', 'baked_png_signed/badge.png', 'baked_svg/badge.svg', 'baked_svg_signed/badge.svg']) {
      const found = extract(read(f))
      if (!found.baked) throw new Error(`${f} not baked`)
      expect(extract(bake(read(f), found.text))).toMatchObject({ baked: true, text: found.text })
    }
  })
})
