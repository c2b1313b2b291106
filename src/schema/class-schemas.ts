/** The JSON Schema of each Open Badges class, as published by this library (read-only). */
import type { BadgeObjectKind } from '../model/openbadges.js'
import * as s from './schemas.js'

type Schema = Record<string, unknown>

/** The class validators, keyed by an internal shape name (the keys of `validators` in compile.ts);
 * `scripts/generate-validators.ts` generates one validator from each (see sources.ts). */
export const classShapeSchemas = {
  Assertion: s.assertionSchema,
  RevokedAssertion: s.revokedAssertionSchema,
  BadgeClass: s.badgeClassSchema,
  Profile: s.profileSchema,
  IssuerProfile: s.issuerProfileSchema,
  IdentityObject: s.identityObjectSchema,
  VerificationObject: s.verificationObjectSchema,
  ProfileVerification: s.profileVerificationSchema,
  CryptographicKey: s.cryptographicKeySchema,
  RevocationList: s.revocationListSchema,
  Criteria: s.criteriaSchema,
  Evidence: s.evidenceSchema,
  AlignmentObject: s.alignmentObjectSchema,
  Image: s.imageSchema,
  Endorsement: s.endorsementSchema,
  RevokedEndorsement: s.revokedEndorsementSchema,
  Extension: s.extensionSchema,
} as const satisfies Record<string, Schema>

// The same schemas under the public names.
const { Profile, IssuerProfile, ...classes } = classShapeSchemas

/**
 * One JSON Schema per Open Badges 2.0 class (the Profile entry is the issuer variant; the plain-Profile,
 * revoked-Assertion and Profile-verification variants are under their own keys).
 *
 * @example
 * ```ts
 * classSchemas.BadgeClass.required // ['id', 'type', 'name', 'description', 'image', 'criteria', 'issuer']
 * ```
 */
export const classSchemas: Readonly<Record<BadgeObjectKind | 'ProfileNonIssuer' | 'RevokedAssertion' | 'ProfileVerification' | 'RevokedEndorsement', Record<string, unknown>>> =
  Object.freeze({ ...classes, Profile: IssuerProfile, ProfileNonIssuer: Profile })
