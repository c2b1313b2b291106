/**
 * The verification report and the collector every check writes findings into.
 */
import { VERIFY_CODES, type Severity, type VerifyCode } from './codes.js'

export type { Severity } from './codes.js'

/** One finding: a stable code, its severity, a human message, and where (a JSON Pointer into the report). */
export interface VerificationMessage {
  code: string
  severity: Severity
  message: string
  /** JSON Pointer into the report's documents, e.g. `/assertion/issuedOn`, `/issuer/email`. */
  path?: string
}

/** Which Open Badges version the assertion was published in (1.x assertions are upgraded to 2.0). */
export type OpenBadgesVersion = '2.0' | '1.1' | '1.0' | null

/** What `verify()` returns. `valid` is true exactly when no finding has severity `error`. */
export interface VerificationReport {
  valid: boolean
  errorCount: number
  warningCount: number
  openBadgesVersion: OpenBadgesVersion
  messages: VerificationMessage[]
  /** The assertion as verified (the hosted copy for hosted badges, the JWS payload for signed ones; 1.x upgraded). */
  assertion?: Record<string, unknown>
  /** The resolved BadgeClass. */
  badgeClass?: Record<string, unknown>
  /** The resolved issuer Profile. */
  issuer?: Record<string, unknown>
  /** Set when a `recipient` was given and trust was established. */
  recipientMatched?: boolean
  /** Set when revocation could be evaluated. */
  revoked?: boolean
  /** Set when expiry could be evaluated. */
  expired?: boolean
}

/** Collects findings in order; tracks the documents and flags that end up in the report. */
export class Findings {
  readonly messages: VerificationMessage[] = []

  /** Adds a finding with the code's usual severity (or the one given). */
  add(code: VerifyCode, message: string, path?: string, severity?: Severity): void {
    this.push({ code, severity: severity ?? VERIFY_CODES[code].severity, message, ...(path === undefined ? {} : { path }) })
  }

  /** Adds a finding whose code comes from another module (schema problems, passed through). Same code at the same path: kept once. */
  push(message: VerificationMessage): void {
    if (message.path !== undefined && this.messages.some((m) => m.code === message.code && m.path === message.path)) return
    this.messages.push(message)
  }

  /** True when an error has been recorded at `path` (or below it). */
  hasErrorAt(path: string): boolean {
    return this.messages.some((m) => m.severity === 'error' && m.path !== undefined && (m.path === path || m.path.startsWith(`${path}/`)))
  }
}

/** Builds the final report from the findings and what was resolved (undefined parts are left out). */
export function buildReport(
  findings: Findings,
  parts: Omit<VerificationReport, 'valid' | 'errorCount' | 'warningCount' | 'messages'>,
): VerificationReport {
  const errorCount = findings.messages.filter((m) => m.severity === 'error').length
  const warningCount = findings.messages.filter((m) => m.severity === 'warning').length
  const report: VerificationReport = {
    valid: errorCount === 0,
    errorCount,
    warningCount,
    openBadgesVersion: parts.openBadgesVersion,
    messages: findings.messages,
  }
  if (parts.assertion) report.assertion = parts.assertion
  if (parts.badgeClass) report.badgeClass = parts.badgeClass
  if (parts.issuer) report.issuer = parts.issuer
  if (parts.recipientMatched !== undefined) report.recipientMatched = parts.recipientMatched
  if (parts.revoked !== undefined) report.revoked = parts.revoked
  if (parts.expired !== undefined) report.expired = parts.expired
  return report
}
