/**
 * CryptographicKey documents and issuer key lists with rotation. A key list is plain JSON (store it
 * anywhere): every key the issuer ever signed with stays listed, so old badges keep verifying against the
 * issuer Profile's `publicKey`, but only the active key may sign new ones.
 */
import { OpenBadgesError } from '../errors.js'
import { OB_V2_CONTEXT } from '../jsonld/urls.js'
import type { CryptographicKey, DateTime, IRI, Profile } from '../model/openbadges.js'
import type { SignatureAlgorithm } from './algorithms.js'
import { SIGN_ERROR_CODES } from './codes.js'
import { exportPublicKeyPem, isPublicKeyHandle, type KeyPair, type PublicKeyHandle } from './keys.js'

/** One key in an issuer key list. */
export interface IssuerKeyEntry {
  /** The CryptographicKey id (HTTPS URL of its document). */
  id: IRI
  publicKeyPem: string
  alg?: SignatureAlgorithm
  /** `active` keys may sign; `retired` keys only stay listed so earlier badges keep verifying. */
  status: 'active' | 'retired'
  retiredOn?: DateTime
}

/** The keys of one issuer. */
export interface IssuerKeyList {
  /** The issuer Profile id: every key's `owner`. */
  owner: IRI
  keys: IssuerKeyEntry[]
}

/** A new key for {@link addIssuerKey} / {@link rotateIssuerKey}. */
export interface NewIssuerKey {
  id: IRI
  /** The public key: a handle, a key pair, or SPKI PEM. */
  publicKey: PublicKeyHandle | KeyPair | string
  alg?: SignatureAlgorithm
}

/** Clock option: when given, retirement dates are recorded. */
export interface IssuerKeyClockOptions {
  now?: () => Date
}

function pemOf(key: PublicKeyHandle | KeyPair | string): string {
  if (typeof key === 'string') {
    if (!key.includes('-----BEGIN PUBLIC KEY-----')) {
      throw new OpenBadgesError(SIGN_ERROR_CODES.KEYS_INVALID, 'publicKey must be SPKI PEM (BEGIN PUBLIC KEY)')
    }
    return key
  }
  if (isPublicKeyHandle(key)) return exportPublicKeyPem(key)
  return exportPublicKeyPem(key.publicKey)
}

/**
 * A CryptographicKey document (`id`, `type`, `owner`, `publicKeyPem`) for hosting at its `id`.
 * @throws TypeError when `key` is not a handle, a key pair or a PEM string.
 * @example
 * const doc = toCryptographicKey(pair, { id: 'https://example.org/keys/1', owner: 'https://example.org/issuer' })
 */
export function toCryptographicKey(key: PublicKeyHandle | KeyPair | string, meta: { id: IRI; owner: IRI }): CryptographicKey & {
  id: IRI
  owner: IRI
  publicKeyPem: string
} {
  return { '@context': OB_V2_CONTEXT, id: meta.id, type: 'CryptographicKey', owner: meta.owner, publicKeyPem: pemOf(key) }
}

function checkList(list: IssuerKeyList): void {
  if (typeof list !== 'object' || list === null || typeof list.owner !== 'string' || !Array.isArray(list.keys)) {
    throw new OpenBadgesError(SIGN_ERROR_CODES.KEYS_INVALID, 'an issuer key list is { owner, keys: [] }')
  }
}

/**
 * A new issuer key list, optionally with its first (active) keys.
 * @throws OpenBadgesError `KEYS_DUPLICATE_ID`, `KEYS_INVALID`.
 * @example
 * let keys = createIssuerKeyList('https://example.org/issuer', [{ id: 'https://example.org/keys/1', publicKey: pair }])
 */
export function createIssuerKeyList(owner: IRI, keys: NewIssuerKey[] = []): IssuerKeyList {
  if (typeof owner !== 'string' || owner === '') throw new OpenBadgesError(SIGN_ERROR_CODES.KEYS_INVALID, 'owner must be the issuer id')
  return keys.reduce<IssuerKeyList>((list, key) => addIssuerKey(list, key), { owner, keys: [] })
}

/**
 * Adds an active key (other keys are left as they are). Returns a new list.
 * @throws OpenBadgesError `KEYS_DUPLICATE_ID`, `KEYS_INVALID`.
 * @example
 * keys = addIssuerKey(keys, { id: 'https://example.org/keys/2', publicKey: pem })
 */
