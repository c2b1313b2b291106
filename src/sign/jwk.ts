/** JWK shapes this library reads and writes (RFC 7517/7518, RFC 8037 for Ed25519), and their validation. */
import { OpenBadgesError } from '../errors.js'
import { decodeBase64url } from './base64url.js'
import { SIGN_ERROR_CODES } from './codes.js'

/** A public RSA key as JWK. */
export interface RsaPublicJwk {
  kty: 'RSA'
  n: string
  e: string
}
/** A public EC key (P-256 or P-384) as JWK. */
export interface EcPublicJwk {
  kty: 'EC'
  crv: 'P-256' | 'P-384'
  x: string
  y: string
}
/** A public Ed25519 key as JWK (RFC 8037). */
export interface OkpPublicJwk {
  kty: 'OKP'
  crv: 'Ed25519'
  x: string
}
/** Any public JWK this library handles. */
export type PublicJwk = RsaPublicJwk | EcPublicJwk | OkpPublicJwk

/** A private JWK: the public members plus the private ones (`d`; for RSA also `p`, `q`, `dp`, `dq`, `qi`). */
export type PrivateJwk =
  | (RsaPublicJwk & { d: string; p: string; q: string; dp: string; dq: string; qi: string })
  | (EcPublicJwk & { d: string })
  | (OkpPublicJwk & { d: string })

function bad(message: string): never {
  throw new OpenBadgesError(SIGN_ERROR_CODES.KEY_INVALID_JWK, message)
}

function b64field(jwk: Record<string, unknown>, name: string, length?: number): string {
  const v = jwk[name]
  if (typeof v !== 'string' || v.length === 0) bad(`JWK member "${name}" must be a non-empty base64url string`)
  const bytes = decodeBase64url(v)
  if (!bytes) bad(`JWK member "${name}" is not valid base64url`)
  if (length !== undefined && bytes.length !== length) bad(`JWK member "${name}" must be ${length} bytes`)
  return v
}

/**
 * Checks a JWK and returns its public part (only the key members, no `alg`/`kid`/`use`).
 * @throws OpenBadgesError `KEY_INVALID_JWK` (malformed), `KEY_UNSUPPORTED_TYPE` (other kty/crv).
 */
export function toPublicJwk(value: unknown): PublicJwk {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) bad('a JWK must be an object')
  const jwk = value as Record<string, unknown>
  const unsupported = (what: string): never => {
    throw new OpenBadgesError(SIGN_ERROR_CODES.KEY_UNSUPPORTED_TYPE, `unsupported JWK ${what}`)
  }
  switch (jwk.kty) {
    case 'RSA':
      return { kty: 'RSA', n: b64field(jwk, 'n'), e: b64field(jwk, 'e') }
    case 'EC': {
      if (jwk.crv !== 'P-256' && jwk.crv !== 'P-384') return unsupported(`curve ${JSON.stringify(jwk.crv)}`)
      const size = jwk.crv === 'P-256' ? 32 : 48
      return { kty: 'EC', crv: jwk.crv, x: b64field(jwk, 'x', size), y: b64field(jwk, 'y', size) }
    }
    case 'OKP':
      if (jwk.crv !== 'Ed25519') return unsupported(`curve ${JSON.stringify(jwk.crv)}`)
      return { kty: 'OKP', crv: 'Ed25519', x: b64field(jwk, 'x', 32) }
    case 'oct':
      return unsupported('type "oct" (symmetric keys are never used for badge signatures)')
    default:
      if (typeof jwk.kty !== 'string') bad('JWK member "kty" is missing')
      return unsupported(`type ${JSON.stringify(jwk.kty)}`)
  }
}

/**
 * Checks a private JWK and returns the key members.
 * @throws OpenBadgesError `KEY_INVALID_JWK`, `KEY_UNSUPPORTED_TYPE`.
 */
export function toPrivateJwk(value: unknown): PrivateJwk {
  const pub = toPublicJwk(value)
  const jwk = value as Record<string, unknown>
  if (jwk.d === undefined) bad('not a private JWK: member "d" is missing')
  switch (pub.kty) {
    case 'RSA':
      return {
        ...pub,
        d: b64field(jwk, 'd'),
        p: b64field(jwk, 'p'),
        q: b64field(jwk, 'q'),
        dp: b64field(jwk, 'dp'),
        dq: b64field(jwk, 'dq'),
        qi: b64field(jwk, 'qi'),
      }
    case 'EC':
      return { ...pub, d: b64field(jwk, 'd', pub.crv === 'P-256' ? 32 : 48) }
    case 'OKP':
      return { ...pub, d: b64field(jwk, 'd', 32) }
  }
}

/** The public members of a private JWK. */
export function publicPart(jwk: PrivateJwk | PublicJwk): PublicJwk {
  switch (jwk.kty) {
    case 'RSA':
      return { kty: 'RSA', n: jwk.n, e: jwk.e }
    case 'EC':
      return { kty: 'EC', crv: jwk.crv, x: jwk.x, y: jwk.y }
    case 'OKP':
      return { kty: 'OKP', crv: 'Ed25519', x: jwk.x }
  }
}

/** The bit length of an RSA modulus given as base64url. */
export function modulusBits(n: string): number {
  const bytes = decodeBase64url(n) ?? new Uint8Array()
  let i = 0
  while (i < bytes.length && bytes[i] === 0) i++
  if (i === bytes.length) return 0
  return (bytes.length - i - 1) * 8 + (32 - Math.clz32(bytes[i] as number))
}
