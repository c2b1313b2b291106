/**
 * Checking builder input: every problem is collected (code + path into the input) before anything is built,
 * and a builder throws one `OpenBadgesError('INVALID_INPUT')` listing them all.
 */
import { OpenBadgesError, type Problem } from '../errors.js'
import { parseDateTime } from '../schema/datatypes.js'
import { EMAIL_PATTERN } from '../schema/schemas.js'
import { validate } from '../schema/validate.js'
import type { BadgeObjectKind } from '../model/openbadges.js'

/** Error and problem codes of the issuing builders. */
export const ISSUE_CODES = {
  /** The error every builder throws for bad input; `problems` lists each problem. */
  INVALID_INPUT: 'INVALID_INPUT',
  /** A required input field is missing or empty. */
  INPUT_REQUIRED: 'INPUT_REQUIRED',
  /** An input field has the wrong type or form. */
  INPUT_INVALID: 'INPUT_INVALID',
  /** An input field must be an http(s) URL. */
  INPUT_URL_INVALID: 'INPUT_URL_INVALID',
  /** An input field must be an email address. */
  INPUT_EMAIL_INVALID: 'INPUT_EMAIL_INVALID',
  /** An input date is not a valid Date or ISO 8601 date-time with time zone. */
  INPUT_DATE_INVALID: 'INPUT_DATE_INVALID',
  /** The criteria have neither a URL nor any narrative text. */
  CRITERIA_EMPTY: 'CRITERIA_EMPTY',
  /** An evidence item has neither a URL nor a narrative. */
  EVIDENCE_EMPTY: 'EVIDENCE_EMPTY',
  /** A micro-credential is awarded without evidence. */
  EVIDENCE_REQUIRED: 'EVIDENCE_REQUIRED',
  /** A rubric result names a criterion the badge's rubric does not have. */
  RUBRIC_CRITERION_UNKNOWN: 'RUBRIC_CRITERION_UNKNOWN',
  /** A rubric result's score is outside 0..the criterion's highest level score. */
  RUBRIC_SCORE_OUT_OF_RANGE: 'RUBRIC_SCORE_OUT_OF_RANGE',
  /** Rubric results are given but the badge is not embedded or has no rubric. */
  RUBRIC_NOT_FOUND: 'RUBRIC_NOT_FOUND',
  /** Rubric results without any assessor. */
  ASSESSOR_REQUIRED: 'ASSESSOR_REQUIRED',
  /** Hosted verification needs an http(s) assertion id (not urn:uuid). */
  HOSTED_ID_NOT_HTTP: 'HOSTED_ID_NOT_HTTP',
} as const

/** The validator's email rule (schema/), so what a builder accepts always validates. */
const EMAIL = new RegExp(EMAIL_PATTERN)

/** Collects input problems. */
export class InputChecker {
  readonly problems: Problem[] = []

  add(code: string, path: string, message: string): void {
    this.problems.push({ code, path, message })
  }

  /** A string (non-empty when required). Returns it, or undefined. */
  text(value: unknown, path: string, required = false): string | undefined {
    if (value === undefined || value === null || value === '') {
      if (required) this.add(ISSUE_CODES.INPUT_REQUIRED, path, `${path} is required`)
      return undefined
    }
    if (typeof value !== 'string' || value.trim() === '') {
      this.add(ISSUE_CODES.INPUT_INVALID, path, `${path} must be a non-empty string`)
      return undefined
    }
    return value
  }

  url(value: unknown, path: string, required = false): string | undefined {
    const v = this.text(value, path, required)
    if (v === undefined) return undefined
    if (!isHttpUrl(v)) {
      this.add(ISSUE_CODES.INPUT_URL_INVALID, path, `${path} must be an http(s) URL, got '${v}'`)
      return undefined
    }
    return v
  }

