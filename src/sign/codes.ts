/**
 * Every code the signing module produces. `SIGNATURE_CHECK_CODES` are the failure codes of
 * `decodeJws` / `verifySignature` (returned, never thrown); `SIGN_ERROR_CODES` are the codes of the
 * `OpenBadgesError`s thrown by key handling, signing and issuer key lists. See docs/signing.md.
 */

/** Failure codes of {@link decodeJws} and {@link verifySignature}. */
export const SIGNATURE_CHECK_CODES = {
  /** Not a string, not three dot-separated segments, or an empty segment. */
  JWS_MALFORMED: 'JWS_MALFORMED',
  /** Longer than the `maxLength` option (default 1 MiB). */
  JWS_TOO_LARGE: 'JWS_TOO_LARGE',
  /** A segment is not canonical, unpadded base64url. */
  JWS_INVALID_BASE64URL: 'JWS_INVALID_BASE64URL',
  /** The protected header is not a UTF-8 JSON object. */
  JWS_HEADER_INVALID: 'JWS_HEADER_INVALID',
  /** The payload is not UTF-8 JSON. */
  JWS_PAYLOAD_NOT_JSON: 'JWS_PAYLOAD_NOT_JSON',
  /** The payload is JSON but not an object (an array, a string, a number...). */
  JWS_PAYLOAD_NOT_OBJECT: 'JWS_PAYLOAD_NOT_OBJECT',
  /** The header has no `alg`, or it is not a string. */
  JWS_ALG_MISSING: 'JWS_ALG_MISSING',
  /** `alg: none`: an unsecured JWS. */
  JWS_ALG_NONE: 'JWS_ALG_NONE',
  /** An HMAC algorithm (HS256/384/512): never valid for public-key badge signatures. */
  JWS_ALG_HMAC: 'JWS_ALG_HMAC',
  /** Any other algorithm outside the allow-list (the default list or the caller's `algorithms`). */
  JWS_ALG_NOT_ALLOWED: 'JWS_ALG_NOT_ALLOWED',
  /** The header embeds a `jwk`: keys come only from the issuer's Profile. */
  JWS_HEADER_JWK: 'JWS_HEADER_JWK',
  /** The header points at a `jku` key set URL. */
  JWS_HEADER_JKU: 'JWS_HEADER_JKU',
  /** The header points at an `x5u` certificate URL. */
  JWS_HEADER_X5U: 'JWS_HEADER_X5U',
  /** The header embeds an `x5c` certificate chain. */
  JWS_HEADER_X5C: 'JWS_HEADER_X5C',
  /** The header has `crit` or `b64` (extensions this verifier does not implement). */
  JWS_CRIT_UNSUPPORTED: 'JWS_CRIT_UNSUPPORTED',
  /** `resolveKey` returned no key. */
  KEY_NOT_FOUND: 'KEY_NOT_FOUND',
  /** `resolveKey` threw or rejected. */
  KEY_RESOLUTION_FAILED: 'KEY_RESOLUTION_FAILED',
  /** The resolved key is not a usable public key (bad PEM/JWK, unsupported type). */
  KEY_INVALID: 'KEY_INVALID',
  /** The resolved key is an RSA key shorter than 2048 bits. */
  KEY_TOO_WEAK: 'KEY_TOO_WEAK',
  /** The header `alg` does not fit the key (e.g. RS256 over an EC key, ES256 over a P-384 key). */
  JWS_ALG_KEY_MISMATCH: 'JWS_ALG_KEY_MISMATCH',
  /** The signature does not verify with the key. */
  SIGNATURE_INVALID: 'SIGNATURE_INVALID',
} as const

/** A failure code of {@link decodeJws} / {@link verifySignature}. */
export type SignatureCheckCode = (typeof SIGNATURE_CHECK_CODES)[keyof typeof SIGNATURE_CHECK_CODES]

/** Codes of the `OpenBadgesError`s thrown by key handling, signing and issuer key lists. */
export const SIGN_ERROR_CODES = {
  /** An algorithm outside the supported list was asked for. */
  ALG_UNSUPPORTED: 'ALG_UNSUPPORTED',
  /** The PEM text has no parsable PEM block. */
  KEY_INVALID_PEM: 'KEY_INVALID_PEM',
  /** The JWK is not a well-formed RSA, EC P-256/P-384 or Ed25519 key. */
  KEY_INVALID_JWK: 'KEY_INVALID_JWK',
  /** A PEM block of a kind this library does not read (certificate, encrypted or legacy private key...). */
  KEY_UNSUPPORTED_FORMAT: 'KEY_UNSUPPORTED_FORMAT',
  /** A key type or curve outside RSA, P-256, P-384 and Ed25519. */
  KEY_UNSUPPORTED_TYPE: 'KEY_UNSUPPORTED_TYPE',
  /** The platform refused the key material. */
  KEY_INVALID: 'KEY_INVALID',
  /** An RSA key shorter than 2048 bits. */
  KEY_TOO_WEAK: 'KEY_TOO_WEAK',
  /** The requested algorithm does not fit the key type. */
  KEY_ALG_MISMATCH: 'KEY_ALG_MISMATCH',
  /** `signAssertion` was given something that is not an assertion object with an `id`. */
  SIGN_INVALID_ASSERTION: 'SIGN_INVALID_ASSERTION',
  /** The key id is not an absolute IRI. */
  SIGN_INVALID_KEY_ID: 'SIGN_INVALID_KEY_ID',
  /** Signing with a key the issuer key list marks as retired. */
  SIGN_KEY_RETIRED: 'SIGN_KEY_RETIRED',
  /** Signing with a key the issuer key list does not contain. */
  SIGN_KEY_NOT_LISTED: 'SIGN_KEY_NOT_LISTED',
  /** The platform failed to produce a signature. */
  SIGN_FAILED: 'SIGN_FAILED',
  /** An issuer key list has no active key. */
  KEYS_NO_ACTIVE_KEY: 'KEYS_NO_ACTIVE_KEY',
  /** An issuer key list already has a key with that id. */
  KEYS_DUPLICATE_ID: 'KEYS_DUPLICATE_ID',
  /** No key with that id in the issuer key list. */
  KEYS_UNKNOWN_ID: 'KEYS_UNKNOWN_ID',
  /** The issuer key list or one of its entries is malformed. */
  KEYS_INVALID: 'KEYS_INVALID',
} as const

/** A code of an `OpenBadgesError` thrown by the signing module. */
export type SignErrorCode = (typeof SIGN_ERROR_CODES)[keyof typeof SIGN_ERROR_CODES]
