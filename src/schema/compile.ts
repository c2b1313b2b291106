/**
 * Every validator `validate()` runs, precompiled: ajv's standalone code generation turned the schemas of
 * sources.ts into plain functions (src/schema/generated/validators.js, written by
 * `scripts/generate-validators.ts`). Nothing is compiled at run time — ajv's `compile` builds functions with
 * `new Function`, which a Content-Security-Policy without 'unsafe-eval' and edge workers refuse — and ajv
 * itself is not loaded.
 */
import type { ErrorObject } from 'ajv'
import { ASSESSMENT_EXTENSION, MC_EXTENSION, MC_RESULT_EXTENSION } from '../jsonld/urls.js'
import * as generated from './generated/validators.js'

/** A precompiled validator: true when the value satisfies the schema, else false with `errors` set. */
export type Validator = generated.GeneratedValidator & { errors?: ErrorObject[] | null }

/** The class validators, keyed by an internal shape name. */
export const validators = {
  Assertion: generated.Assertion,
  RevokedAssertion: generated.RevokedAssertion,
  BadgeClass: generated.BadgeClass,
  Profile: generated.Profile,
  IssuerProfile: generated.IssuerProfile,
  IdentityObject: generated.IdentityObject,
  VerificationObject: generated.VerificationObject,
  ProfileVerification: generated.ProfileVerification,
  CryptographicKey: generated.CryptographicKey,
  RevocationList: generated.RevocationList,
  Criteria: generated.Criteria,
  Evidence: generated.Evidence,
  AlignmentObject: generated.AlignmentObject,
  Image: generated.Image,
  Endorsement: generated.Endorsement,
  RevokedEndorsement: generated.RevokedEndorsement,
  Extension: generated.Extension,
} as const satisfies Record<string, Validator>

export type Shape = keyof typeof validators

const ns = 'https://w3id.org/openbadges/extensions#'

/** Validators of the extensions whose schemas are bundled, keyed by every spelling of their extension type. */
export const extensionValidators: ReadonlyMap<string, Validator> = new Map<string, Validator>([
  [ASSESSMENT_EXTENSION, generated.AssessmentExtension],
  [`${ns}AssessmentExtension`, generated.AssessmentExtension],
  [MC_EXTENSION, generated.MicroCredentialExtension],
  [`${ns}MicroCredentialExtension`, generated.MicroCredentialExtension],
  [MC_RESULT_EXTENSION, generated.MicroCredentialResultExtension],
  [`${ns}MicroCredentialResultExtension`, generated.MicroCredentialResultExtension],
])
