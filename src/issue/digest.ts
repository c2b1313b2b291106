/**
 * SHA-256, SHA-1 and MD5 in plain TypeScript, synchronous, for short inputs (identities, names).
 * Library code must run in browsers, where WebCrypto is async-only and has no MD5 — and the OB 2.0
 * IdentityHash allows `md5$`. Checked against node:crypto in tests.
 */

const utf8 = new TextEncoder()

/** UTF-8 bytes of a string. */
export function utf8Bytes(text: string): Uint8Array {
  return utf8.encode(text)
}

function hex(words: Uint32Array | number[], littleEndian = false): string {
  let out = ''
  for (const w of words) {
    const v = littleEndian ? ((w & 0xff) << 24) | ((w & 0xff00) << 8) | ((w >>> 8) & 0xff00) | (w >>> 24) : w
    out += (v >>> 0).toString(16).padStart(8, '0')
  }
  return out
}

/** Merkle–Damgård padding into 64-byte blocks; the bit length is big- or little-endian. */
function pad(message: Uint8Array, littleEndian: boolean): DataView {
  const length = message.length
  const total = Math.ceil((length + 9) / 64) * 64
  const buf = new Uint8Array(total)
  buf.set(message)
  buf[length] = 0x80
  const view = new DataView(buf.buffer)
  const bits = length * 8
  const hi = Math.floor(bits / 0x100000000)
  const lo = bits >>> 0
  if (littleEndian) {
    view.setUint32(total - 8, lo, true)
    view.setUint32(total - 4, hi, true)
  } else {
    view.setUint32(total - 8, hi, false)
    view.setUint32(total - 4, lo, false)
  }
  return view
}

const K256 = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
])

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n))
const rotl = (x: number, n: number) => (x << n) | (x >>> (32 - n))

/** Adds a block's working variables into the chaining state, word by word (mod 2^32). */
function addInto(h: Uint32Array, words: readonly number[]): void {
  words.forEach((w, i) => {
    h[i] = (h[i] as number) + w
  })
}

/** SHA-256 of `message`, as lowercase hex. */
export function sha256Hex(message: Uint8Array): string {
  const view = pad(message, false)
  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19])
  const w = new Uint32Array(64)
  for (let off = 0; off < view.byteLength; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4, false)
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15] as number
      const b = w[i - 2] as number
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3)
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10)
      w[i] = ((w[i - 16] as number) + s0 + (w[i - 7] as number) + s1) | 0
    }
    let [a, b, c, d, e, f, g, hh] = h as unknown as [number, number, number, number, number, number, number, number]
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + (K256[i] as number) + (w[i] as number)) | 0
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0
      hh = g
      g = f
      f = e
      e = (d + t1) | 0
      d = c
      c = b
      b = a
      a = (t1 + t2) | 0
    }
    addInto(h, [a, b, c, d, e, f, g, hh])
  }
  return hex(h)
}

/** SHA-1 of `message`, as lowercase hex (used only for name-based UUIDs, RFC 9562 version 5). */
export function sha1Hex(message: Uint8Array): string {
  const view = pad(message, false)
  const h = new Uint32Array([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0])
  const w = new Uint32Array(80)
  for (let off = 0; off < view.byteLength; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4, false)
    for (let i = 16; i < 80; i++) w[i] = rotl((w[i - 3] as number) ^ (w[i - 8] as number) ^ (w[i - 14] as number) ^ (w[i - 16] as number), 1)
    let [a, b, c, d, e] = h as unknown as [number, number, number, number, number]
    for (let i = 0; i < 80; i++) {
      const [f, k] =
        i < 20 ? [(b & c) | (~b & d), 0x5a827999] : i < 40 ? [b ^ c ^ d, 0x6ed9eba1] : i < 60 ? [(b & c) | (b & d) | (c & d), 0x8f1bbcdc] : [b ^ c ^ d, 0xca62c1d6]
      const t = (rotl(a, 5) + f + e + k + (w[i] as number)) | 0
      e = d
      d = c
      c = rotl(b, 30)
      b = a
      a = t
    }
    addInto(h, [a, b, c, d, e])
  }
  return hex(h)
}

const S_MD5 = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21]
const K_MD5 = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 0x100000000) >>> 0)

/** MD5 of `message`, as lowercase hex (the OB 2.0 IdentityHash still allows `md5$`). */
export function md5Hex(message: Uint8Array): string {
  const view = pad(message, true)
  const h = new Uint32Array([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476])
  const m = new Uint32Array(16)
  for (let off = 0; off < view.byteLength; off += 64) {
    for (let i = 0; i < 16; i++) m[i] = view.getUint32(off + i * 4, true)
    let [a, b, c, d] = h as unknown as [number, number, number, number]
    for (let i = 0; i < 64; i++) {
      let f: number
      let g: number
      if (i < 16) {
        f = (b & c) | (~b & d)
        g = i
      } else if (i < 32) {
        f = (d & b) | (~d & c)
        g = (5 * i + 1) % 16
      } else if (i < 48) {
        f = b ^ c ^ d
        g = (3 * i + 5) % 16
      } else {
        f = c ^ (b | ~d)
        g = (7 * i) % 16
      }
      const s = S_MD5[(i >> 4) * 4 + (i % 4)] as number
      const t = d
      d = c
      c = b
      b = (b + rotl((a + f + (K_MD5[i] as number) + (m[g] as number)) | 0, s)) | 0
      a = t
    }
    addInto(h, [a, b, c, d])
  }
  return hex(h, true)
}
