/**
 * Key handles: opaque, reusable objects wrapping a public or private key. A handle is created once
 * (by `generateKeyPair`, `importPublicKey` or `importPrivateKey`) and caches whatever the platform needs
 * to use the key (a node:crypto KeyObject, WebCrypto CryptoKeys per algorithm, raw Ed25519 bytes), so
 * verifying many badges with one key never re-imports it.
 */
import * as ed from '@noble/ed25519'
import type { JsonWebKey as NodeJsonWebKey, KeyObject } from 'node:crypto'
import { OpenBadgesError } from '../errors.js'
import { algorithmFitsKey, isSignatureAlgorithm, webCryptoParams, type SignatureAlgorithm } from './algorithms.js'
import { decodeBase64url, encodeBase64url } from './base64url.js'
import { SIGN_ERROR_CODES } from './codes.js'
import {
  ed25519FromSpki,
  ed25519Pkcs8,
  ed25519SeedFromPkcs8,
  ed25519Spki,
  formatPem,
  parsePem,
  pkcs8Kind,
  rsaPkcs1ToSpki,
  spkiKind,
} from './der.js'
import { modulusBits, publicPart, toPrivateJwk, toPublicJwk, type PrivateJwk, type PublicJwk } from './jwk.js'
import { nodeCrypto, subtle } from './platform.js'

/** Key types: RSA, elliptic curve (P-256, P-384), or octet key pair (Ed25519). */
export type KeyType = 'RSA' | 'EC' | 'OKP'
/** Curves: P-256 and P-384 for EC keys, Ed25519 for OKP keys. */
export type KeyCurve = 'P-256' | 'P-384' | 'Ed25519'

/** An imported public key. Opaque: only the descriptive members are visible. Reuse it across calls. */
export interface PublicKeyHandle {
  readonly kind: 'public'
  readonly kty: KeyType
  readonly crv: KeyCurve | undefined
  /** RSA modulus length in bits. */
  readonly modulusLength: number | undefined
  /** When set, the only algorithm this key may be used with. */
  readonly alg: SignatureAlgorithm | undefined
}

/** An imported private key, with its public key. Opaque like {@link PublicKeyHandle}. */
export interface PrivateKeyHandle {
  readonly kind: 'private'
  readonly kty: KeyType
  readonly crv: KeyCurve | undefined
  readonly modulusLength: number | undefined
  readonly alg: SignatureAlgorithm | undefined
  readonly publicKey: PublicKeyHandle
}

/** A generated key pair. */
export interface KeyPair {
  alg: SignatureAlgorithm
  publicKey: PublicKeyHandle
  privateKey: PrivateKeyHandle
}

interface PublicState {
  jwk: PublicJwk
  spki: Uint8Array
  node: KeyObject | undefined
  webcrypto: Map<SignatureAlgorithm, Promise<CryptoKey>>
  raw: Uint8Array | undefined
}

interface PrivateState {
  jwk: PrivateJwk
  pkcs8: Uint8Array
  webcrypto: Map<SignatureAlgorithm, Promise<CryptoKey>>
  seed: Uint8Array | undefined
}

const publicStates = new WeakMap<object, PublicState>()
const privateStates = new WeakMap<object, PrivateState>()

const MIN_RSA_BITS = 2048

function fail(code: string, message: string, cause?: unknown): never {
  throw new OpenBadgesError(code, message, cause === undefined ? {} : { cause })
}

/**
 * Throws unless `alg` (when given) is on the allow-list and fits a key of this type/curve.
 * @throws OpenBadgesError `ALG_UNSUPPORTED`, `KEY_ALG_MISMATCH`.
 */
export function checkAlg(alg: SignatureAlgorithm | undefined, kty: KeyType, crv: string | undefined): void {
  if (alg === undefined) return
  if (!isSignatureAlgorithm(alg)) fail(SIGN_ERROR_CODES.ALG_UNSUPPORTED, `unsupported algorithm ${JSON.stringify(alg)}`)
  if (!algorithmFitsKey(alg, kty, crv)) {
    fail(SIGN_ERROR_CODES.KEY_ALG_MISMATCH, `${alg} cannot be used with a ${kty}${crv ? ` ${crv}` : ''} key`)
  }
}

