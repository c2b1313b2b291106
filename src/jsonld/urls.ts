/**
 * The stable IRIs of every JSON-LD context and JSON Schema this library knows, and the extension
 * property/type names used on badge objects.
 */

/** The Open Badges v2.0 context IRI (canonical). */
export const OB_V2_CONTEXT = 'https://w3id.org/openbadges/v2'
/** The Open Badges v2.0 context at its openbadgespec.org location. */
export const OB_V2_CONTEXT_ALT = 'https://openbadgespec.org/v2/context.json'
/** The Open Badges v1.1 context IRI (canonical). */
export const OB_V1_CONTEXT = 'https://w3id.org/openbadges/v1'
/** The Open Badges v1.1 context at its openbadgespec.org location. */
export const OB_V1_CONTEXT_ALT = 'https://openbadgespec.org/v1/context.json'
/** The legacy v1.0 context the v1.1 context imports. */
export const OB_V1_LEGACY_CONTEXT = 'https://w3id.org/openbadges/legacy-v1'

/** The 1EdTech Assessment Extension context (as linked from the Open Badges extensions page). */
export const ASSESSMENT_CONTEXT_URL = 'https://openbadgespec.org/extensions/assessmentExtension/context.json'
/** The 1EdTech Assessment Extension JSON Schema (as linked from its context's `obi:validation`). */
export const ASSESSMENT_SCHEMA_URL = 'http://purl.imsglobal.org/spec/ob-assessment/v1p0/schema/'
/** The property name and extension type of the Assessment Extension on a BadgeClass. */
export const ASSESSMENT_EXTENSION = 'extensions:AssessmentExtension'

/** This project's extension context (terms for both MC extensions). */
export const MC_CONTEXT_URL = 'https://w3id.org/openmicrocredentials/v1/context.json'
/** JSON Schema of the BadgeClass micro-credential extension. */
export const MC_SCHEMA_URL = 'https://w3id.org/openmicrocredentials/v1/schema/microcredential.json'
/** JSON Schema of the Assertion assessment-result extension. */
export const MC_RESULT_SCHEMA_URL = 'https://w3id.org/openmicrocredentials/v1/schema/result.json'
/** The vocabulary namespace of this project's terms. */
export const MC_VOCAB = 'https://w3id.org/openmicrocredentials/vocab#'
/** The property name and extension type of the micro-credential extension on a BadgeClass. */
export const MC_EXTENSION = 'extensions:MicroCredentialExtension'
/** The property name and extension type of the assessment-result extension on an Assertion. */
export const MC_RESULT_EXTENSION = 'extensions:MicroCredentialResultExtension'
