/**
 * The raw signature operations behind signAssertion / verifySignature, dispatched to the fastest backend
 * the platform has: node:crypto (sync) → WebCrypto → @noble/ed25519 (Ed25519 only).
 */
import * as ed from '@noble/ed25519'
import type { SignatureAlgorithm } from './algorithms.js'
import { fixedSignatureLength, webCryptoParams } from './algorithms.js'
import { ed25519PublicBytes, nodePublicKey, webCryptoPublicKey, type PublicKeyHandle } from './keys.js'
import { nodeCrypto, subtle, webCryptoHasEd25519 } from './platform.js'

const NODE_HASH: Record<SignatureAlgorithm, string | null> = {
  RS256: 'sha256',
  RS384: 'sha384',
  RS512: 'sha512',
  PS256: 'sha256',
  ES256: 'sha256',
  ES384: 'sha384',
  EdDSA: null,
}

/**
 * Synchronous verification through node:crypto; `undefined` when node:crypto is not available (then use
 * {@link verifyBytes}). Saves the promise round trips on the hot path.
 */
export function verifyBytesSync(
  key: PublicKeyHandle,
  alg: SignatureAlgorithm,
  data: Uint8Array<ArrayBuffer>,
  signature: Uint8Array<ArrayBuffer>,
): boolean | undefined {
  const node = nodeCrypto()
  if (!node) return undefined
  const fixed = fixedSignatureLength(alg)
  if (fixed !== undefined && signature.length !== fixed) return false
  const keyObject = nodePublicKey(key)!
  try {
    if (alg === 'ES256' || alg === 'ES384') {
      return node.verify(NODE_HASH[alg], data, { key: keyObject, dsaEncoding: 'ieee-p1363' }, signature)
    }
    if (alg === 'PS256') {
      const { RSA_PKCS1_PSS_PADDING } = node.constants
      return node.verify('sha256', data, { key: keyObject, padding: RSA_PKCS1_PSS_PADDING, saltLength: 32 }, signature)
    }
    return node.verify(NODE_HASH[alg], data, keyObject, signature)
  } catch {
    return false
  }
}

/**
 * Verifies `signature` over `data` with `key` and `alg` (alg/key compatibility already checked), on the
 * fastest backend available. Resolves `false` for a bad signature; never rejects for bad signature bytes.
 */
export async function verifyBytes(
  key: PublicKeyHandle,
  alg: SignatureAlgorithm,
  data: Uint8Array<ArrayBuffer>,
  signature: Uint8Array<ArrayBuffer>,
): Promise<boolean> {
  const sync = verifyBytesSync(key, alg, data, signature)
  if (sync !== undefined) return sync
  const fixed = fixedSignatureLength(alg)
  if (fixed !== undefined && signature.length !== fixed) return false
  if (alg === 'EdDSA' && !(await webCryptoHasEd25519())) {
    try {
      // zip215: false — RFC 8032 / OpenSSL semantics, so every backend accepts exactly the same signatures.
      return await ed.verifyAsync(signature, data, ed25519PublicBytes(key)!, { zip215: false })
    } catch {
      return false
    }
  }
  const cryptoKey = await webCryptoPublicKey(key, alg)
  try {
    return await subtle().verify(webCryptoParams(alg).signParams, cryptoKey, signature, data)
  } catch {
    return false
  }
}
