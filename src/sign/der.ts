/**
 * Just enough DER to tell what a PEM key is (RFC 5280 SubjectPublicKeyInfo, RFC 5208/5958 PKCS #8) and
 * to wrap or unwrap Ed25519 keys (RFC 8410), which is needed where WebCrypto lacks Ed25519.
 * Everything else about a key is left to the platform's crypto (WebCrypto or node:crypto).
 */
import { decodeBase64, encodeBase64 } from './base64url.js'

/** What the AlgorithmIdentifier of a key names. */
export type KeyKind =
  | { kty: 'RSA' }
  | { kty: 'EC'; crv: 'P-256' | 'P-384' }
  | { kty: 'OKP'; crv: 'Ed25519' }

interface Tlv {
  tag: number
  start: number // first content byte
  end: number // one past the last content byte
}

function readTlv(der: Uint8Array, offset: number, limit: number): Tlv | undefined {
  if (offset + 2 > limit) return undefined
  const tag = der[offset] as number
  let len = der[offset + 1] as number
  let start = offset + 2
  if (len & 0x80) {
    const count = len & 0x7f
    if (count === 0 || count > 4 || start + count > limit) return undefined
    len = 0
    for (let i = 0; i < count; i++) len = len * 256 + (der[start + i] as number)
    start += count
  }
  const end = start + len
  if (end > limit) return undefined
  return { tag, start, end }
}

function hex(der: Uint8Array, tlv: Tlv): string {
  let out = ''
  for (let i = tlv.start; i < tlv.end; i++) out += (der[i] as number).toString(16).padStart(2, '0')
  return out
}

const OID_RSA = '2a864886f70d010101'
const OID_EC = '2a8648ce3d0201'
const OID_P256 = '2a8648ce3d030107'
const OID_P384 = '2b81040022'
const OID_ED25519 = '2b6570'

function kindOfAlgorithmIdentifier(der: Uint8Array, algId: Tlv): KeyKind | undefined {
  if (algId.tag !== 0x30) return undefined
  const oid = readTlv(der, algId.start, algId.end)
  if (!oid || oid.tag !== 0x06) return undefined
  const name = hex(der, oid)
  if (name === OID_RSA) return { kty: 'RSA' }
  if (name === OID_ED25519) return { kty: 'OKP', crv: 'Ed25519' }
  if (name === OID_EC) {
    const params = readTlv(der, oid.end, algId.end)
    if (!params || params.tag !== 0x06) return undefined
    const curve = hex(der, params)
    if (curve === OID_P256) return { kty: 'EC', crv: 'P-256' }
    if (curve === OID_P384) return { kty: 'EC', crv: 'P-384' }
  }
  return undefined
}

/** The key kind named by a SubjectPublicKeyInfo, or `undefined` if it is not one this library uses. */
export function spkiKind(der: Uint8Array): KeyKind | undefined {
  const outer = readTlv(der, 0, der.length)
  if (!outer || outer.tag !== 0x30 || outer.end !== der.length) return undefined
  const algId = readTlv(der, outer.start, outer.end)
  if (!algId) return undefined
  const bits = readTlv(der, algId.end, outer.end)
  if (!bits || bits.tag !== 0x03 || bits.end !== outer.end) return undefined
  return kindOfAlgorithmIdentifier(der, algId)
}

/** The key kind named by a PKCS #8 PrivateKeyInfo / OneAsymmetricKey. */
export function pkcs8Kind(der: Uint8Array): KeyKind | undefined {
  const outer = readTlv(der, 0, der.length)
  if (!outer || outer.tag !== 0x30 || outer.end !== der.length) return undefined
  const version = readTlv(der, outer.start, outer.end)
  if (!version || version.tag !== 0x02) return undefined
  const algId = readTlv(der, version.end, outer.end)
  if (!algId) return undefined
  return kindOfAlgorithmIdentifier(der, algId)
}

