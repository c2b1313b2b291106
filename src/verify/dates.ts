/**
 * Date checks: issuedOn not in the future (beyond a small clock skew) and expires not passed, both
 * against the injected `now`. Dates without a time zone cannot be placed in time, so they cannot pass.
 */
import type { Findings } from './report.js'

/** Default tolerated clock skew between issuer and verifier, in seconds (as in @digitalbazaar/vc). */
export const DEFAULT_MAX_CLOCK_SKEW = 300

const DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|z|[+-]\d{2}:?\d{2})$/

/** Parses an ISO 8601 date-time WITH a time zone designator; returns epoch milliseconds or null. */
export function parseDateTime(value: unknown): number | null {
  if (typeof value !== 'string' || value.length > 64) return null
  const m = DATETIME.exec(value)
  if (!m) return null
  const [, y, mo, d, h, mi, s = '00', , zone = 'Z'] = m
  const month = Number(mo)
  const day = Number(d)
  const hour = Number(h)
  const minute = Number(mi)
  const second = Number(s)
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null
  const normalizedZone = zone === 'z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone
  const ms = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s.padStart(2, '0')}${m[7] ? `.${m[7].slice(0, 3)}` : ''}${normalizedZone}`)
  if (Number.isNaN(ms)) return null
  // Reject impossible calendar dates that Date.parse would roll over (e.g. 2021-02-30).
  const check = new Date(Date.UTC(Number(y), month - 1, day))
  if (check.getUTCDate() !== day) return null
  return ms
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
