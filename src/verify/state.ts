/**
 * The state of one verification: its collaborators (fetcher, clock, findings) and what has been
 * resolved so far. Internal to verify/.
 */
import type { VerifyCache } from './cache.js'
import type { Fetcher } from './fetcher.js'
import type { Findings, OpenBadgesVersion } from './report.js'

/** Who the caller expects the badge to belong to. */
export interface RecipientQuery {
  email?: string
  url?: string
  telephone?: string
  id?: string
}

export interface VerifyState {
  readonly findings: Findings
  readonly fetcher: Fetcher
  readonly now: Date
  /** Seconds of tolerated clock skew for issuedOn. */
  readonly maxClockSkew: number
  readonly recipient: RecipientQuery | undefined
  readonly checkImages: boolean
  /** Imported public keys by PEM text (the shared cache's, or one for this verification). */
  readonly keys: VerifyCache['keys']
  /** Decoded JWS payloads by token, when a cache is shared across verifications. */
  readonly tokens: VerifyCache['tokens'] | undefined
  /** True when fetched documents come from a cache shared across verifications (they are frozen and memoized). */
  readonly sharedCache: boolean
  version: OpenBadgesVersion
  /** True when the assertion came from a 1.x document and was upgraded. */
  upgraded: boolean
  assertion?: Record<string, unknown>
  badgeClass?: Record<string, unknown>
  /** The URL the BadgeClass was fetched from (undefined when embedded). */
  badgeClassSource?: string | undefined
  issuer?: Record<string, unknown>
  /** True when the issuer Profile is the copy fetched from its own http(s) id. */
  issuerAuthoritative: boolean
  recipientMatched?: boolean
  revoked?: boolean
  expired?: boolean
}
