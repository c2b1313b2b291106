/**
 * CRC-32 (ISO 3309 / ITU-T V.42, the polynomial PNG uses), table-driven with slicing-by-8 so that
 * checking a chunk costs well under a byte copy per byte. Pure TypeScript: runs in browsers.
 */

const TABLES: Uint32Array = (() => {
  const t = new Uint32Array(256 * 8)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c >>> 0
  }
  for (let n = 0; n < 256; n++) {
    let c = t[n] as number
    for (let s = 1; s < 8; s++) {
      c = (t[c & 0xff] as number) ^ (c >>> 8)
      t[s * 256 + n] = c >>> 0
    }
  }
  return t
})()

/**
 * Continues a CRC-32 over `bytes[start, end)`. Start from `0` for a fresh checksum; pass a previous
 * result to checksum several ranges as one stream.
 *
 * @example
 * ```ts
 * crc32(new TextEncoder().encode('123456789')) // 0xcbf43926
 * ```
 */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length, previous = 0): number {
  const t = TABLES
  let c = ~previous >>> 0
  let i = start
  const stop8 = end - 8
  while (i <= stop8) {
    const a = (c ^ ((bytes[i] as number) | ((bytes[i + 1] as number) << 8) | ((bytes[i + 2] as number) << 16) | ((bytes[i + 3] as number) << 24))) >>> 0
    const b = (bytes[i + 4] as number) | ((bytes[i + 5] as number) << 8) | ((bytes[i + 6] as number) << 16) | ((bytes[i + 7] as number) << 24)
    c =
      (t[1792 + (a & 0xff)] as number) ^
      (t[1536 + ((a >>> 8) & 0xff)] as number) ^
      (t[1280 + ((a >>> 16) & 0xff)] as number) ^
      (t[1024 + (a >>> 24)] as number) ^
      (t[768 + (b & 0xff)] as number) ^
      (t[512 + ((b >>> 8) & 0xff)] as number) ^
      (t[256 + ((b >>> 16) & 0xff)] as number) ^
      (t[(b >>> 24) & 0xff] as number)
    i += 8
  }
  while (i < end) {
    c = (t[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8)
    i++
  }
  return ~c >>> 0
}
