/** The JWS algorithms this library signs and verifies with, and what each needs from a key. */

/** A JWS algorithm on the allow-list. HMAC and `none` are never on it. */
export type SignatureAlgorithm = 'RS256' | 'RS384' | 'RS512' | 'PS256' | 'ES256' | 'ES384' | 'EdDSA'

/** The allow-list, in order of preference (RS256 is the spec's recommendation and the default). */
export const SIGNATURE_ALGORITHMS: readonly SignatureAlgorithm[] = Object.freeze([
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'ES256',
  'ES384',
  'EdDSA',
])

/** True when `alg` is one of {@link SIGNATURE_ALGORITHMS}. */
export function isSignatureAlgorithm(alg: unknown): alg is SignatureAlgorithm {
  return typeof alg === 'string' && (SIGNATURE_ALGORITHMS as readonly string[]).includes(alg)
}

/** Key type and curve an algorithm requires. */
export interface AlgorithmKeyRequirement {
  kty: 'RSA' | 'EC' | 'OKP'
  crv?: 'P-256' | 'P-384' | 'Ed25519'
}

/** The key type (and curve) each algorithm needs. */
export const KEY_REQUIREMENT: Record<SignatureAlgorithm, AlgorithmKeyRequirement> = {
  RS256: { kty: 'RSA' },
  RS384: { kty: 'RSA' },
  RS512: { kty: 'RSA' },
  PS256: { kty: 'RSA' },
  ES256: { kty: 'EC', crv: 'P-256' },
  ES384: { kty: 'EC', crv: 'P-384' },
  EdDSA: { kty: 'OKP', crv: 'Ed25519' },
}

/** True when a key of this type/curve can be used with `alg`. */
export function algorithmFitsKey(alg: SignatureAlgorithm, kty: string, crv: string | undefined): boolean {
  const need = KEY_REQUIREMENT[alg]
  return need.kty === kty && (need.crv === undefined || need.crv === crv)
}

/** The algorithm used for a key when none is named. */
export function defaultAlgorithm(kty: 'RSA' | 'EC' | 'OKP', crv: string | undefined): SignatureAlgorithm {
  if (kty === 'RSA') return 'RS256'
  if (kty === 'OKP') return 'EdDSA'
  return crv === 'P-384' ? 'ES384' : 'ES256'
}

/** WebCrypto parameters: for importKey, and for sign/verify. */
export function webCryptoParams(alg: SignatureAlgorithm): { importParams: Algorithm; signParams: Algorithm } {
  switch (alg) {
    case 'RS256':
    case 'RS384':
    case 'RS512': {
      const p = { name: 'RSASSA-PKCS1-v1_5', hash: `SHA-${alg.slice(2)}` } as Algorithm
      return { importParams: p, signParams: p }
    }
    case 'PS256':
      return {
        importParams: { name: 'RSA-PSS', hash: 'SHA-256' } as Algorithm,
        signParams: { name: 'RSA-PSS', saltLength: 32 } as Algorithm,
      }
    case 'ES256':
      return {
        importParams: { name: 'ECDSA', namedCurve: 'P-256' } as Algorithm,
        signParams: { name: 'ECDSA', hash: 'SHA-256' } as Algorithm,
      }
    case 'ES384':
      return {
        importParams: { name: 'ECDSA', namedCurve: 'P-384' } as Algorithm,
        signParams: { name: 'ECDSA', hash: 'SHA-384' } as Algorithm,
      }
    case 'EdDSA':
      return { importParams: { name: 'Ed25519' }, signParams: { name: 'Ed25519' } }
  }
}

/** The raw signature length an algorithm produces, where it is fixed (ECDSA in IEEE P1363 form, Ed25519). */
export function fixedSignatureLength(alg: SignatureAlgorithm): number | undefined {
  if (alg === 'ES256') return 64
  if (alg === 'ES384') return 96
  if (alg === 'EdDSA') return 64
  return undefined
}