  /** An IRI: an http(s) URL, a `urn:`, or a `data:` URI. */
  iri(value: unknown, path: string, required = false): string | undefined {
    const v = this.text(value, path, required)
    if (v === undefined) return undefined
    if (!isHttpUrl(v) && !/^(urn|data):\S+$/i.test(v)) {
      this.add(ISSUE_CODES.INPUT_URL_INVALID, path, `${path} must be an http(s) URL, a urn: or a data: URI`)
      return undefined
    }
    return v
  }

  email(value: unknown, path: string, required = false): string | undefined {
    const v = this.text(value, path, required)
    if (v === undefined) return undefined
    if (!EMAIL.test(v.trim())) {
      this.add(ISSUE_CODES.INPUT_EMAIL_INVALID, path, `${path} must be an email address, got '${v}'`)
      return undefined
    }
    return v
  }

  number(value: unknown, path: string, options: { integer?: boolean; min?: number } = {}): number | undefined {
    if (value === undefined || value === null) return undefined
    if (typeof value !== 'number' || !Number.isFinite(value) || (options.integer && !Number.isInteger(value)) || (options.min !== undefined && value < options.min)) {
      const what = `${options.integer ? 'an integer' : 'a number'}${options.min !== undefined ? ` ≥ ${options.min}` : ''}`
      this.add(ISSUE_CODES.INPUT_INVALID, path, `${path} must be ${what}`)
      return undefined
    }
    return value
  }

  boolean(value: unknown, path: string): boolean | undefined {
    if (value === undefined || value === null) return undefined
    if (typeof value !== 'boolean') {
      this.add(ISSUE_CODES.INPUT_INVALID, path, `${path} must be true or false`)
      return undefined
    }
    return value
  }

  /** An array (a single value is accepted as a one-item list). */
  list(value: unknown, path: string, required = false): unknown[] {
    if (value === undefined || value === null) {
      if (required) this.add(ISSUE_CODES.INPUT_REQUIRED, path, `${path} is required`)
      return []
    }
    return Array.isArray(value) ? value : [value]
  }

  object(value: unknown, path: string, required = false): Record<string, unknown> | undefined {
    if (value === undefined || value === null) {
      if (required) this.add(ISSUE_CODES.INPUT_REQUIRED, path, `${path} is required`)
      return undefined
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
      this.add(ISSUE_CODES.INPUT_INVALID, path, `${path} must be an object`)
      return undefined
    }
    return value as Record<string, unknown>
  }

  /** Throws INVALID_INPUT when any problem was collected. */
  throwIfAny(what: string): void {
    if (this.problems.length > 0) throw invalidInput(what, this.problems)
  }
}

export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\/\S+$/i.test(value)) return false
  try {
    new URL(value)
    return true
  } catch {
    return false
  }
}

export function invalidInput(what: string, problems: Problem[]): OpenBadgesError {
  const list = problems.map((p) => `  ${p.code} at ${p.path || '(root)'}: ${p.message}`).join('\n')
  return new OpenBadgesError(ISSUE_CODES.INVALID_INPUT, `${what}: ${problems.length} problem(s)\n${list}`, { problems })
}

/** Validates a built document and throws INVALID_INPUT (with the validation problems) when it is not valid. */
export function assertValid(doc: unknown, kind: BadgeObjectKind, what: string, asIssuer = false): void {
  const result = validate(doc, { kind, asIssuer })
  const errors = result.problems.filter((p) => p.severity !== 'warning')
  if (errors.length > 0) throw invalidInput(what, errors)
}

/** Parses a Date or an ISO 8601 date-time with time zone. */
export function toDate(value: unknown, check: InputChecker, path: string): Date | undefined {
  if (value === undefined || value === null) return undefined
  const ms = typeof value === 'string' ? parseDateTime(value) : undefined
  const d = value instanceof Date ? value : ms === undefined ? undefined : new Date(ms)
  if (!d || Number.isNaN(d.getTime())) {
    check.add(ISSUE_CODES.INPUT_DATE_INVALID, path, `${path} must be a Date or an ISO 8601 date-time with time zone`)
    return undefined
  }
  return d
}
