/**
 * `open-microcredentials/schema`: validation of Open Badges 2.0 documents with stable problem codes.
 */
export { validate, inferKind } from './validate.js'
export type { ValidateOptions, ValidationResult } from './validate.js'
export { classifyDateTime, hasType, isIdentityHash, parseDateTime, typeList } from './datatypes.js'
export { SCHEMA_CODES } from './codes.js'
export type { SchemaCode } from './codes.js'
export { classSchemas } from './class-schemas.js'
