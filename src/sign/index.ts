/**
 * Signed badges: keys (generate, import, export as PEM and JWK), CryptographicKey documents and issuer
 * key lists with rotation, JWS signing of Assertions, untrusted decoding, and strict signature checks.
 * Works in Node ≥ 20 and browsers (WebCrypto), with @noble/ed25519 where WebCrypto lacks Ed25519.
 */
export { SIGNATURE_ALGORITHMS, isSignatureAlgorithm } from './algorithms.js'
export type { SignatureAlgorithm } from './algorithms.js'
export { SIGNATURE_CHECK_CODES, SIGN_ERROR_CODES } from './codes.js'
export type { SignatureCheckCode, SignErrorCode } from './codes.js'
export { generateKeyPair } from './generate.js'
export type { GenerateKeyPairOptions } from './generate.js'
export {
  importPublicKey,
  importPrivateKey,
  exportPublicKeyPem,
  exportPublicKeyJwk,
  exportPrivateKeyPem,
  exportPrivateKeyJwk,
  isPublicKeyHandle,
  isPrivateKeyHandle,
} from './keys.js'
export type { KeyPair, KeyType, KeyCurve, PublicKeyHandle, PrivateKeyHandle, PublicKeyInput, PrivateKeyInput } from './keys.js'
export type { PublicJwk, PrivateJwk, RsaPublicJwk, EcPublicJwk, OkpPublicJwk } from './jwk.js'
export {
  toCryptographicKey,
  createIssuerKeyList,
  addIssuerKey,
  rotateIssuerKey,
  retireIssuerKey,
  activeIssuerKey,
  checkSigningKey,
  issuerKeyDocuments,
  withIssuerKeys,
} from './issuer-keys.js'
export type { IssuerKeyEntry, IssuerKeyList, NewIssuerKey, IssuerKeyClockOptions } from './issuer-keys.js'
export { signAssertion } from './sign.js'
export type { SigningKey, SignAssertionOptions } from './sign.js'
export { decodeJws } from './decode.js'
export type { DecodeJwsResult, DecodeJwsOptions, DecodeJwsCode } from './decode.js'
export { verifySignature } from './verify.js'
export type { SignatureCheck, VerifySignatureOptions, ResolveKey, ResolvedKey } from './verify.js'
