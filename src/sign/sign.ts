import * as ed from '@noble/ed25519'
import { CompactSign } from 'jose'
import { OpenBadgesError } from '../errors.js'
import type { Assertion, IRI } from '../model/openbadges.js'
import { defaultAlgorithm, type SignatureAlgorithm } from './algorithms.js'
import { encodeBase64url } from './base64url.js'
import { SIGN_ERROR_CODES } from './codes.js'
import { checkSigningKey, type IssuerKeyList } from './issuer-keys.js'
import { checkAlg, ed25519Seed, isPrivateKeyHandle, webCryptoPrivateKey, type PrivateKeyHandle } from './keys.js'
import { webCryptoHasEd25519 } from './platform.js'

/** The private key to sign with and the id of its CryptographicKey (becomes `kid` and `verification.creator`). */
export interface SigningKey {
  privateKey: PrivateKeyHandle
  /** The CryptographicKey id, an absolute IRI (normally the HTTPS URL of the key document). */
  id: IRI
  /** Overrides the key's own algorithm (e.g. RS384 with an RS256 key pair). */
  alg?: SignatureAlgorithm
}

/** Options for {@link signAssertion}. */
export interface SignAssertionOptions {
  /** When given, refuse keys this issuer key list does not list as active (rotation). */
  keyList?: IssuerKeyList
}

function isAbsoluteIri(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || /\s/.test(value)) return false
  try {
    new URL(value)
    return true
  } catch {
    return false
  }
}

const encoder = new TextEncoder()

/**
 * Signs an Assertion as a compact JWS (Open Badges 2.0 SignedBadge). The protected header is
 * `{ alg, kid: key.id }`; the payload is the assertion JSON with `verification` set to
 * `{ type: 'SignedBadge', creator: key.id }`. Validate the assertion first (`validate`); this function only
 * checks that it is an object with an `id`.
 *
 * @throws OpenBadgesError `SIGN_INVALID_ASSERTION`, `SIGN_INVALID_KEY_ID`, `KEY_ALG_MISMATCH`, `ALG_UNSUPPORTED`,
 *   `SIGN_KEY_RETIRED` / `SIGN_KEY_NOT_LISTED` (with `options.keyList`), `SIGN_FAILED`.
 * @example
 * const pair = await generateKeyPair('RS256')
 * const jws = await signAssertion(assertion, { privateKey: pair.privateKey, id: 'https://example.org/keys/1' })
 */
export async function signAssertion(
  assertion: Assertion | Record<string, unknown>,
  key: SigningKey,
  options: SignAssertionOptions = {},
): Promise<string> {
  if (typeof assertion !== 'object' || assertion === null || Array.isArray(assertion) || typeof assertion.id !== 'string' || assertion.id === '') {
    throw new OpenBadgesError(SIGN_ERROR_CODES.SIGN_INVALID_ASSERTION, 'signAssertion needs an Assertion object with an "id"')
  }
  if (!key || !isPrivateKeyHandle(key.privateKey)) throw new TypeError('signAssertion: key.privateKey must be a private key handle')
  if (!isAbsoluteIri(key.id)) {
    throw new OpenBadgesError(SIGN_ERROR_CODES.SIGN_INVALID_KEY_ID, 'the key id must be an absolute IRI (the CryptographicKey id)')
  }
  const privateKey = key.privateKey
  const alg = key.alg ?? privateKey.alg ?? defaultAlgorithm(privateKey.kty, privateKey.crv)
  checkAlg(alg, privateKey.kty, privateKey.crv)
  if (options.keyList) checkSigningKey(options.keyList, key.id)

  const signed: Record<string, unknown> = { ...assertion, verification: { type: 'SignedBadge', creator: key.id } }
  const payload = encoder.encode(JSON.stringify(signed))
  const header = { alg, kid: key.id }
  try {
    if (alg === 'EdDSA' && !(await webCryptoHasEd25519())) {
      const signingInput = `${encodeBase64url(encoder.encode(JSON.stringify(header)))}.${encodeBase64url(payload)}`
      const signature = await ed.signAsync(encoder.encode(signingInput), ed25519Seed(privateKey)!)
      return `${signingInput}.${encodeBase64url(signature)}`
    }
    return await new CompactSign(payload).setProtectedHeader(header).sign(await webCryptoPrivateKey(privateKey, alg))
  } catch (error) {
    throw new OpenBadgesError(SIGN_ERROR_CODES.SIGN_FAILED, `signing with ${alg} failed`, { cause: error })
  }
}
