import { crc32 as zlibCrc32 } from 'node:zlib'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { crc32 } from '../../src/bake/index.js'
import { crc32Bytes, crc32Words } from '../../src/bake/crc32.js'

/** The textbook bit-at-a-time CRC-32, independent of any table. */
function bitwiseCrc32(bytes: Uint8Array): number {
  let c = 0xffffffff
  for (const byte of bytes) {
    c ^= byte
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  }
  return ~c >>> 0
}

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

  it('both paths (byte loads, aligned words) agree with the bitwise CRC on views at any byte offset (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 700 }), fc.integer({ min: 0, max: 7 }), fc.nat(), fc.nat(), fc.nat(), (raw, shift, a, b, prev) => {
        // a view whose byteOffset is not a multiple of 4 exercises the alignment prologue of the word path
        const backing = new Uint8Array(raw.length + 8)
        backing.set(raw, shift)
        const bytes = backing.subarray(shift, shift + raw.length)
        const s = a % (bytes.length + 1)
        const e = s + (b % (bytes.length - s + 1))
        const expected = bitwiseCrc32(bytes.subarray(s, e))
        expect(crc32Bytes(bytes, s, e, 0)).toBe(expected)
        expect(crc32Words(bytes, s, e, 0)).toBe(expected)
        expect(crc32(bytes, s, e)).toBe(expected)
        // continuing from any previous value
        const p = prev >>> 0
        expect(crc32Words(bytes, s, e, p)).toBe(crc32Bytes(bytes, s, e, p))
      }),
      { numRuns: 200 },
    )
  })

  it('handles lengths around the 16-byte step and the word-path threshold', () => {
    const data = Uint8Array.from({ length: 300 }, (_, i) => (i * 97 + 13) & 0xff)
    for (const length of [0, 1, 3, 4, 15, 16, 17, 31, 32, 33, 63, 64, 65, 67, 80, 255]) {
      for (const offset of [0, 1, 2, 3]) {
        const expected = bitwiseCrc32(data.subarray(offset, offset + length))
        expect(crc32(data, offset, offset + length)).toBe(expected)
        expect(crc32Bytes(data, offset, offset + length, 0)).toBe(expected)
        expect(crc32Words(data, offset, offset + length, 0)).toBe(expected)
      }
    }
  })
})
