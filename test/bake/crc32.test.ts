import { crc32 as zlibCrc32 } from 'node:zlib'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { crc32 } from '../../src/bake/index.js'

describe('crc32', () => {
  it('matches the standard check value and the empty input', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926)
    expect(crc32(new Uint8Array(0))).toBe(0)
    // the CRC of an IEND chunk (type only), as found in every PNG
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082)
  })

  it('agrees with node:zlib on any bytes, any range, and when continued (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.nat(), fc.nat(), (bytes, a, b) => {
        const s = a % (bytes.length + 1)
        const e = s + (b % (bytes.length - s + 1))
        expect(crc32(bytes, s, e)).toBe(zlibCrc32(bytes.subarray(s, e)))
        const mid = s + ((e - s) >> 1)
        expect(crc32(bytes, mid, e, crc32(bytes, s, mid))).toBe(zlibCrc32(bytes.subarray(s, e)))
      }),
      { numRuns: 200 },
    )
  })
})
