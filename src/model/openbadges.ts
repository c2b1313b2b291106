/**
 * Types for the Open Badges 2.0 vocabulary (https://w3id.org/openbadges/v2), written from the
 * specification's class tables. Required properties are required here; "Multiple values allowed"
 * properties accept a single value or an array, exactly as the spec allows.
 *
 * These types describe documents as any conforming issuer may publish them (the verifier reads them);
 * the builders in `issue/` always produce the more regular shapes (arrays where several values exist,
 * embedded objects where the spec allows an IRI or a document).
 */

/** A single value or an array of values ("Multiple values allowed" in the spec). */
export type OneOrMany<T> = T | T[]

/** An IRI: a URL (http/https) or another IRI scheme such as `urn:uuid:`. */
export type IRI = string

/** ISO 8601 date-time with a time zone designator, e.g. `2016-12-31T23:59:59+00:00`. */
export type DateTime = string

/** A JSON-LD `@context` value: a URL, an inline object, or a list of them. */
export type JsonLdContext = string | Record<string, unknown> | Array<string | Record<string, unknown>>

/** Extra properties allowed on every badge object (extensions and mapped additional properties). */
export interface AdditionalProperties {
  [property: string]: unknown
}

/** `sha256$<hex>` or `md5$<hex>`: the spec's IdentityHash datatype. */
export type IdentityHash = `sha256$${string}` | `md5$${string}`

/** IdentityObject: who the badge was awarded to. */
export interface IdentityObject extends AdditionalProperties {
  /** The property by which the recipient is identified: `email`, `url`, `telephone` or another IRI. */
  type: 'email' | 'url' | 'telephone' | (string & {})
  /** The hashed identity (`sha256$...` / `md5$...`) or the plain value. */
  identity: IdentityHash | string
  hashed: boolean
  salt?: string
}

/** VerificationObject: how to verify an Assertion, or (on a Profile) the issuer's verification policy. */
export interface VerificationObject extends AdditionalProperties {
  /** `HostedBadge` / `SignedBadge` (aliases `hosted` / `signed`) on an Assertion; `VerificationObject` on a Profile. */
  type: OneOrMany<'HostedBadge' | 'SignedBadge' | 'hosted' | 'signed' | 'VerificationObject' | (string & {})>
  /** Only `id` is supported. */
  verificationProperty?: string
  startsWith?: OneOrMany<string>
  allowedOrigins?: OneOrMany<string>
  /** SignedBadge: the id of the CryptographicKey that signed the Assertion. */
  creator?: IRI
}

/** Image: an IRI (URL or data URI) or a document with a caption. */
export interface ImageObject extends AdditionalProperties {
  id: IRI
  type?: OneOrMany<string>
  caption?: string
  author?: IRI
}
export type Image = IRI | ImageObject

/** Criteria: a human-readable page and/or a narrative of what is needed to earn the badge. */
export interface Criteria extends AdditionalProperties {
  type?: OneOrMany<string>
  id?: IRI
  narrative?: string
}

/** AlignmentObject (schema.org): the standard or objective a badge aligns to. */
export interface AlignmentObject extends AdditionalProperties {
  targetName: string
  targetUrl: string
  targetDescription?: string
  targetFramework?: string
  targetCode?: string
}

/** Evidence: what the recipient did to earn the badge. */
export interface Evidence extends AdditionalProperties {
  type?: OneOrMany<string>
  id?: IRI
  narrative?: string
  name?: string
  description?: string
  genre?: string
  audience?: string
}

/** Extension: an object with its own context and a type list that includes `Extension`. */
export interface Extension extends AdditionalProperties {
  '@context': JsonLdContext
  type: OneOrMany<string>
}

