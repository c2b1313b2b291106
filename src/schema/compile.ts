/**
 * The ajv instance and every compiled validator. Compiled once, at module load — never per call.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'
import { bundledSchemas } from '../jsonld/bundled.js'
import { ASSESSMENT_SCHEMA_URL, MC_RESULT_SCHEMA_URL, MC_SCHEMA_URL } from '../jsonld/urls.js'
import * as s from './schemas.js'

// `allErrors`: report every problem, not the first. `strict: false`: the published Assessment Extension
// schema has an unknown keyword (a typo, `desccription`), which must not stop it compiling.
const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false })
// ajv-formats is CommonJS with `exports.default`: under NodeNext its default import is the module object.
type FormatsPlugin = (ajv: Ajv, formats: string[]) => Ajv
const addFormats = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ?? addFormatsModule) as unknown as FormatsPlugin
addFormats(ajv, ['date-time', 'uri', 'date'])

export type Validator = ValidateFunction & { errors?: ErrorObject[] | null }

const compile = (schema: Record<string, unknown>): Validator => ajv.compile(schema)

/** The class validators, keyed by an internal shape name. */
export const validators = {
  Assertion: compile(s.assertionSchema),
  RevokedAssertion: compile(s.revokedAssertionSchema),
  BadgeClass: compile(s.badgeClassSchema),
  Profile: compile(s.profileSchema),
  IssuerProfile: compile(s.issuerProfileSchema),
  IdentityObject: compile(s.identityObjectSchema),
  VerificationObject: compile(s.verificationObjectSchema),
  ProfileVerification: compile(s.profileVerificationSchema),
  CryptographicKey: compile(s.cryptographicKeySchema),
  RevocationList: compile(s.revocationListSchema),
  Criteria: compile(s.criteriaSchema),
  Evidence: compile(s.evidenceSchema),
  AlignmentObject: compile(s.alignmentObjectSchema),
  Image: compile(s.imageSchema),
  Endorsement: compile(s.endorsementSchema),
  RevokedEndorsement: compile(s.revokedEndorsementSchema),
  Extension: compile(s.extensionSchema),
} as const

export type Shape = keyof typeof validators

function withoutMeta(schema: Record<string, unknown>): Record<string, unknown> {
  // The Assessment Extension schema declares draft-06; its keywords mean the same in draft-07, which ajv
  // compiles by default, so the `$schema`/`$id` markers are dropped rather than loading another meta-schema.
  const { $schema: _s, $id: _i, ...rest } = schema
  return rest
}

const schemaOf = (url: string): Record<string, unknown> => {
  const found = bundledSchemas[url]
  if (!found) throw new Error(`internal: schema ${url} is not bundled`)
  return withoutMeta(found as Record<string, unknown>)
}

/** Validators of the extensions whose schemas are bundled, keyed by every spelling of their extension type. */
export const extensionValidators: ReadonlyMap<string, Validator> = (() => {
  const assessment = compile(schemaOf(ASSESSMENT_SCHEMA_URL))
  const mc = compile(schemaOf(MC_SCHEMA_URL))
  const result = compile(schemaOf(MC_RESULT_SCHEMA_URL))
  const ns = 'https://w3id.org/openbadges/extensions#'
  return new Map<string, Validator>([
    ['extensions:AssessmentExtension', assessment],
    [`${ns}AssessmentExtension`, assessment],
    ['extensions:MicroCredentialExtension', mc],
    [`${ns}MicroCredentialExtension`, mc],
    ['extensions:MicroCredentialResultExtension', result],
    [`${ns}MicroCredentialResultExtension`, result],
  ])
})()
