/**
 * Strict base64url (RFC 4648 §5, no padding), as JWS compact serialization requires (RFC 7515 §2).
 *
 * Decoding refuses padding, whitespace, characters outside the URL-safe alphabet, impossible lengths
 * (length % 4 === 1) and non-canonical encodings (non-zero unused bits in the last character). Refusing
 * non-canonical input matters for signatures: otherwise two different compact strings would carry the
 * same bytes, and flipping the last character of a segment could go unnoticed.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const DECODE = new Int16Array(128).fill(-1)
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i

function value(text: string, index: number): number {
  const c = text.charCodeAt(index)
  return c < 128 ? (DECODE[c] as number) : -1
}

interface BufferLike {
  from(text: string, encoding: string): Uint8Array
  isEncoding(encoding: string): boolean
}
// Node's Buffer decodes natively (several times faster than a JS loop on a JWS). Used only after the
// strict checks below, and only when it is the real thing (bundler polyfills may lack base64url).
const NativeBuffer = (() => {
  const B = (globalThis as { Buffer?: BufferLike }).Buffer
  try {
    return B && typeof B.isEncoding === 'function' && B.isEncoding('base64url') ? B : undefined
  } catch {
    return undefined
  }
})()

/** Decodes strict base64url; returns `undefined` for anything that is not canonical base64url. */
export function decodeBase64url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!NativeBuffer) return decodeBase64urlPortable(text)
  // Node's decoder is lenient: it skips characters outside the alphabet, accepts '+', '/' and padding,
  // and ignores unused trailing bits. So: the length must be possible, the output as long as a strict
  // decode would give (anything skipped or padded makes it shorter), no '+' or '/', and the last
  // character must have its unused bits clear (the only canonical form).
  const len = text.length
  const rem = len & 3
  if (rem === 1) return undefined
  if (rem !== 0) {
    const last = value(text, len - 1)
    if (last < 0 || (rem === 2 ? last & 0x0f : last & 0x03) !== 0) return undefined
  }
  const bytes = NativeBuffer.from(text, 'base64url')
  if (bytes.length !== (len >> 2) * 3 + (rem === 0 ? 0 : rem - 1) || text.indexOf('+') >= 0 || text.indexOf('/') >= 0) return undefined
  return new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength)
}

/** The same strict decoder in plain JavaScript (browsers, edge runtimes). */
export function decodeBase64urlPortable(text: string): Uint8Array<ArrayBuffer> | undefined {
  const len = text.length
  const rem = len & 3
  if (rem === 1) return undefined
  const out = new Uint8Array(((len >> 2) * 3) + (rem === 0 ? 0 : rem - 1))
  let o = 0
  let i = 0
  const full = len - rem
  for (; i < full; i += 4) {
    const a = value(text, i)
    const b = value(text, i + 1)
    const c = value(text, i + 2)
    const d = value(text, i + 3)
    if ((a | b | c | d) < 0) return undefined
    const n = (a << 18) | (b << 12) | (c << 6) | d
    out[o++] = n >> 16
    out[o++] = (n >> 8) & 0xff
    out[o++] = n & 0xff
  }
  if (rem === 2) {
    const a = value(text, i)
    const b = value(text, i + 1)
    if ((a | b) < 0 || (b & 0x0f) !== 0) return undefined
    out[o] = (a << 2) | (b >> 4)
  } else if (rem === 3) {
    const a = value(text, i)
    const b = value(text, i + 1)
    const c = value(text, i + 2)
    if ((a | b | c) < 0 || (c & 0x03) !== 0) return undefined
    out[o++] = (a << 2) | (b >> 4)
    out[o] = ((b & 0x0f) << 4) | (c >> 2)
  }
  return out
}

const asciiEncoder = new TextEncoder()

/** The bytes of an ASCII string (a JWS signing input); Node's latin1 copy is the fastest way there. */
export function asciiBytes(text: string): Uint8Array<ArrayBuffer> {
  if (!NativeBuffer) return asciiEncoder.encode(text)
  const bytes = NativeBuffer.from(text, 'latin1')
  return new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength)
}

/** Encodes bytes as base64url without padding. */
export function encodeBase64url(bytes: Uint8Array): string {
  let out = ''
  const len = bytes.length
  let i = 0
  for (; i + 2 < len; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number)
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!
  }
  if (len - i === 1) {
    const n = (bytes[i] as number) << 16
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!
  } else if (len - i === 2) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8)
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!
  }
  return out
}

/** Standard base64 (with padding), used for PEM bodies. */
export function encodeBase64(bytes: Uint8Array): string {
  const url = encodeBase64url(bytes).replace(/-/g, '+').replace(/_/g, '/')
  return url + '='.repeat((4 - (url.length & 3)) & 3)
}

/** Decodes standard base64 (padding optional, whitespace not allowed); `undefined` when invalid. */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (/[-_]/.test(text)) return undefined
  const stripped = text.replace(/={1,2}$/, '')
  if (text.length % 4 !== 0 && stripped.length !== text.length) return undefined
  return decodeBase64url(stripped.replace(/\+/g, '-').replace(/\//g, '_'))
}
