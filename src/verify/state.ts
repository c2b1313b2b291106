/**
 * The state of one verification: its collaborators (fetcher, clock, findings) and what has been
 * resolved so far. Internal to verify/.
 */
import type { Fetcher } from './fetcher.js'
import type { Findings, OpenBadgesVersion } from './report.js'

/** Who the caller expects the badge to belong to. */
export interface RecipientQuery {
  email?: string
  url?: string
  telephone?: string
  id?: string
}

/** A store of imported keys by PEM text. */
export interface KeyStore {
  get(pem: string): Promise<unknown> | undefined
  set(pem: string, key: Promise<unknown>): void
}

export interface VerifyState {
  readonly findings: Findings
  readonly fetcher: Fetcher
  readonly now: Date
  /** Seconds of tolerated clock skew for issuedOn. */
  readonly maxClockSkew: number
  readonly recipient: RecipientQuery | undefined
  readonly checkImages: boolean
  readonly keys: KeyStore
  /** Decoded JWS payloads by token, when a cache is shared across verifications. */
  readonly tokens: { get(token: string): unknown; set(token: string, decoded: unknown): void } | undefined
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