function describe(jwk: PublicJwk): { kty: KeyType; crv: KeyCurve | undefined; modulusLength: number | undefined } {
  if (jwk.kty === 'RSA') {
    const bits = modulusBits(jwk.n)
    if (bits < MIN_RSA_BITS) fail(SIGN_ERROR_CODES.KEY_TOO_WEAK, `RSA keys must be at least ${MIN_RSA_BITS} bits (got ${bits})`)
    return { kty: 'RSA', crv: undefined, modulusLength: bits }
  }
  return { kty: jwk.kty, crv: jwk.crv, modulusLength: undefined }
}

function makePublic(jwk: PublicJwk, spki: Uint8Array, alg: SignatureAlgorithm | undefined, node?: KeyObject): PublicKeyHandle {
  const info = describe(jwk)
  checkAlg(alg, info.kty, info.crv)
  const handle: PublicKeyHandle = Object.freeze({ kind: 'public', ...info, alg })
  publicStates.set(handle, {
    jwk,
    spki,
    node,
    webcrypto: new Map(),
    raw: jwk.kty === 'OKP' ? decodeBase64url(jwk.x) : undefined,
  })
  return handle
}

function makePrivate(jwk: PrivateJwk, pkcs8: Uint8Array, publicKey: PublicKeyHandle, alg: SignatureAlgorithm | undefined): PrivateKeyHandle {
  const handle: PrivateKeyHandle = Object.freeze({
    kind: 'private',
    kty: publicKey.kty,
    crv: publicKey.crv,
    modulusLength: publicKey.modulusLength,
    alg,
    publicKey,
  })
  privateStates.set(handle, {
    jwk,
    pkcs8,
    webcrypto: new Map(),
    seed: jwk.kty === 'OKP' ? decodeBase64url(jwk.d) : undefined,
  })
  return handle
}

/** Params to import an RSA/EC key (a JWK, or the kind read from its DER) into WebCrypto just to convert its encoding. */
function conversionParams(key: { kty: string; crv?: string }): Algorithm {
  return key.kty === 'RSA' ? webCryptoParams('RS256').importParams : webCryptoParams(key.crv === 'P-384' ? 'ES384' : 'ES256').importParams
}

async function publicFromJwk(input: unknown, alg: SignatureAlgorithm | undefined): Promise<PublicKeyHandle> {
  const jwk = toPublicJwk(input)
  if (jwk.kty === 'OKP') return makePublic(jwk, ed25519Spki(decodeBase64url(jwk.x)!), alg)
  describe(jwk) // refuse weak RSA keys before touching the platform
  try {
    const node = nodeCrypto()
    if (node) {
      const key = node.createPublicKey({ key: jwk as unknown as NodeJsonWebKey, format: 'jwk' })
      return makePublic(jwk, new Uint8Array(key.export({ type: 'spki', format: 'der' })), alg, key)
    }
    const key = await subtle().importKey('jwk', jwk as JsonWebKey, conversionParams(jwk), true, ['verify'])
    return makePublic(jwk, new Uint8Array(await subtle().exportKey('spki', key)), alg)
  } catch (error) {
    if (error instanceof OpenBadgesError) throw error
    return fail(SIGN_ERROR_CODES.KEY_INVALID, 'the platform refused the public key', error)
  }
}

