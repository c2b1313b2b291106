/**
 * Turning ajv errors into problems with stable codes and JSON-Pointer paths.
 *
 * Code scheme: `<CLASS>_<PROPERTY>_REQUIRED` for a missing required property and `<CLASS>_<PROPERTY>_INVALID`
 * for a value of the wrong JSON type or form, where CLASS is the prefix of the class whose object holds the
 * property (an embedded BadgeClass missing `name` gives `BADGECLASS_NAME_REQUIRED` at `/badge/name`).
 */
import type { ErrorObject } from 'ajv'
import type { Problem } from '../errors.js'
import type { Shape } from './compile.js'

/** The code prefix of each class. */
export const CLASS_PREFIX: Record<Shape, string> = {
  Assertion: 'ASSERTION',
  RevokedAssertion: 'ASSERTION',
  BadgeClass: 'BADGECLASS',
  Profile: 'PROFILE',
  IssuerProfile: 'PROFILE',
  IdentityObject: 'IDENTITY',
  VerificationObject: 'VERIFICATION',
  ProfileVerification: 'VERIFICATION',
  CryptographicKey: 'KEY',
  RevocationList: 'REVOCATIONLIST',
  Criteria: 'CRITERIA',
  Evidence: 'EVIDENCE',
  AlignmentObject: 'ALIGNMENT',
  Image: 'IMAGE',
  Endorsement: 'ENDORSEMENT',
  RevokedEndorsement: 'ENDORSEMENT',
  Extension: 'EXTENSION',
}

/** `issuedOn` → `ISSUED_ON`, `@context` → `CONTEXT`. */
export function snake(property: string): string {
  return property
    .replace(/^@/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase()
}

/** Escapes one JSON Pointer reference token. */
export function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1')
}

function namedSegments(instancePath: string): string[] {
  return instancePath
    .split('/')
    .slice(1)
    .filter((s) => s !== '' && !/^\d+$/.test(s))
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/** Maps the errors of one class validator run to problems (at `base`, the object's own JSON Pointer). */
export function mapAjvErrors(shape: Shape, errors: readonly ErrorObject[], base: string, className: string): Problem[] {
  const prefix = CLASS_PREFIX[shape]
  const problems: Problem[] = []
  const seen = new Set<string>()
  for (const e of errors) {
    let code: string
    let path: string
    let message: string
    if (e.keyword === 'required') {
      const missing = String((e.params as { missingProperty?: unknown }).missingProperty)
      code = [prefix, ...namedSegments(e.instancePath).map(snake), snake(missing), 'REQUIRED'].join('_')
      path = `${base}${e.instancePath}/${escapePointer(missing)}`
      message = `${className}: required property '${missing}' is missing`
    } else {
      const segments = namedSegments(e.instancePath)
      code = [prefix, ...segments.map(snake), 'INVALID'].join('_')
      path = `${base}${e.instancePath}`
      message = `${className}: '${segments.join('.') || '(object)'}' ${e.message ?? 'is invalid'}`
    }
    // One problem per code and path: ajv may report several keywords for the same value.
    const key = `${code} ${path}`
    if (seen.has(key)) continue
    seen.add(key)
    problems.push({ code, path, message })
  }
  return problems
}

/** Maps the errors of an extension's own JSON Schema (codes are generic: the schema is the extension's). */
export function mapExtensionErrors(errors: readonly ErrorObject[], base: string, extensionType: string): Problem[] {
  const problems: Problem[] = []
  const seen = new Set<string>()
  for (const e of errors) {
    // oneOf/anyOf summaries and `if` wrappers repeat what their branches said.
    if (e.keyword === 'oneOf' || e.keyword === 'anyOf' || e.keyword === 'if') continue
    const required = e.keyword === 'required'
    const missing = required ? String((e.params as { missingProperty?: unknown }).missingProperty) : ''
    const path = required ? `${base}${e.instancePath}/${escapePointer(missing)}` : `${base}${e.instancePath}`
    const code = required ? 'EXTENSION_SCHEMA_REQUIRED' : 'EXTENSION_SCHEMA_INVALID'
    const key = `${code} ${path}`
    if (seen.has(key)) continue
    seen.add(key)
    problems.push({
      code,
      path,
      message: required
        ? `${extensionType}: required property '${missing}' is missing`
        : `${extensionType}: '${e.instancePath || '(object)'}' ${e.message ?? 'is invalid'}`,
    })
  }
  return problems
}
