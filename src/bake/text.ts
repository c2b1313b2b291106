/**
 * Badge text handling shared by the PNG and SVG bakers: turning the `badge` argument into the exact
 * text to bake, and strict UTF-8 encoding/decoding that never alters a byte (no BOM stripping).
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
