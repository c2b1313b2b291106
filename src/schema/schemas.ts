/**
 * One JSON Schema per Open Badges 2.0 class, written from the specification's class tables. Each schema
 * checks one object level: required properties and the JSON types of declared properties. Properties whose
 * value may be an IRI or an embedded document accept both; embedded documents are validated against their
 * own class schema by `validate()` (so every problem is reported with its class's code).
 *
 * Documents from any conforming issuer must pass: `type` may be a string or a list, multiple-value
 * properties a value or a list, and additional properties (extensions, mapped terms) are always allowed.
 */

/** An absolute IRI (`https:`, `urn:uuid:`, `data:`, or a compact IRI such as `extensions:Foo`). */
export const IRI_PATTERN = '^[A-Za-z][A-Za-z0-9+.\\-]*:[^\\s]*$'
/** A contact email address: something@something, no spaces. */
export const EMAIL_PATTERN = '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$'

type Schema = Record<string, unknown>

const string: Schema = { type: 'string' }
const iri: Schema = { type: 'string', pattern: IRI_PATTERN }
/** `@id`-typed property: an IRI or an embedded document. */
const iriOrDocument: Schema = { type: ['string', 'object'], pattern: IRI_PATTERN }
const oneOrMany = (item: Schema): Schema => ({
  ...item,
  type: [...(Array.isArray(item.type) ? item.type : [item.type]), 'array'],
  items: item,
})
const jsonLdType: Schema = { type: ['string', 'array'], minLength: 1, minItems: 1, items: { type: 'string', minLength: 1 } }
const jsonLdContext: Schema = { type: ['string', 'object', 'array'], items: { type: ['string', 'object', 'null'] } }
const dateTime: Schema = { type: 'string' }

const schema = (title: string, properties: Record<string, Schema>, required: string[] = []): Schema => ({
  $schema: 'http://json-schema.org/draft-07/schema#',
  title,
  type: 'object',
  properties: { '@context': jsonLdContext, ...properties },
  required,
})

const endorsementRefs = oneOrMany(iriOrDocument)
const related = oneOrMany(iriOrDocument)

export const assertionSchema = schema(
  'Assertion',
  {
    id: iri,
    type: jsonLdType,
    recipient: { type: 'object' },
    badge: iriOrDocument,
    verification: { type: 'object' },
    issuedOn: dateTime,
    image: iriOrDocument,
    evidence: oneOrMany(iriOrDocument),
    narrative: string,
    expires: dateTime,
    revoked: { type: 'boolean' },
    revocationReason: string,
    endorsement: endorsementRefs,
    related,
    uid: string,
  },
  ['id', 'type', 'recipient', 'badge', 'verification', 'issuedOn'],
)

/** A revoked hosted Assertion: only `id` and `revoked: true` are required. */
export const revokedAssertionSchema = schema(
  'Assertion (revoked)',
  { id: iri, type: jsonLdType, revoked: { const: true }, revocationReason: string },
  ['id', 'revoked'],
)

export const badgeClassSchema = schema(
  'BadgeClass',
  {
    id: iri,
    type: jsonLdType,
    name: string,
    description: string,
    image: iriOrDocument,
    criteria: iriOrDocument,
    issuer: iriOrDocument,
    alignment: oneOrMany({ type: 'object' }),
    tags: oneOrMany(string),
    endorsement: endorsementRefs,
    related,
    version: { type: ['string', 'number'] },
  },
  ['id', 'type', 'name', 'description', 'image', 'criteria', 'issuer'],
)

const profileProperties: Record<string, Schema> = {
  id: iri,
  type: jsonLdType,
  name: string,
  url: iri,
  telephone: string,
  description: string,
  image: iriOrDocument,
  email: { type: 'string', pattern: EMAIL_PATTERN },
  publicKey: oneOrMany(iriOrDocument),
  verification: { type: 'object' },
  revocationList: iri,
  endorsement: endorsementRefs,
  related,
}

/** A Profile as recipient, endorser or other entity: `id` and `type`. */
export const profileSchema = schema('Profile', profileProperties, ['id', 'type'])
/** A Profile acting as an issuer: `id`, `type`, `name`, `url`, `email`. */
export const issuerProfileSchema = schema('Profile (issuer)', profileProperties, ['id', 'type', 'name', 'url', 'email'])

export const identityObjectSchema = schema(
  'IdentityObject',
  { identity: string, type: { type: 'string', minLength: 1 }, hashed: { type: 'boolean' }, salt: string },
  ['identity', 'type', 'hashed'],
)

const verificationProperties: Record<string, Schema> = {
  type: jsonLdType,
  verificationProperty: string,
  startsWith: oneOrMany(string),
  allowedOrigins: oneOrMany(string),
  creator: iri,
}
export const verificationObjectSchema = schema('VerificationObject', verificationProperties, ['type'])
/** A VerificationObject in an issuer Profile (verification policy): `type` may be omitted. */
export const profileVerificationSchema = schema('VerificationObject (Profile)', verificationProperties)

export const cryptographicKeySchema = schema('CryptographicKey', { type: jsonLdType, id: iri, owner: iri, publicKeyPem: string })

export const revocationListSchema = schema(
  'RevocationList',
  { type: jsonLdType, id: iri, issuer: iri, revokedAssertions: oneOrMany({ type: ['string', 'object'] }) },
  ['type', 'revokedAssertions'],
)

export const criteriaSchema = schema('Criteria', { type: jsonLdType, id: iri, narrative: string })

export const evidenceSchema = schema('Evidence', {
  type: jsonLdType,
  id: iri,
  narrative: string,
  name: string,
  description: string,
  genre: string,
  audience: string,
})

export const alignmentObjectSchema = schema(
  'AlignmentObject',
  {
    type: jsonLdType,
    targetName: string,
    targetUrl: iri,
    targetDescription: string,
    targetFramework: string,
    targetCode: string,
  },
  ['targetName', 'targetUrl'],
)

export const imageSchema = schema('Image', { type: jsonLdType, id: iri, caption: string, author: iri }, ['id'])

export const endorsementSchema = schema(
  'Endorsement',
  {
    id: iri,
    type: jsonLdType,
    claim: { type: 'object', properties: { id: iri, endorsementComment: string }, required: ['id'] },
    issuer: iriOrDocument,
    issuedOn: dateTime,
    verification: { type: 'object' },
    revoked: { type: 'boolean' },
    revocationReason: string,
  },
  ['id', 'type', 'claim', 'issuer', 'issuedOn', 'verification'],
)

/** A revoked Endorsement: only `id` and `revoked: true` are required (as for a revoked Assertion). */
export const revokedEndorsementSchema = schema(
  'Endorsement (revoked)',
  { id: iri, type: jsonLdType, issuer: iriOrDocument, revoked: { const: true }, revocationReason: string },
  ['id', 'revoked'],
)

export const extensionSchema = schema('Extension', { type: jsonLdType }, ['@context', 'type'])
