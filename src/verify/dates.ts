/**
 * Date checks: issuedOn not in the future (beyond a small clock skew) and expires not passed, both
 * against the injected `now`. Dates without a time zone cannot be placed in time, so they cannot pass.
 */
import { parseDateTime as parseOpenBadgesDateTime } from '../schema/index.js'
import type { Findings } from './report.js'

/** Default tolerated clock skew between issuer and verifier, in seconds (as in @digitalbazaar/vc). */
export const DEFAULT_MAX_CLOCK_SKEW = 300

/**
 * An Open Badges DateTime (ISO 8601 with a time zone designator) in epoch milliseconds, parsed by schema/
 * (the same parser the data validation uses, so both agree on what a valid date is); null otherwise.
 */
export function parseDateTime(value: unknown): number | null {
  return typeof value === 'string' ? (parseOpenBadgesDateTime(value) ?? null) : null
}

/** The outcome of the date checks for the report. */
export interface DateCheckResult {
  expired?: boolean
}

/**
 * Checks `issuedOn` and `expires` of a (2.0 or upgraded) assertion against `now`.
 *
 * @example
 * ```ts
 * checkDates(assertion, new Date('2026-01-01T00:00:00Z'), 300, findings)
 * ```
 */
export function checkDates(
  assertion: Record<string, unknown>,
  now: Date,
  maxClockSkewSeconds: number,
  findings: Findings,
): DateCheckResult {
  const nowMs = now.getTime()
  const skewMs = maxClockSkewSeconds * 1000
  const result: DateCheckResult = {}

  const issuedOn = parseDateTime(assertion.issuedOn)
  if (issuedOn === null) {
    if (!findings.hasErrorAt('/assertion/issuedOn')) {
      findings.add('DATE_INVALID', 'issuedOn is missing or not an ISO 8601 date-time with a time zone', '/assertion/issuedOn')
    }
  } else if (issuedOn > nowMs + skewMs) {
    findings.add(
      'ASSERTION_ISSUED_IN_FUTURE',
      `issued on ${String(assertion.issuedOn)}, after now (${now.toISOString()})`,
      '/assertion/issuedOn',
    )
  }

  if (assertion.expires !== undefined) {
    const expires = parseDateTime(assertion.expires)
    if (expires === null) {
      if (!findings.hasErrorAt('/assertion/expires')) {
        findings.add('DATE_INVALID', 'expires is not an ISO 8601 date-time with a time zone', '/assertion/expires')
      }
    } else {
      result.expired = expires <= nowMs
      if (result.expired) {
        findings.add('ASSERTION_EXPIRED', `expired on ${String(assertion.expires)} (now ${now.toISOString()})`, '/assertion/expires')
      }
    }
  } else {
    result.expired = false
  }
  return result
}
