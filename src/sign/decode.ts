import { decodeBase64url } from './base64url.js'
import { SIGNATURE_CHECK_CODES, type SignatureCheckCode } from './codes.js'

/** Codes {@link decodeJws} can return. */
export type DecodeJwsCode = Extract<
  SignatureCheckCode,
  'JWS_MALFORMED' | 'JWS_TOO_LARGE' | 'JWS_INVALID_BASE64URL' | 'JWS_HEADER_INVALID' | 'JWS_PAYLOAD_NOT_JSON' | 'JWS_PAYLOAD_NOT_OBJECT'
>

/** A decoded (NOT verified) JWS, or why it could not be decoded. */
export type DecodeJwsResult =
  | { ok: true; header: Record<string, unknown>; payload: Record<string, unknown> }
  | { ok: false; code: DecodeJwsCode; message: string }

/** Options for {@link decodeJws}. */
export interface DecodeJwsOptions {
  /** Longest JWS accepted, in characters (default 1 MiB). */
  maxLength?: number
}

/** Internal: the decoded JWS plus what verification needs. */
export type ParsedJws =
  | {
      ok: true
      header: Record<string, unknown>
      payload: Record<string, unknown>
      signingInput: string
      signature: Uint8Array<ArrayBuffer>
    }
  | { ok: false; code: DecodeJwsCode; message: string; header?: Record<string, unknown> }

/** Default longest JWS accepted (1 MiB). */
export const DEFAULT_MAX_JWS_LENGTH = 1024 * 1024

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

function fail(code: DecodeJwsCode, message: string, header?: Record<string, unknown>): ParsedJws {
  return header ? { ok: false, code, message, header } : { ok: false, code, message }
}

function parseJson(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(utf8.decode(bytes)) as unknown }
  } catch {
    return { ok: false }
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Internal strict parse of a compact JWS. Never throws. */
export function parseJws(jws: unknown, maxLength = DEFAULT_MAX_JWS_LENGTH): ParsedJws {
  if (typeof jws !== 'string') return fail(SIGNATURE_CHECK_CODES.JWS_MALFORMED, 'a JWS must be a string')
  if (jws.length > maxLength) return fail(SIGNATURE_CHECK_CODES.JWS_TOO_LARGE, `JWS longer than ${maxLength} characters`)
  const first = jws.indexOf('.')
  const second = first < 0 ? -1 : jws.indexOf('.', first + 1)
  if (second < 0 || jws.indexOf('.', second + 1) >= 0) {
    return fail(SIGNATURE_CHECK_CODES.JWS_MALFORMED, 'a compact JWS has exactly three dot-separated segments')
  }
  // An empty signature segment is left to verifySignature: `alg: none` JWSs have one and get their own code.
  if (first === 0 || second === first + 1) {
    return fail(SIGNATURE_CHECK_CODES.JWS_MALFORMED, 'the header or payload segment is empty (detached payload?)')
  }
  const headerBytes = decodeBase64url(jws.slice(0, first))
  const payloadBytes = decodeBase64url(jws.slice(first + 1, second))
  const signature = decodeBase64url(jws.slice(second + 1))
  if (!headerBytes || !payloadBytes || !signature) {
    const which = !headerBytes ? 'header' : !payloadBytes ? 'payload' : 'signature'
    return fail(SIGNATURE_CHECK_CODES.JWS_INVALID_BASE64URL, `the ${which} segment is not canonical unpadded base64url`)
  }
  const header = parseJson(headerBytes)
  if (!header.ok || !isPlainObject(header.value)) {
    return fail(SIGNATURE_CHECK_CODES.JWS_HEADER_INVALID, 'the protected header is not a UTF-8 JSON object')
  }
  const payload = parseJson(payloadBytes)
  if (!payload.ok) return fail(SIGNATURE_CHECK_CODES.JWS_PAYLOAD_NOT_JSON, 'the payload is not UTF-8 JSON', header.value)
  if (!isPlainObject(payload.value)) {
    return fail(SIGNATURE_CHECK_CODES.JWS_PAYLOAD_NOT_OBJECT, 'the payload is JSON but not an object', header.value)
  }
  return { ok: true, header: header.value, payload: payload.value, signingInput: jws.slice(0, second), signature }
}

/**
 * Decodes a compact JWS WITHOUT verifying it: for reading the header (`kid`) and the assertion (its
 * `verification.creator`, its issuer) before deciding which key to check it with. Strict: exactly three
 * segments of canonical base64url, a JSON object header and a JSON object payload. Never throws.
 *
 * @returns `{ ok: true, header, payload }` or `{ ok: false, code, message }` with code `JWS_MALFORMED`,
 *   `JWS_TOO_LARGE`, `JWS_INVALID_BASE64URL`, `JWS_HEADER_INVALID`, `JWS_PAYLOAD_NOT_JSON` or `JWS_PAYLOAD_NOT_OBJECT`.
 * @example
 * const decoded = decodeJws(text)
 * if (decoded.ok) console.log(decoded.header.kid, decoded.payload.id)
 */
export function decodeJws(jws: unknown, options: DecodeJwsOptions = {}): DecodeJwsResult {
  const parsed = parseJws(jws, options.maxLength)
  if (!parsed.ok) return { ok: false, code: parsed.code, message: parsed.message }
  return { ok: true, header: parsed.header, payload: parsed.payload }
}
