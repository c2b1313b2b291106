/** The JSON Schema of each Open Badges class, as published by this library (read-only). */
import type { BadgeObjectKind } from '../model/openbadges.js'
import * as s from './schemas.js'

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
  Object.freeze({
    Assertion: s.assertionSchema,
    RevokedAssertion: s.revokedAssertionSchema,
    BadgeClass: s.badgeClassSchema,
    Profile: s.issuerProfileSchema,
    ProfileNonIssuer: s.profileSchema,
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
  })
