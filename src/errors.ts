/**
 * One error base for the whole library, modelled on jose's JOSEError: every failure carries a stable
 * `code` (tests and callers match on it, never on message text), an optional `cause`, and the evidence.
 *
 * Verification outcomes are never thrown: `verify()` returns a report. These errors are for builders
 * refusing invalid input, parsers refusing hostile bytes, and similar "you cannot have this" answers.
 */

/** One problem found in a document: a stable code, a JSON path (JSON Pointer style, `/badge/criteria`), a message. */
export interface Problem {
  code: string
  path: string
  message: string
  severity?: 'error' | 'warning'
}

export interface OpenBadgesErrorOptions {
  cause?: unknown
  problems?: Problem[]
  /** Free-form evidence: a URL, an HTTP status, a byte offset... */
  details?: Record<string, unknown>
}

/** The base error: `code` is stable across releases. */
export class OpenBadgesError extends Error {
  readonly code: string
  readonly problems: Problem[]
  readonly details: Record<string, unknown>

  constructor(code: string, message: string, options: OpenBadgesErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'OpenBadgesError'
    this.code = code
    this.problems = options.problems ?? []
    this.details = options.details ?? {}
  }
}

/** True when `value` is an OpenBadgesError (also across duplicated module copies, by shape). */
export function isOpenBadgesError(value: unknown): value is OpenBadgesError {
  return (
    value instanceof OpenBadgesError ||
    (value instanceof Error && typeof (value as { code?: unknown }).code === 'string' && Array.isArray((value as { problems?: unknown }).problems))
  )
}