const ED25519_SPKI_PREFIX = Uint8Array.from([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00])
const ED25519_PKCS8_PREFIX = Uint8Array.from([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
])

/** SPKI DER for a raw 32-byte Ed25519 public key. */
export function ed25519Spki(publicKey: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(ED25519_SPKI_PREFIX.length + 32)
  out.set(ED25519_SPKI_PREFIX)
  out.set(publicKey, ED25519_SPKI_PREFIX.length)
  return out
}

/** PKCS #8 DER (v1, no public key attribute) for a 32-byte Ed25519 seed. */
export function ed25519Pkcs8(seed: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(ED25519_PKCS8_PREFIX.length + 32)
  out.set(ED25519_PKCS8_PREFIX)
  out.set(seed, ED25519_PKCS8_PREFIX.length)
  return out
}

/** The raw 32-byte public key inside an Ed25519 SPKI, or `undefined`. */
export function ed25519FromSpki(der: Uint8Array): Uint8Array<ArrayBuffer> | undefined {
  if (der.length !== 44) return undefined
  for (let i = 0; i < ED25519_SPKI_PREFIX.length; i++) if (der[i] !== ED25519_SPKI_PREFIX[i]) return undefined
  return der.slice(12)
}

/** The 32-byte seed inside an Ed25519 PKCS #8 (v1 or v2 with a trailing public key), or `undefined`. */
export function ed25519SeedFromPkcs8(der: Uint8Array): Uint8Array<ArrayBuffer> | undefined {
  const outer = readTlv(der, 0, der.length)
  if (!outer || outer.tag !== 0x30) return undefined
  const version = readTlv(der, outer.start, outer.end)
  if (!version || version.tag !== 0x02) return undefined
  const algId = readTlv(der, version.end, outer.end)
  if (!algId) return undefined
  const kind = kindOfAlgorithmIdentifier(der, algId)
  if (kind?.kty !== 'OKP') return undefined
  const wrapped = readTlv(der, algId.end, outer.end)
  if (!wrapped || wrapped.tag !== 0x04) return undefined
  const inner = readTlv(der, wrapped.start, wrapped.end)
  if (!inner || inner.tag !== 0x04 || inner.end - inner.start !== 32) return undefined
  return der.slice(inner.start, inner.end)
}

function derLength(len: number): number[] {
  if (len < 0x80) return [len]
  const bytes: number[] = []
  for (let n = len; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff)
  return [0x80 | bytes.length, ...bytes]
}

/** Wraps a PKCS #1 RSAPublicKey (`BEGIN RSA PUBLIC KEY`) into an SPKI. */
export function rsaPkcs1ToSpki(pkcs1: Uint8Array): Uint8Array<ArrayBuffer> {
  const algId = [0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00]
  const bitString = [0x03, ...derLength(pkcs1.length + 1), 0x00]
  const bodyLength = algId.length + bitString.length + pkcs1.length
  const head = [0x30, ...derLength(bodyLength), ...algId, ...bitString]
  const out = new Uint8Array(head.length + pkcs1.length)
  out.set(head)
  out.set(pkcs1, head.length)
  return out
}

/** A parsed PEM block. */
export interface PemBlock {
  label: string
  der: Uint8Array<ArrayBuffer>
}

/** Parses the first PEM block of `text`; `undefined` if there is none or its body is not base64. */
export function parsePem(text: string): PemBlock | undefined {
  const match = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(text)
  if (!match) return undefined
  const body = (match[2] ?? '').replace(/[\r\n\t ]/g, '')
  if (body.length === 0) return undefined
  const der = decodeBase64(body)
  if (!der) return undefined
  return { label: match[1] as string, der }
}

/** Formats DER as a PEM block with 64-character lines and a trailing newline. */
export function formatPem(label: string, der: Uint8Array): string {
  const body = encodeBase64(der).replace(/.{64}/g, '$&\n').replace(/\n$/, '')
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`
}
