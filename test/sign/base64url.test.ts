import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeBase64, decodeBase64url, decodeBase64urlPortable, encodeBase64, encodeBase64url } from '../../src/sign/base64url.js'

describe('strict base64url', () => {
  for (const [name, decode] of [
    ['native (Buffer) path', decodeBase64url],
    ['portable path', decodeBase64urlPortable],
  ] as const) {
    it(`${name}: round trips any bytes and agrees with Buffer`, () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
          const text = encodeBase64url(bytes)
          expect(text).toBe(Buffer.from(bytes).toString('base64url'))
          expect(decode(text)).toEqual(new Uint8Array(bytes))
        }),
        { numRuns: 200 },
      )
    })

    it(`${name}: refuses padding, foreign characters, impossible lengths and non-canonical trailing bits`, () => {
      for (const bad of ['AA==', 'A', 'AAAAA', 'a+b/', 'AA AA', 'AB', 'AAB', 'Zm9vYmFy\n', 'é']) {
        expect(decode(bad), bad).toBeUndefined()
      }
      expect(decode('')).toEqual(new Uint8Array())
      expect(decode('AA')).toEqual(Uint8Array.from([0]))
      expect(decode('AAA')).toEqual(Uint8Array.from([0, 0]))
    })

    it(`${name}: any string decodes only if it is the canonical encoding of the result`, () => {
      fc.assert(
        fc.property(fc.string({ unit: fc.constantFrom(...'AB09az-_+/= .'.split('')), maxLength: 12 }), (text) => {
          const bytes = decode(text)
          if (bytes) expect(encodeBase64url(bytes)).toBe(text)
        }),
        { numRuns: 300 },
      )
    })
  }

  it('standard base64 (PEM bodies) round trips', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const text = encodeBase64(bytes)
        expect(text).toBe(Buffer.from(bytes).toString('base64'))
        expect(decodeBase64(text)).toEqual(new Uint8Array(bytes))
      }),
      { numRuns: 100 },
    )
    expect(decodeBase64('AA-_')).toBeUndefined()
    expect(decodeBase64('AAA')).toEqual(Uint8Array.from([0, 0]))
  })
})