export function addIssuerKey(list: IssuerKeyList, key: NewIssuerKey): IssuerKeyList {
  checkList(list)
  if (typeof key?.id !== 'string' || key.id === '') throw new OpenBadgesError(SIGN_ERROR_CODES.KEYS_INVALID, 'a key needs an id')
  if (list.keys.some((k) => k.id === key.id)) {
    throw new OpenBadgesError(SIGN_ERROR_CODES.KEYS_DUPLICATE_ID, `key ${key.id} is already listed`, { details: { id: key.id } })
  }
  const entry: IssuerKeyEntry = { id: key.id, publicKeyPem: pemOf(key.publicKey), status: 'active' }
  const alg = key.alg ?? (typeof key.publicKey === 'string' ? undefined : 'alg' in key.publicKey ? key.publicKey.alg : undefined)
  if (alg) entry.alg = alg
  return { ...list, keys: [...list.keys, entry] }
}

/**
 * Marks a key retired: it stays listed (old badges keep verifying) but may no longer sign.
 * @throws OpenBadgesError `KEYS_UNKNOWN_ID`.
 * @example
 * keys = retireIssuerKey(keys, 'https://example.org/keys/1', { now: () => new Date() })
 */
export function retireIssuerKey(list: IssuerKeyList, id: IRI, options: IssuerKeyClockOptions = {}): IssuerKeyList {
  checkList(list)
  if (!list.keys.some((k) => k.id === id)) {
    throw new OpenBadgesError(SIGN_ERROR_CODES.KEYS_UNKNOWN_ID, `no key ${id} in the list`, { details: { id } })
  }
  const retiredOn = options.now?.().toISOString()
  return {
    ...list,
    keys: list.keys.map((k) =>
      k.id !== id || k.status === 'retired' ? k : { ...k, status: 'retired' as const, ...(retiredOn ? { retiredOn } : {}) },
    ),
  }
}

/**
 * Rotation: adds `key` as the active key and retires every previously active key.
 * @throws OpenBadgesError `KEYS_DUPLICATE_ID`, `KEYS_INVALID`.
 * @example
 * keys = rotateIssuerKey(keys, { id: 'https://example.org/keys/2', publicKey: next }, { now })
 */
export function rotateIssuerKey(list: IssuerKeyList, key: NewIssuerKey, options: IssuerKeyClockOptions = {}): IssuerKeyList {
  checkList(list)
  const previous = list.keys.filter((k) => k.status === 'active').map((k) => k.id)
  let next = addIssuerKey(list, key)
  for (const id of previous) next = retireIssuerKey(next, id, options)
  return next
}

/**
 * The key new badges are signed with: the most recently added active key.
 * @throws OpenBadgesError `KEYS_NO_ACTIVE_KEY`.
 * @example
 * const { id } = activeIssuerKey(keys)
 */
export function activeIssuerKey(list: IssuerKeyList): IssuerKeyEntry {
  checkList(list)
  const active = list.keys.filter((k) => k.status === 'active')
  const last = active[active.length - 1]
  if (!last) throw new OpenBadgesError(SIGN_ERROR_CODES.KEYS_NO_ACTIVE_KEY, 'the issuer has no active key')
  return last
}

/**
 * Throws unless `id` is an active key of the list (used by `signAssertion` with `keyList`).
 * @throws OpenBadgesError `SIGN_KEY_RETIRED`, `SIGN_KEY_NOT_LISTED`.
 * @example
 * checkSigningKey(keys, 'https://example.org/keys/2')
 */
export function checkSigningKey(list: IssuerKeyList, id: IRI): void {
  checkList(list)
  const entry = list.keys.find((k) => k.id === id)
  if (!entry) throw new OpenBadgesError(SIGN_ERROR_CODES.SIGN_KEY_NOT_LISTED, `key ${id} is not in the issuer key list`, { details: { id } })
  if (entry.status !== 'active') {
    throw new OpenBadgesError(SIGN_ERROR_CODES.SIGN_KEY_RETIRED, `key ${id} is retired and may no longer sign`, { details: { id } })
  }
}

/**
 * Every listed key (active and retired) as a CryptographicKey document, for hosting.
 * @example
 * for (const doc of issuerKeyDocuments(keys)) store.put(doc.id, doc)
 */
export function issuerKeyDocuments(list: IssuerKeyList): Array<CryptographicKey & { id: IRI; owner: IRI; publicKeyPem: string }> {
  checkList(list)
  return list.keys.map((k) => toCryptographicKey(k.publicKeyPem, { id: k.id, owner: list.owner }))
}

/**
 * The issuer Profile with `publicKey` listing every key id of the list (retired ones included).
 * @throws OpenBadgesError `KEYS_INVALID` when the profile id is not the list owner.
 * @example
 * const published = withIssuerKeys(issuer, keys)
 */
export function withIssuerKeys<P extends Profile>(profile: P, list: IssuerKeyList): P & { publicKey: IRI[] } {
  checkList(list)
  if (profile.id !== list.owner) {
    throw new OpenBadgesError(SIGN_ERROR_CODES.KEYS_INVALID, `the key list belongs to ${list.owner}, not ${profile.id}`)
  }
  return { ...profile, publicKey: list.keys.map((k) => k.id) }
}
