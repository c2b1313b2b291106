/**
 * Badge text handling shared by the PNG and SVG bakers: turning the `badge` argument into the exact
 * text to bake, strict UTF-8 encoding/decoding that never alters a byte (no BOM stripping), and reading
 * bytes one char per byte (SVG scanning, Latin-1 PNG tEXt).
 */
import { BakeError } from './errors.js'

/** What may be baked: the JWS compact string or assertion JSON text, or an assertion object (JSON-serialised). */
export type BadgeInput = string | Record<string, unknown>

const LONE_SURROGATE = /\p{Cs}/u

/** Strict UTF-8 decoding (throws a TypeError on malformed input); keeps a leading U+FEFF. */
export const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
export const utf8Encoder = new TextEncoder()

/**
 * Returns the text to bake for `badge`: a string as is, an object as `JSON.stringify(badge)`.
 * @throws BakeError `BAKE_INVALID_BADGE` when the text is empty, holds lone surrogates (UTF-8 cannot
 *   carry them) or the object cannot be serialised; TypeError for other argument types.
 */
export function badgeText(badge: BadgeInput): string {
  let text: string
  if (typeof badge === 'string') {
    text = badge
  } else if (typeof badge === 'object' && badge !== null && !ArrayBuffer.isView(badge)) {
    let json: string | undefined
    try {
      json = JSON.stringify(badge) as string | undefined
    } catch (cause) {
      throw new BakeError('BAKE_INVALID_BADGE', 'the badge object cannot be serialised as JSON', { cause })
    }
    if (typeof json !== 'string') throw new BakeError('BAKE_INVALID_BADGE', 'the badge object cannot be serialised as JSON')
    text = json
  } else {
    throw new TypeError('badge: expected a string (JWS or JSON text) or an assertion object')
  }
  if (text.length === 0) throw new BakeError('BAKE_INVALID_BADGE', 'the badge text is empty')
  if (LONE_SURROGATE.test(text)) {
    throw new BakeError('BAKE_INVALID_BADGE', 'the badge text holds a lone UTF-16 surrogate, which UTF-8 cannot carry')
  }
  return text
}

/** Throws a TypeError unless `image` is a Uint8Array (a Node Buffer is one). */
export function assertBytes(image: unknown, label = 'image'): asserts image is Uint8Array {
  if (!(image instanceof Uint8Array)) throw new TypeError(`${label}: expected a Uint8Array`)
}

/** Concatenates byte ranges into one new array (one copy). */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let total = 0
  for (const p of parts) total += p.length
  const out = new Uint8Array(total)
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

let latin1: TextDecoder | null | undefined

/**
 * The bytes as a string of exactly one char per byte: ASCII bytes stay themselves, every other byte
 * becomes a distinct non-ASCII char (so names compare as their bytes do, and offsets are byte offsets).
 * Pure ASCII, the usual case, goes through the UTF-8 decoder (the fastest); other documents through the
 * WHATWG `latin1` (windows-1252) decoder, one char per byte; `String.fromCharCode` when there is none.
 * With `fallback` null every byte is its own code point: exact ISO-8859-1 (PNG tEXt).
 */
export function byteString(b: Uint8Array, fallback: TextDecoder | null = latin1Decoder()): string {
  try {
    const s = utf8Decoder.decode(b)
    if (s.length === b.length) return s // only ASCII decodes to as many chars as bytes
  } catch {
    // not UTF-8: read it byte by byte below
  }
  if (fallback) {
    const s = fallback.decode(b)
    if (s.length === b.length) return s
  }
  let s = ''
  for (let i = 0; i < b.length; i += 4096) s += String.fromCharCode.apply(null, b.subarray(i, i + 4096) as unknown as number[])
  return s
}

function latin1Decoder(): TextDecoder | null {
  if (latin1 === undefined) {
    try {
      latin1 = new TextDecoder('latin1')
    } catch {
      latin1 = null
    }
  }
  return latin1
}
