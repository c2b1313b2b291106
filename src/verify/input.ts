/**
 * What was handed to the verifier: an http(s) URL, JSON text, a JWS compact string, PNG or SVG bytes,
 * or an already parsed object. Detection only; extraction from images is done by `bake/`.
 */
import { isHttpUrl } from '../issue/input.js'

/** The forms `verify()` accepts. */
export type VerifyInput = string | Uint8Array | ArrayBuffer | Record<string, unknown>

/** The detected kind of input. */
export type DetectedInput =
  | { kind: 'url'; url: string }
  | { kind: 'json'; text: string }
  | { kind: 'jws'; token: string }
  | { kind: 'png'; bytes: Uint8Array }
  | { kind: 'svg'; bytes: Uint8Array }
  | { kind: 'object'; value: Record<string, unknown> }
  | { kind: 'unrecognized'; reason: string }

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const JWS_COMPACT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/
const JWS_HEAD = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_.-]*$/

/** True when `bytes` start with the PNG signature. */
export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)
}

/** True when `bytes` look like an SVG document (XML prolog, comments or doctype, then an `<svg` element). */
export function isSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, Math.min(bytes.length, 4096)))
  const text = head.replace(/^\uFEFF/, '').trimStart()
  if (!text.startsWith('<')) return false
  return /<svg[\s>/]/i.test(text)
}

/**
 * True for what looks like a JWS compact serialization: three base64url segments (the signature may be
 * empty). Long tokens are judged by their first 512 characters and dot count; the signing module's
 * strict decoder checks every character afterwards.
 */
export function isJwsCompact(text: string): boolean {
  if (text.length <= 512) return JWS_COMPACT.test(text)
  const first = text.indexOf('.')
  const second = first < 0 ? -1 : text.indexOf('.', first + 1)
  if (second < 0 || text.indexOf('.', second + 1) >= 0) return false
  return JWS_HEAD.test(text.slice(0, 512))
}

/** Classifies a string input: JSON text, JWS, URL or SVG markup. */
export function detectText(raw: string): DetectedInput {
  const text = raw.replace(/^\uFEFF/, '').trim()
  if (text.startsWith('{') || text.startsWith('[')) return { kind: 'json', text }
  if (isJwsCompact(text)) return { kind: 'jws', token: text }
  if (isHttpUrl(text)) return { kind: 'url', url: text }
  if (text.startsWith('<') && /<svg[\s>/]/i.test(text.slice(0, 4096))) {
    return { kind: 'svg', bytes: new TextEncoder().encode(raw) }
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) return { kind: 'unrecognized', reason: 'only http(s) URLs are accepted' }
  return { kind: 'unrecognized', reason: 'not JSON, a JWS, an http(s) URL, or PNG/SVG bytes' }
}

/**
 * Detects what kind of input was handed over.
 *
 * @throws TypeError when `input` is not a string, Uint8Array, ArrayBuffer or plain object (API misuse).
 * @example
 * ```ts
 * detectInput('https://example.org/assertions/1') // { kind: 'url', url: 'https://example.org/assertions/1' }
 * ```
 */
export function detectInput(input: unknown): DetectedInput {
  if (typeof input === 'string') return detectText(input)
  if (input instanceof ArrayBuffer) return detectBytes(new Uint8Array(input))
  if (input instanceof Uint8Array) return detectBytes(input)
  if (typeof input === 'object' && input !== null && !Array.isArray(input) && !ArrayBuffer.isView(input)) {
    return { kind: 'object', value: input as Record<string, unknown> }
  }
  throw new TypeError(
    `verify: input must be a URL string, JSON text, a JWS, PNG/SVG bytes (Uint8Array) or an object, got ${describeType(input)}`,
  )
}

function detectBytes(bytes: Uint8Array): DetectedInput {
  if (isPng(bytes)) return { kind: 'png', bytes }
  if (isSvg(bytes)) return { kind: 'svg', bytes }
  // Text handed over as bytes (a .json or .jws file read from disk).
  const sample = bytes.subarray(0, Math.min(bytes.length, 1024))
  if (sample.some((b) => b === 0 || (b < 0x09) || (b > 0x0d && b < 0x20))) {
    return { kind: 'unrecognized', reason: 'binary data that is neither PNG nor SVG' }
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes)
  return detectText(text)
}

function describeType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (ArrayBuffer.isView(value)) return value.constructor.name
  return typeof value
}