async function publicFromSpki(der: Uint8Array<ArrayBuffer>, alg: SignatureAlgorithm | undefined): Promise<PublicKeyHandle> {
  const kind = spkiKind(der)
  if (!kind) return fail(SIGN_ERROR_CODES.KEY_UNSUPPORTED_TYPE, 'the public key is not RSA, EC P-256/P-384 or Ed25519')
  if (kind.kty === 'OKP') {
    const raw = ed25519FromSpki(der)
    if (!raw) return fail(SIGN_ERROR_CODES.KEY_INVALID, 'malformed Ed25519 public key')
    return makePublic({ kty: 'OKP', crv: 'Ed25519', x: encodeBase64url(raw) }, der, alg)
  }
  let jwk: PublicJwk
  let keyObject: KeyObject | undefined
  try {
    const node = nodeCrypto()
    if (node) {
      keyObject = node.createPublicKey({ key: Buffer.from(der.buffer, der.byteOffset, der.byteLength), format: 'der', type: 'spki' })
      jwk = toPublicJwk(keyObject.export({ format: 'jwk' }))
    } else {
      const key = await subtle().importKey('spki', der, conversionParams(kind), true, ['verify'])
      jwk = toPublicJwk(await subtle().exportKey('jwk', key))
    }
  } catch (error) {
    if (error instanceof OpenBadgesError) throw error
    return fail(SIGN_ERROR_CODES.KEY_INVALID, 'the platform refused the public key', error)
  }
  return makePublic(jwk, der, alg, keyObject)
}

/** Something a public key can be imported from. */
export type PublicKeyInput = string | PublicKeyHandle | PrivateKeyHandle | PublicJwk | PrivateJwk | Record<string, unknown>

/**
 * Imports a public key from PEM (`BEGIN PUBLIC KEY`, or PKCS #1 `BEGIN RSA PUBLIC KEY`), a JWK, a
 * CryptographicKey document (its `publicKeyPem`), or an existing handle. The returned handle caches the
 * platform key objects: keep it and reuse it.
 *
 * @param alg When given, the handle only verifies this algorithm.
 * @throws OpenBadgesError `KEY_INVALID_PEM`, `KEY_UNSUPPORTED_FORMAT`, `KEY_INVALID_JWK`, `KEY_UNSUPPORTED_TYPE`,
 *   `KEY_INVALID`, `KEY_TOO_WEAK` (RSA < 2048 bits), `KEY_ALG_MISMATCH`, `ALG_UNSUPPORTED`.
 * @example
 * const key = await importPublicKey(keyDocument.publicKeyPem)
 * const check = await verifySignature(jws, { resolveKey: async () => key })
 */
export async function importPublicKey(input: PublicKeyInput, alg?: SignatureAlgorithm): Promise<PublicKeyHandle> {
  if (typeof input === 'object' && input !== null) {
    const state = publicStates.get(input)
    if (state) {
      const handle = input as PublicKeyHandle
      if (alg === undefined || alg === handle.alg) return handle
      return makePublic(state.jwk, state.spki, alg, state.node)
    }
    if (privateStates.has(input)) return importPublicKey((input as PrivateKeyHandle).publicKey, alg)
    const doc = input as Record<string, unknown>
    if (typeof doc.publicKeyPem === 'string' && doc.kty === undefined) return importPublicKey(doc.publicKeyPem, alg)
    return publicFromJwk(input, alg)
  }
  if (typeof input !== 'string') return fail(SIGN_ERROR_CODES.KEY_INVALID_PEM, 'a public key must be a PEM string, a JWK or a key handle')
  const pem = parsePem(input)
  if (!pem) return fail(SIGN_ERROR_CODES.KEY_INVALID_PEM, 'no PEM block found, or its body is not base64')
  if (pem.label === 'PUBLIC KEY') return publicFromSpki(pem.der, alg)
  if (pem.label === 'RSA PUBLIC KEY') return publicFromSpki(rsaPkcs1ToSpki(pem.der), alg)
  return fail(SIGN_ERROR_CODES.KEY_UNSUPPORTED_FORMAT, `PEM "${pem.label}" is not a public key (expected BEGIN PUBLIC KEY)`)
}

async function ed25519Private(seed: Uint8Array, alg: SignatureAlgorithm | undefined): Promise<PrivateKeyHandle> {
  const x = encodeBase64url(await ed.getPublicKeyAsync(seed))
  const jwk: PrivateJwk = { kty: 'OKP', crv: 'Ed25519', x, d: encodeBase64url(seed) }
  const pub = makePublic(publicPart(jwk), ed25519Spki(decodeBase64url(x)!), alg)
  return makePrivate(jwk, ed25519Pkcs8(seed), pub, alg)
}

