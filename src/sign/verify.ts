import { asciiBytes } from './base64url.js'
import { algorithmFitsKey, SIGNATURE_ALGORITHMS, type SignatureAlgorithm } from './algorithms.js'
import { SIGNATURE_CHECK_CODES, type SignatureCheckCode } from './codes.js'
import { DEFAULT_MAX_JWS_LENGTH, parseJws } from './decode.js'
import { importPublicKey, isPrivateKeyHandle, isPublicKeyHandle, type PrivateKeyHandle, type PublicKeyHandle } from './keys.js'
import type { PublicJwk } from './jwk.js'
import { verifyBytes, verifyBytesSync } from './primitives.js'
import { isOpenBadgesError } from '../errors.js'

/** What `resolveKey` may return: a PEM string, a JWK, a CryptographicKey document, or a key handle. */
export type ResolvedKey = string | PublicKeyHandle | PrivateKeyHandle | PublicJwk | Record<string, unknown>

/**
 * Finds the key(s) for a JWS. Given the decoded (untrusted) header and payload; returns one key, several
 * candidate keys (e.g. every key the issuer Profile lists when the assertion names no `creator`: the JWS is
 * valid if any of them verifies it), or `null` when there is none.
 */
export type ResolveKey = (
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
) => Promise<ResolvedKey | readonly ResolvedKey[] | null | undefined> | ResolvedKey | readonly ResolvedKey[] | null | undefined

/** Options for {@link verifySignature}. */
export interface VerifySignatureOptions {
  /** Where the key comes from: the issuer Profile's publicKey, never the JWS itself. */
  resolveKey: ResolveKey
  /** Narrows the allow-list (default: RS256, RS384, RS512, PS256, ES256, ES384, EdDSA). */
  algorithms?: readonly SignatureAlgorithm[]
  /** Longest JWS accepted, in characters (default 1 MiB). */
  maxLength?: number
}

/** The outcome of {@link verifySignature}. */
export type SignatureCheck =
  | {
      ok: true
      header: Record<string, unknown>
      payload: Record<string, unknown>
      alg: SignatureAlgorithm
      /** The key that verified the signature. */
      key: PublicKeyHandle
    }
  | {
      ok: false
      code: SignatureCheckCode
      message: string
      header?: Record<string, unknown>
      payload?: Record<string, unknown>
    }

// Imported keys by PEM string (LRU) and by JWK/document object, so a resolver that returns the same PEM
// for every badge does not pay for an import each time.
const PEM_CACHE_SIZE = 64
const pemCache = new Map<string, Promise<PublicKeyHandle>>()
const objectCache = new WeakMap<object, Promise<PublicKeyHandle>>()

function importCached(input: ResolvedKey): Promise<PublicKeyHandle> {
  if (isPublicKeyHandle(input)) return Promise.resolve(input)
  if (isPrivateKeyHandle(input)) return Promise.resolve(input.publicKey)
  if (typeof input === 'string') {
    let hit = pemCache.get(input)
    if (hit) {
      pemCache.delete(input)
      pemCache.set(input, hit)
      return hit
    }
    hit = importPublicKey(input)
    hit.catch(() => pemCache.delete(input))
    pemCache.set(input, hit)
    if (pemCache.size > PEM_CACHE_SIZE) pemCache.delete(pemCache.keys().next().value as string)
    return hit
  }
  if (typeof input === 'object' && input !== null) {
    let hit = objectCache.get(input)
    if (!hit) {
      hit = importPublicKey(input)
      objectCache.set(input, hit)
      hit.catch(() => objectCache.delete(input))
    }
    return hit
  }
  return importPublicKey(input as never)
}

function isThenable<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function'
}

function checkAlgorithms(algorithms: readonly SignatureAlgorithm[] | undefined): readonly string[] {
  if (algorithms === undefined) return SIGNATURE_ALGORITHMS
  if (!Array.isArray(algorithms) || algorithms.length === 0) {
    throw new TypeError('verifySignature: options.algorithms must be a non-empty array')
  }
  for (const alg of algorithms) {
    if (!(SIGNATURE_ALGORITHMS as readonly string[]).includes(alg)) {
      throw new TypeError(`verifySignature: options.algorithms: ${JSON.stringify(alg)} is not on the allow-list`)
    }
  }
  return algorithms
}

/**
 * Verifies a compact JWS signature strictly, with keys that come only from `resolveKey`.
 *
 * Refuses, each with its own code: malformed input (`JWS_MALFORMED`, `JWS_TOO_LARGE`,
 * `JWS_INVALID_BASE64URL`, `JWS_HEADER_INVALID`, `JWS_PAYLOAD_NOT_JSON`, `JWS_PAYLOAD_NOT_OBJECT`), a missing
 * `alg` (`JWS_ALG_MISSING`), `none` (`JWS_ALG_NONE`), HMAC (`JWS_ALG_HMAC`), anything else off the allow-list
 * (`JWS_ALG_NOT_ALLOWED`), header-supplied keys (`JWS_HEADER_JWK`, `JWS_HEADER_JKU`, `JWS_HEADER_X5U`,
 * `JWS_HEADER_X5C`), `crit`/`b64` (`JWS_CRIT_UNSUPPORTED`), no key (`KEY_NOT_FOUND`), a failing resolver
 * (`KEY_RESOLUTION_FAILED`), unusable keys (`KEY_INVALID`, `KEY_TOO_WEAK`), an algorithm that does not fit the
 * key (`JWS_ALG_KEY_MISMATCH`) and a wrong signature (`SIGNATURE_INVALID`).
 *
 * Never throws or rejects on bad input; rejects with a TypeError only for a malformed `options.algorithms`
 * or a missing `resolveKey` (programming errors).
 *
 * @example
 * const key = await importPublicKey(keyDocument.publicKeyPem)
 * const check = await verifySignature(jws, { resolveKey: async () => key })
 * if (check.ok) console.log('signed by', check.header.kid, check.payload.id)
 * else console.log('refused:', check.code)
 */
