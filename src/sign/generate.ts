import * as ed from '@noble/ed25519'
import { generateKeyPair as joseGenerateKeyPair } from 'jose'
import { OpenBadgesError } from '../errors.js'
import { isSignatureAlgorithm, type SignatureAlgorithm } from './algorithms.js'
import { SIGN_ERROR_CODES } from './codes.js'
import { ed25519PairFromSeed, handlesFromCryptoKeys, type KeyPair } from './keys.js'

/** Options for {@link generateKeyPair}. */
export interface GenerateKeyPairOptions {
  /** RSA modulus length in bits (default 2048, at least 2048). */
  modulusLength?: number
}

/**
 * Generates a key pair for one of the allow-listed algorithms: RS256 (the default and the spec's
 * recommendation), RS384, RS512, PS256, ES256, ES384 or EdDSA (Ed25519). RSA and EC keys come from
 * WebCrypto through `jose`; Ed25519 keys from `@noble/ed25519` (so they work where WebCrypto lacks Ed25519).
 *
 * @throws OpenBadgesError `ALG_UNSUPPORTED` (anything else, e.g. HS256), `KEY_TOO_WEAK` (modulusLength < 2048).
 * @example
 * const pair = await generateKeyPair('RS256')
 * const pem = exportPublicKeyPem(pair.publicKey)
 */
export async function generateKeyPair(alg: SignatureAlgorithm = 'RS256', options: GenerateKeyPairOptions = {}): Promise<KeyPair> {
  if (!isSignatureAlgorithm(alg)) {
    throw new OpenBadgesError(SIGN_ERROR_CODES.ALG_UNSUPPORTED, `cannot generate keys for ${JSON.stringify(alg)}`)
  }
  if (alg === 'EdDSA') return ed25519PairFromSeed(ed.utils.randomSecretKey())
  const modulusLength = options.modulusLength ?? 2048
  if (alg.startsWith('RS') || alg.startsWith('PS')) {
    if (!Number.isInteger(modulusLength) || modulusLength < 2048) {
      throw new OpenBadgesError(SIGN_ERROR_CODES.KEY_TOO_WEAK, `RSA keys must be at least 2048 bits (got ${modulusLength})`)
    }
  }
  const pair = await joseGenerateKeyPair(alg, { extractable: true, modulusLength })
  return handlesFromCryptoKeys(pair, alg)
}
