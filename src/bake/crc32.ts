/**
 * CRC-32 (ISO 3309 / ITU-T V.42, the polynomial PNG uses), table-driven with slicing-by-16: sixteen
 * 256-entry tables (16 KiB, built on first use) so that each step folds 16 bytes. On little-endian
 * hosts (every current browser and Node platform) the bytes are read as aligned 32-bit words through
 * an `Int32Array` view, four loads per step instead of sixteen. Pure TypeScript: runs in browsers.
 */

let tables: Int32Array | undefined

function buildTables(): Int32Array {
  const t = new Int32Array(256 * 16)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c
  }
  for (let n = 0; n < 256; n++) {
    let c = t[n] as number
    for (let s = 1; s < 16; s++) {
      c = (t[c & 0xff] as number) ^ (c >>> 8)
      t[s * 256 + n] = c
    }
  }
  return t
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1
/** Below this many bytes a word view costs more than it saves. */
const WORDS_FROM = 64

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
  if (LITTLE_ENDIAN && end - start >= WORDS_FROM) return crc32Words(bytes, start, end, previous)
  return crc32Bytes(bytes, start, end, previous)
}

/**
 * Folds 16 bytes into the CRC: `a` holds the first four as a little-endian word already XORed with the
 * running CRC, `x`, `y`, `z` the next twelve as little-endian words.
 */
function fold16(t: Int32Array, a: number, x: number, y: number, z: number): number {
  return (
    (t[3840 + (a & 0xff)] as number) ^
    (t[3584 + ((a >>> 8) & 0xff)] as number) ^
    (t[3328 + ((a >>> 16) & 0xff)] as number) ^
    (t[3072 + (a >>> 24)] as number) ^
    (t[2816 + (x & 0xff)] as number) ^
    (t[2560 + ((x >>> 8) & 0xff)] as number) ^
    (t[2304 + ((x >>> 16) & 0xff)] as number) ^
    (t[2048 + (x >>> 24)] as number) ^
    (t[1792 + (y & 0xff)] as number) ^
    (t[1536 + ((y >>> 8) & 0xff)] as number) ^
    (t[1280 + ((y >>> 16) & 0xff)] as number) ^
    (t[1024 + (y >>> 24)] as number) ^
    (t[768 + (z & 0xff)] as number) ^
    (t[512 + ((z >>> 8) & 0xff)] as number) ^
    (t[256 + ((z >>> 16) & 0xff)] as number) ^
    (t[z >>> 24] as number)
  )
}

/** The little-endian 32-bit word at `bytes[i, i + 4)`. */
function le32(bytes: Uint8Array, i: number): number {
  return (bytes[i] as number) | ((bytes[i + 1] as number) << 8) | ((bytes[i + 2] as number) << 16) | ((bytes[i + 3] as number) << 24)
}

/** The portable path: slicing-by-16 over byte loads. Exported for the tests. */
export function crc32Bytes(bytes: Uint8Array, start: number, end: number, previous: number): number {
  const t = (tables ??= buildTables())
  let c = ~previous
  let i = start
  for (const stop = end - 16; i <= stop; i += 16) c = fold16(t, c ^ le32(bytes, i), le32(bytes, i + 4), le32(bytes, i + 8), le32(bytes, i + 12))
  while (i < end) c = (t[(c ^ (bytes[i++] as number)) & 0xff] as number) ^ (c >>> 8)
  return ~c >>> 0
}

/**
 * The little-endian path: the bytes up to a 4-byte boundary and the tail through {@link crc32Bytes},
 * the 16-byte steps in between as four aligned words.
 */
export function crc32Words(bytes: Uint8Array, start: number, end: number, previous: number): number {
  const aligned = Math.min(end, start + ((4 - ((bytes.byteOffset + start) & 3)) & 3))
  const crc = crc32Bytes(bytes, start, aligned, previous)
  const count = ((end - aligned) >>> 4) << 2
  if (count === 0) return crc32Bytes(bytes, aligned, end, crc)
  const t = (tables ??= buildTables())
  const w = new Int32Array(bytes.buffer, bytes.byteOffset + aligned, count)
  let c = ~crc
  for (let k = 0; k < count; k += 4) c = fold16(t, c ^ (w[k] as number), w[k + 1] as number, w[k + 2] as number, w[k + 3] as number)
  return crc32Bytes(bytes, aligned + count * 4, end, ~c >>> 0)
}