export async function verifySignature(jws: unknown, options: VerifySignatureOptions): Promise<SignatureCheck> {
  if (typeof options?.resolveKey !== 'function') throw new TypeError('verifySignature: options.resolveKey must be a function')
  const allowed = checkAlgorithms(options.algorithms)
  const parsed = parseJws(jws, options.maxLength ?? DEFAULT_MAX_JWS_LENGTH)
  if (!parsed.ok) {
    return parsed.header
      ? { ok: false, code: parsed.code, message: parsed.message, header: parsed.header }
      : { ok: false, code: parsed.code, message: parsed.message }
  }
  const { header, payload } = parsed
  const refuse = (code: SignatureCheckCode, message: string): SignatureCheck => ({ ok: false, code, message, header, payload })

  const alg = header.alg
  if (typeof alg !== 'string' || alg.length === 0) return refuse(SIGNATURE_CHECK_CODES.JWS_ALG_MISSING, 'the header has no "alg"')
  if (alg.toLowerCase() === 'none') return refuse(SIGNATURE_CHECK_CODES.JWS_ALG_NONE, 'alg "none": the JWS is not signed')
  if (/^HS\d+$/i.test(alg)) {
    return refuse(SIGNATURE_CHECK_CODES.JWS_ALG_HMAC, `${alg} is an HMAC algorithm; badge signatures must use a public key`)
  }
  if (!allowed.includes(alg)) return refuse(SIGNATURE_CHECK_CODES.JWS_ALG_NOT_ALLOWED, `alg ${JSON.stringify(alg)} is not allowed`)
  if ('jwk' in header) return refuse(SIGNATURE_CHECK_CODES.JWS_HEADER_JWK, 'the header embeds a "jwk": keys come only from the issuer Profile')
  if ('jku' in header) return refuse(SIGNATURE_CHECK_CODES.JWS_HEADER_JKU, 'the header names a "jku": keys come only from the issuer Profile')
  if ('x5u' in header) return refuse(SIGNATURE_CHECK_CODES.JWS_HEADER_X5U, 'the header names an "x5u": keys come only from the issuer Profile')
  if ('x5c' in header) return refuse(SIGNATURE_CHECK_CODES.JWS_HEADER_X5C, 'the header embeds an "x5c": keys come only from the issuer Profile')
  if ('crit' in header || 'b64' in header) {
    return refuse(SIGNATURE_CHECK_CODES.JWS_CRIT_UNSUPPORTED, 'the header uses "crit"/"b64" extensions, which are not supported')
  }
  const sigAlg = alg as SignatureAlgorithm

  let resolved: Awaited<ReturnType<ResolveKey>>
  try {
    const answer = options.resolveKey(header, payload)
    resolved = isThenable(answer) ? await answer : answer
  } catch (error) {
    const detail = isOpenBadgesError(error) ? ` (${error.code})` : ''
    return refuse(SIGNATURE_CHECK_CODES.KEY_RESOLUTION_FAILED, `resolveKey failed${detail}`)
  }
  const candidates: readonly ResolvedKey[] = resolved == null ? [] : Array.isArray(resolved) ? resolved : [resolved as ResolvedKey]
  if (candidates.length === 0) return refuse(SIGNATURE_CHECK_CODES.KEY_NOT_FOUND, 'no key was found for this JWS')

  let data: Uint8Array<ArrayBuffer> | undefined
  let firstProblem: SignatureCheck | undefined
  let mismatched = 0
  for (const candidate of candidates) {
    let key: PublicKeyHandle
    try {
      key = isPublicKeyHandle(candidate) ? candidate : await importCached(candidate)
    } catch (error) {
      const code = isOpenBadgesError(error) && error.code === 'KEY_TOO_WEAK' ? SIGNATURE_CHECK_CODES.KEY_TOO_WEAK : SIGNATURE_CHECK_CODES.KEY_INVALID
      firstProblem ??= refuse(code, `the resolved key is not usable${isOpenBadgesError(error) ? ` (${error.code})` : ''}`)
      continue
    }
    if (!algorithmFitsKey(sigAlg, key.kty, key.crv) || (key.alg !== undefined && key.alg !== sigAlg)) {
      mismatched++
      continue
    }
    data ??= asciiBytes(parsed.signingInput)
    const valid = verifyBytesSync(key, sigAlg, data, parsed.signature) ?? (await verifyBytes(key, sigAlg, data, parsed.signature))
    if (valid) return { ok: true, header, payload, alg: sigAlg, key }
  }
  if (data !== undefined) return refuse(SIGNATURE_CHECK_CODES.SIGNATURE_INVALID, 'the signature does not verify with the issuer key')
  if (mismatched > 0) {
    return refuse(SIGNATURE_CHECK_CODES.JWS_ALG_KEY_MISMATCH, `alg ${sigAlg} does not fit the issuer's key type`)
  }
  return firstProblem ?? refuse(SIGNATURE_CHECK_CODES.KEY_NOT_FOUND, 'no key was found for this JWS')
}
