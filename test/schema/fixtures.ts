/** A minimal valid document of each class (only required properties), for table-driven tests. */
import type { BadgeObjectKind } from '../../src/model/openbadges.js'

const V2 = 'https://w3id.org/openbadges/v2'
const HASH = `sha256$${'a'.repeat(64)}`

export const minimal: Record<BadgeObjectKind, Record<string, unknown>> = {
  Assertion: {
    '@context': V2,
    id: 'https://example.org/assertions/1',
    type: 'Assertion',
    recipient: { type: 'email', hashed: true, salt: 'x', identity: HASH },
    badge: 'https://example.org/badges/1',
    verification: { type: 'HostedBadge' },
    issuedOn: '2026-01-15T12:00:00Z',
  },
  BadgeClass: {
    '@context': V2,
    id: 'https://example.org/badges/1',
    type: 'BadgeClass',
    name: 'Badge',
    description: 'A badge',
    image: 'https://example.org/badges/1/image.png',
    criteria: 'https://example.org/badges/1/criteria',
    issuer: 'https://example.org/issuer',
  },
  Profile: {
    '@context': V2,
    id: 'https://example.org/issuer',
    type: 'Issuer',
    name: 'Issuer',
    url: 'https://example.org',
    email: 'badges@example.org',
  },
  IdentityObject: { type: 'email', hashed: false, identity: 'alice@example.org' },
  VerificationObject: { type: 'SignedBadge' },
  CryptographicKey: { '@context': V2 },
  RevocationList: { '@context': V2, type: 'RevocationList', revokedAssertions: [] },
  Criteria: {},
  Evidence: {},
  AlignmentObject: { targetName: 'Standard 1', targetUrl: 'https://example.org/standards/1' },
  Image: { id: 'https://example.org/image.png' },
  Endorsement: {
    '@context': V2,
    id: 'https://example.org/endorsements/1',
    type: 'Endorsement',
    claim: { id: 'https://example.org/badges/1' },
    issuer: 'https://endorser.example/profile',
    issuedOn: '2026-01-15T12:00:00Z',
    verification: { type: 'hosted' },
  },
  Extension: { '@context': 'https://example.org/ext/context.json', type: ['Extension', 'extensions:Foo'] },
}
