/**
 * The Open Badges v1.1 JSON-LD context (`https://w3id.org/openbadges/v1`) and the legacy v1.0 context it
 * imports (`https://w3id.org/openbadges/legacy-v1`), written from the specification's `v1/` folder.
 * Verifiers need them for older badges; the `validation` list links the v1.1 JSON Schemas by URL.
 */
import type { JsonLdDocument } from './types.js'

export const obV1LegacyContext: JsonLdDocument = {
  '@context': {
    id: '@id',
    type: '@type',

    ob: 'https://w3id.org/openbadges#',
    dc: 'http://purl.org/dc/terms/',
    rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
    rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
    sec: 'https://w3id.org/security#',
    schema: 'http://schema.org/',
    xsd: 'http://www.w3.org/2001/XMLSchema#',

    about: { '@id': 'schema:about', '@type': '@id' },
    alignment: { '@id': 'ob:alignment', '@type': '@id' },
    badge: { '@id': 'ob:badge', '@type': '@id' },
    badgeOffer: { '@id': 'ob:badgeOffer', '@type': '@id' },
    badgeTemplate: { '@id': 'ob:badgeTemplate', '@type': '@id' },
    criteria: { '@id': 'ob:criteria', '@type': '@id' },
    evidence: { '@id': 'ob:evidence', '@type': '@id' },
    issued: { '@id': 'ob:issued', '@type': 'xsd:dateTime' },
    issuer: { '@id': 'ob:issuer', '@type': '@id' },
    recipient: { '@id': 'ob:recipient', '@type': '@id' },
    recipientEmail: 'ob:recipientEmail',
    recipientPassword: 'ob:recipientPassword',
    tag: 'ob:tag',
    Identity: 'ob:Identity',
    Badge: 'ob:Badge',
    BadgeOffer: 'ob:BadgeOffer',
    BadgeTemplate: 'ob:BadgeTemplate',

    address: { '@id': 'schema:address', '@type': '@id' },
    addressCountry: 'schema:addressCountry',
    addressLocality: 'schema:addressLocality',
    addressRegion: 'schema:addressRegion',
    comment: 'rdfs:comment',
    created: { '@id': 'dc:created', '@type': 'xsd:dateTime' },
    creator: { '@id': 'dc:creator', '@type': '@id' },
    description: 'schema:description',
    email: 'schema:email',
    familyName: 'schema:familyName',
    givenName: 'schema:givenName',
    image: { '@id': 'schema:image', '@type': '@id' },
    label: 'rdfs:label',
    name: 'schema:name',
    postalCode: 'schema:postalCode',
    streetAddress: 'schema:streetAddress',
    title: 'dc:title',
    url: { '@id': 'schema:url', '@type': '@id' },
    PostalAddress: 'schema:PostalAddress',

    identityService: { '@id': 'https://w3id.org/identity#identityService', '@type': '@id' },

    credential: { '@id': 'sec:credential', '@type': '@id' },
    cipherAlgorithm: 'sec:cipherAlgorithm',
    cipherData: 'sec:cipherData',
    cipherKey: 'sec:cipherKey',
    claim: { '@id': 'sec:claim', '@type': '@id' },
    digestAlgorithm: 'sec:digestAlgorithm',
    digestValue: 'sec:digestValue',
    domain: 'sec:domain',
    expires: { '@id': 'sec:expiration', '@type': 'xsd:dateTime' },
    initializationVector: 'sec:initializationVector',
    nonce: 'sec:nonce',
    normalizationAlgorithm: 'sec:normalizationAlgorithm',
    owner: { '@id': 'sec:owner', '@type': '@id' },
    password: 'sec:password',
    privateKey: { '@id': 'sec:privateKey', '@type': '@id' },
    privateKeyPem: 'sec:privateKeyPem',
    publicKey: { '@id': 'sec:publicKey', '@type': '@id' },
    publicKeyPem: 'sec:publicKeyPem',
    publicKeyService: { '@id': 'sec:publicKeyService', '@type': '@id' },
    revoked: { '@id': 'sec:revoked', '@type': 'xsd:dateTime' },
    signature: 'sec:signature',
    signatureAlgorithm: 'sec:signatureAlgorithm',
    signatureValue: 'sec:signatureValue',
    EncryptedMessage: 'sec:EncryptedMessage',
    CryptographicKey: 'sec:Key',
    GraphSignature2012: 'sec:GraphSignature2012',
  },
}

export const obV1Context: JsonLdDocument = {
  '@context': [
    'https://w3id.org/openbadges/legacy-v1',
    {
      id: '@id',
      type: '@type',

      obi: 'https://w3id.org/openbadges#',
      extensions: 'https://w3id.org/openbadges/extensions#',
      validation: 'obi:validation',

      xsd: 'http://www.w3.org/2001/XMLSchema#',
      schema: 'http://schema.org/',
      sec: 'https://w3id.org/security#',

      Assertion: 'obi:Assertion',
      BadgeClass: 'obi:BadgeClass',
      Issuer: 'obi:Issuer',
      IssuerOrg: 'obi:Issuer',
      Extension: 'obi:Extension',
      hosted: 'obi:HostedBadge',
      signed: 'obi:SignedBadge',
      TypeValidation: 'obi:TypeValidation',
      FrameValidation: 'obi:FrameValidation',

      name: { '@id': 'schema:name' },
      description: { '@id': 'schema:description' },
      url: { '@id': 'schema:url', '@type': '@id' },
      image: { '@id': 'schema:image', '@type': '@id' },

      uid: { '@id': 'obi:uid' },
      recipient: { '@id': 'obi:recipient', '@type': '@id' },
      hashed: { '@id': 'obi:hashed', '@type': 'xsd:boolean' },
      salt: { '@id': 'obi:salt' },
      identity: { '@id': 'obi:identityHash' },
      issuedOn: { '@id': 'obi:issueDate', '@type': 'xsd:dateTime' },
      expires: { '@id': 'sec:expiration', '@type': 'xsd:dateTime' },
      evidence: { '@id': 'obi:evidence', '@type': '@id' },
      verify: { '@id': 'obi:verify', '@type': '@id' },

      badge: { '@id': 'obi:badge', '@type': '@id' },
      criteria: { '@id': 'obi:criteria', '@type': '@id' },
      tags: { '@id': 'schema:keywords' },
      alignment: { '@id': 'obi:alignment', '@type': '@id' },

      issuer: { '@id': 'obi:issuer', '@type': '@id' },
      email: 'schema:email',
      revocationList: { '@id': 'obi:revocationList', '@type': '@id' },

      validatesType: 'obi:validatesType',
      validationSchema: 'obi:validationSchema',
      validationFrame: 'obi:validationFrame',
    },
  ],

  validation: [
    {
      type: 'TypeValidation',
      validatesType: 'Assertion',
      validationSchema: 'https://openbadgespec.org/v1/schema/assertion.json',
    },
    {
      type: 'TypeValidation',
      validatesType: 'BadgeClass',
      validationSchema: 'https://openbadgespec.org/v1/schema/badgeclass.json',
    },
    {
      type: 'TypeValidation',
      validatesType: 'Issuer',
      validationSchema: 'https://openbadgespec.org/v1/schema/issuer.json',
    },
    {
      type: 'TypeValidation',
      validatesType: 'Extension',
      validationSchema: 'https://openbadgespec.org/v1/schema/extension.json',
    },
  ],
}