async function privateFromJwk(input: unknown, alg: SignatureAlgorithm | undefined): Promise<PrivateKeyHandle> {
  const jwk = toPrivateJwk(input)
  if (jwk.kty === 'OKP') {
    const handle = await ed25519Private(decodeBase64url(jwk.d)!, alg)
    if ((exportPublicKeyJwk(handle.publicKey) as { x?: string }).x !== jwk.x) fail(SIGN_ERROR_CODES.KEY_INVALID_JWK, 'Ed25519 JWK: "x" does not match "d"')
    return handle
  }
  describe(jwk)
  let pkcs8: Uint8Array
  let spki: Uint8Array
  try {
    const node = nodeCrypto()
    if (node) {
      const key = node.createPrivateKey({ key: jwk as unknown as NodeJsonWebKey, format: 'jwk' })
      pkcs8 = new Uint8Array(key.export({ type: 'pkcs8', format: 'der' }))
      spki = new Uint8Array(node.createPublicKey(key).export({ type: 'spki', format: 'der' }))
    } else {
      const key = await subtle().importKey('jwk', jwk as JsonWebKey, conversionParams(jwk), true, ['sign'])
      pkcs8 = new Uint8Array(await subtle().exportKey('pkcs8', key))
      const pubKey = await subtle().importKey('jwk', publicPart(jwk) as JsonWebKey, conversionParams(jwk), true, ['verify'])
      spki = new Uint8Array(await subtle().exportKey('spki', pubKey))
    }
  } catch (error) {
    if (error instanceof OpenBadgesError) throw error
    return fail(SIGN_ERROR_CODES.KEY_INVALID, 'the platform refused the private key', error)
  }
  return makePrivate(jwk, pkcs8, makePublic(publicPart(jwk), spki, alg), alg)
}

async function privateFromPkcs8(der: Uint8Array<ArrayBuffer>, alg: SignatureAlgorithm | undefined): Promise<PrivateKeyHandle> {
  const kind = pkcs8Kind(der)
  if (!kind) return fail(SIGN_ERROR_CODES.KEY_UNSUPPORTED_TYPE, 'the private key is not RSA, EC P-256/P-384 or Ed25519')
  if (kind.kty === 'OKP') {
    const seed = ed25519SeedFromPkcs8(der)
    if (!seed) return fail(SIGN_ERROR_CODES.KEY_INVALID, 'malformed Ed25519 private key')
    return ed25519Private(seed, alg)
  }
  let jwk: unknown
  try {
    const node = nodeCrypto()
    if (node) {
      jwk = node.createPrivateKey({ key: Buffer.from(der.buffer, der.byteOffset, der.byteLength), format: 'der', type: 'pkcs8' }).export({ format: 'jwk' })
    } else {
      jwk = await subtle().exportKey('jwk', await subtle().importKey('pkcs8', der, conversionParams(kind), true, ['sign']))
    }
  } catch (error) {
    return fail(SIGN_ERROR_CODES.KEY_INVALID, 'the platform refused the private key', error)
  }
  return privateFromJwk(jwk, alg)
}

/** Something a private key can be imported from. */
export type PrivateKeyInput = string | PrivateKeyHandle | PrivateJwk | Record<string, unknown>

/**
 * Imports a private key from PKCS #8 PEM (`BEGIN PRIVATE KEY`), a private JWK, or an existing handle.
 *
 * @param alg When given, the key signs with this algorithm (else RS256 / ES256 / ES384 / EdDSA by key type).
 * @throws OpenBadgesError `KEY_INVALID_PEM`, `KEY_UNSUPPORTED_FORMAT` (encrypted or legacy PEM: convert with
 *   `openssl pkcs8 -topk8 -nocrypt`), `KEY_INVALID_JWK`, `KEY_UNSUPPORTED_TYPE`, `KEY_INVALID`, `KEY_TOO_WEAK`,
 *   `KEY_ALG_MISMATCH`, `ALG_UNSUPPORTED`.
 * @example
 * const privateKey = await importPrivateKey(readFileSync('private.pem', 'utf8'))
 */