/** Profile: an issuer (id, type, name, url, email required) or, for recipients/endorsers, at least id and type. */
export interface Profile extends AdditionalProperties {
  '@context'?: JsonLdContext
  id: IRI
  type: OneOrMany<'Issuer' | 'Profile' | (string & {})>
  name?: string
  url?: string
  telephone?: string
  description?: string
  image?: Image
  email?: string
  publicKey?: OneOrMany<IRI | CryptographicKey>
  verification?: VerificationObject
  revocationList?: IRI
  endorsement?: OneOrMany<IRI | Endorsement>
  related?: OneOrMany<IRI | Record<string, unknown>>
}

/** A Profile acting as an issuer: name, url and email become required. */
export interface IssuerProfile extends Profile {
  name: string
  url: string
  email: string
}

/** BadgeClass: the achievement (for this library, the micro-credential definition). */
export interface BadgeClass extends AdditionalProperties {
  '@context'?: JsonLdContext
  id: IRI
  type: OneOrMany<'BadgeClass' | (string & {})>
  name: string
  description: string
  image: Image
  criteria: IRI | Criteria
  issuer: IRI | Profile
  alignment?: OneOrMany<AlignmentObject>
  tags?: OneOrMany<string>
  endorsement?: OneOrMany<IRI | Endorsement>
  related?: OneOrMany<IRI | Record<string, unknown>>
  version?: string | number
}

/** Assertion: one awarded badge. */
export interface Assertion extends AdditionalProperties {
  '@context'?: JsonLdContext
  id: IRI
  type: OneOrMany<'Assertion' | (string & {})>
  recipient: IdentityObject
  badge: IRI | BadgeClass
  verification: VerificationObject
  issuedOn: DateTime
  image?: Image
  evidence?: OneOrMany<IRI | Evidence>
  narrative?: string
  expires?: DateTime
  revoked?: boolean
  revocationReason?: string
  endorsement?: OneOrMany<IRI | Endorsement>
  /** Deprecated (pre-2.0); still found on older badges. */
  uid?: string
}

/** A hosted Assertion that has been revoked: only `id` and `revoked` are required. */
export interface RevokedAssertion extends AdditionalProperties {
  id: IRI
  revoked: true
  revocationReason?: string
}

/** CryptographicKey: a public key an issuer signs with. */
export interface CryptographicKey extends AdditionalProperties {
  '@context'?: JsonLdContext
  type?: OneOrMany<'CryptographicKey' | (string & {})>
  id?: IRI
  owner?: IRI
  publicKeyPem?: string
}

/** An entry of a RevocationList: a string id, or an object with `id` (or legacy `uid`). */
export type RevokedAssertionRef =
  | IRI
  | ({ id: IRI; uid?: string; type?: OneOrMany<string>; revoked?: boolean; revocationReason?: string } & AdditionalProperties)
  | ({ uid: string; id?: IRI; type?: OneOrMany<string>; revoked?: boolean; revocationReason?: string } & AdditionalProperties)

/** RevocationList: the signed badges an issuer has revoked. */
export interface RevocationList extends AdditionalProperties {
  '@context'?: JsonLdContext
  type: OneOrMany<'RevocationList' | (string & {})>
  id?: IRI
  issuer?: IRI
  revokedAssertions: OneOrMany<RevokedAssertionRef>
}

/** Endorsement: a claim one Profile makes about another entity. */
export interface Endorsement extends AdditionalProperties {
  '@context'?: JsonLdContext
  id: IRI
  type: OneOrMany<'Endorsement' | (string & {})>
  claim: { id: IRI; endorsementComment?: string } & AdditionalProperties
  issuer: IRI | Profile
  issuedOn: DateTime
  verification: VerificationObject
  revoked?: boolean
  revocationReason?: string
}

/** The Open Badges classes this library validates. */
export type BadgeObjectKind =
  | 'Assertion'
  | 'BadgeClass'
  | 'Profile'
  | 'IdentityObject'
  | 'VerificationObject'
  | 'CryptographicKey'
  | 'RevocationList'
  | 'Criteria'
  | 'Evidence'
  | 'AlignmentObject'
  | 'Image'
  | 'Endorsement'
  | 'Extension'
