/**
 * open-microcredentials: issue and verify educator micro-credentials as Open Badges 2.0.
 * The barrel names every export; each module also has its own subpath (see package.json "exports").
 */
export { OpenBadgesError, isOpenBadgesError } from './errors.js'
export type { Problem, OpenBadgesErrorOptions } from './errors.js'
export { VERSION } from './version.js'
export type {
  OneOrMany,
  IRI,
  DateTime,
  JsonLdContext,
  AdditionalProperties,
  IdentityHash,
  IdentityObject,
  VerificationObject,
  ImageObject,
  Image,
  Criteria,
  AlignmentObject,
  Evidence,
  Extension,
  Profile,
  IssuerProfile,
  BadgeClass,
  Assertion,
  RevokedAssertion,
  CryptographicKey,
  RevokedAssertionRef,
  RevocationList,
  Endorsement,
  BadgeObjectKind,
} from './model/openbadges.js'