export async function importPrivateKey(input: PrivateKeyInput, alg?: SignatureAlgorithm): Promise<PrivateKeyHandle> {
  if (typeof input === 'object' && input !== null) {
    const state = privateStates.get(input)
    if (state) {
      const handle = input as PrivateKeyHandle
      if (alg === undefined || alg === handle.alg) return handle
      checkAlg(alg, handle.kty, handle.crv)
      return makePrivate(state.jwk, state.pkcs8, await importPublicKey(handle.publicKey, alg), alg)
    }
    return privateFromJwk(input, alg)
  }
  if (typeof input !== 'string') return fail(SIGN_ERROR_CODES.KEY_INVALID_PEM, 'a private key must be a PEM string, a JWK or a key handle')
  const pem = parsePem(input)
  if (!pem) return fail(SIGN_ERROR_CODES.KEY_INVALID_PEM, 'no PEM block found, or its body is not base64')
  if (pem.label === 'PRIVATE KEY') return privateFromPkcs8(pem.der, alg)
  return fail(SIGN_ERROR_CODES.KEY_UNSUPPORTED_FORMAT, `PEM "${pem.label}" is not supported: use unencrypted PKCS #8 (BEGIN PRIVATE KEY)`)
}

function publicStateOf(handle: PublicKeyHandle): PublicState {
  const state = publicStates.get(handle)
  if (!state) throw new TypeError('not a public key handle from importPublicKey/generateKeyPair')
  return state
}

function privateStateOf(handle: PrivateKeyHandle): PrivateState {
  const state = privateStates.get(handle)
  if (!state) throw new TypeError('not a private key handle from importPrivateKey/generateKeyPair')
  return state
}

/**
 * The public key as SPKI PEM (`-----BEGIN PUBLIC KEY-----`), as CryptographicKey.publicKeyPem expects.
 * @throws TypeError when `key` is not a handle from this library.
 * @example
 * const pem = exportPublicKeyPem((await generateKeyPair('RS256')).publicKey)
 */
export function exportPublicKeyPem(key: PublicKeyHandle | KeyPair): string {
  return formatPem('PUBLIC KEY', publicStateOf('kind' in key ? key : key.publicKey).spki)
}

/**
 * The public key as a JWK (key members only, plus `alg` when the handle is bound to one).
 * @throws TypeError when `key` is not a handle from this library.
 * @example
 * const jwk = exportPublicKeyJwk(pair.publicKey) // { kty: 'RSA', n, e, alg: 'RS256' }
 */
export function exportPublicKeyJwk(key: PublicKeyHandle | KeyPair): PublicJwk & { alg?: SignatureAlgorithm } {
  const handle = 'kind' in key ? key : key.publicKey
  const jwk = { ...publicStateOf(handle).jwk }
  return handle.alg ? { ...jwk, alg: handle.alg } : jwk
}

/**
 * The private key as unencrypted PKCS #8 PEM (`-----BEGIN PRIVATE KEY-----`). Store it with care (mode 0600).
 * @throws TypeError when `key` is not a handle from this library.
 * @example
 * writeFileSync('private.pem', exportPrivateKeyPem(pair.privateKey), { mode: 0o600 })
 */
export function exportPrivateKeyPem(key: PrivateKeyHandle | KeyPair): string {
  return formatPem('PRIVATE KEY', privateStateOf('kind' in key ? key : key.privateKey).pkcs8)
}

/**
 * The private key as a JWK (includes the private members).
 * @throws TypeError when `key` is not a handle from this library.
 * @example
 * const jwk = exportPrivateKeyJwk(pair.privateKey) // { kty: 'OKP', crv: 'Ed25519', x, d }
 */
export function exportPrivateKeyJwk(key: PrivateKeyHandle | KeyPair): PrivateJwk & { alg?: SignatureAlgorithm } {
  const handle = 'kind' in key ? key : key.privateKey
  const jwk = { ...privateStateOf(handle).jwk }
  return handle.alg ? { ...jwk, alg: handle.alg } : jwk
}

/** True when `value` is a public key handle created by this library. */
export function isPublicKeyHandle(value: unknown): value is PublicKeyHandle {
  return typeof value === 'object' && value !== null && publicStates.has(value)
}

/** True when `value` is a private key handle created by this library. */
export function isPrivateKeyHandle(value: unknown): value is PrivateKeyHandle {
  return typeof value === 'object' && value !== null && privateStates.has(value)
}

// ---- internal accessors for sign/verify (not exported from the package) ----

/** The node:crypto KeyObject of a public key (created once), or undefined off Node. */
export function nodePublicKey(handle: PublicKeyHandle): KeyObject | undefined {
  const node = nodeCrypto()
  if (!node) return undefined
  const state = publicStateOf(handle)
  state.node ??= node.createPublicKey({ key: state.jwk as unknown as NodeJsonWebKey, format: 'jwk' })
  return state.node
}

/** The WebCrypto key of a handle's state for `alg`, imported once per algorithm (a failed import is not kept). */
function cachedWebCryptoKey(state: PublicState | PrivateState, alg: SignatureAlgorithm, usage: 'sign' | 'verify'): Promise<CryptoKey> {
  let key = state.webcrypto.get(alg)
  if (!key) {
    key = subtle().importKey('jwk', state.jwk as JsonWebKey, webCryptoParams(alg).importParams, false, [usage])
    key.catch(() => state.webcrypto.delete(alg))
    state.webcrypto.set(alg, key)
  }
  return key
}

/** The WebCrypto verify key for `alg` (imported once per algorithm). */
export function webCryptoPublicKey(handle: PublicKeyHandle, alg: SignatureAlgorithm): Promise<CryptoKey> {
  return cachedWebCryptoKey(publicStateOf(handle), alg, 'verify')
}

/** The WebCrypto signing key for `alg` (imported once per algorithm). */
export function webCryptoPrivateKey(handle: PrivateKeyHandle, alg: SignatureAlgorithm): Promise<CryptoKey> {
  return cachedWebCryptoKey(privateStateOf(handle), alg, 'sign')
}

/** Raw 32-byte Ed25519 public key. */
export function ed25519PublicBytes(handle: PublicKeyHandle): Uint8Array | undefined {
  return publicStateOf(handle).raw
}

/** Raw 32-byte Ed25519 seed. */
export function ed25519Seed(handle: PrivateKeyHandle): Uint8Array | undefined {
  return privateStateOf(handle).seed
}

/** Builds handles from WebCrypto keys (used by generateKeyPair). */
export async function handlesFromCryptoKeys(
  pair: { publicKey: CryptoKey; privateKey: CryptoKey },
  alg: SignatureAlgorithm,
): Promise<KeyPair> {
  const s = subtle()
  const [pubJwk, privJwk, spki, pkcs8] = await Promise.all([
    s.exportKey('jwk', pair.publicKey),
    s.exportKey('jwk', pair.privateKey),
    s.exportKey('spki', pair.publicKey),
    s.exportKey('pkcs8', pair.privateKey),
  ])
  const publicKey = makePublic(toPublicJwk(pubJwk), new Uint8Array(spki), alg)
  const privateKey = makePrivate(toPrivateJwk(privJwk), new Uint8Array(pkcs8), publicKey, alg)
  return { alg, publicKey, privateKey }
}

/** Builds an Ed25519 key pair from a 32-byte seed. */
export async function ed25519PairFromSeed(seed: Uint8Array): Promise<KeyPair> {
  const privateKey = await ed25519Private(seed, 'EdDSA')
  return { alg: 'EdDSA', publicKey: privateKey.publicKey, privateKey }
}
