/**
 * `verify()` options: their types, defaults and the misuse checks (TypeError/RangeError: the only
 * exceptions `verify()` ever raises).
 */
import type { VerifyCache } from './cache.js'
import type { FetchLike, HostResolver } from './fetcher.js'
import type { RecipientQuery } from './state.js'

/** Options of `verify()`; all optional. */
export interface VerifyOptions {
  /** The fetch every request goes through. Defaults to the global fetch (host names then also checked through DNS). */
  fetch?: FetchLike
  /** The verification time (Date, ISO 8601 string or epoch milliseconds). Defaults to the clock. */
  now?: Date | string | number
  /** Who the badge should have been awarded to; the report then says `recipientMatched`. */
  recipient?: RecipientQuery
  /** Allow loopback/private/link-local/unique-local hosts. Default false. */
  allowPrivateNetwork?: boolean
  /** Deadline per fetched document in milliseconds. Default 10 000. */
  timeoutMs?: number
  /** Byte cap per fetched document. Default 2 MB. */
  maxBytes?: number
  /** Redirects followed per document. Default 5. */
  maxRedirects?: number
  /** Distinct URLs fetched per verification. Default 30. */
  maxDocuments?: number
  /** Largest input accepted (text or image bytes). Default 16 MiB. */
  maxInputBytes?: number
  /** Tolerated clock skew for issuedOn, in seconds. Default 300. */
  maxClockSkew?: number
  /** A cache shared across verifications (`createVerifyCache()`): fetched documents and imported keys. */
  cache?: VerifyCache
  /** Check that the BadgeClass image is reachable and PNG/SVG. Default true. */
  checkImages?: boolean
  /** Host name resolver for the private-address check (default: node:dns with the global fetch). */
  resolveHost?: HostResolver
}

/**
 * Default largest input (text or image), in bytes: 16 MiB.
 *
 * @example
 * ```ts
 * await verify(bytes, { maxInputBytes: DEFAULT_MAX_INPUT_BYTES / 4 })
 * ```
 */
export const DEFAULT_MAX_INPUT_BYTES = 16 * 1024 * 1024

function positive(name: string, value: unknown, integer = false): void {
  if (value === undefined) return
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new RangeError(`verify: options.${name} must be a positive ${integer ? 'integer' : 'number'}`)
  }
}

/** Parses `options.now` (checked here, not in checkOptions). @throws TypeError for anything but a valid Date, ISO string or epoch number. */
export function resolveNow(now: VerifyOptions['now']): Date {
  if (now === undefined) return new Date()
  const date = now instanceof Date ? new Date(now.getTime()) : typeof now === 'string' || typeof now === 'number' ? new Date(now) : null
  if (!date || Number.isNaN(date.getTime())) {
    throw new TypeError('verify: options.now must be a Date, an ISO 8601 string or epoch milliseconds')
  }
  return date
}

/**
 * Checks option types.
 * @throws TypeError / RangeError naming the offending option.
 */
export function checkOptions(options: unknown): asserts options is VerifyOptions {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError('verify: options must be an object')
  }
  const o = options as Record<string, unknown>
  if (o.fetch !== undefined && typeof o.fetch !== 'function') throw new TypeError('verify: options.fetch must be a function')
  if (o.resolveHost !== undefined && typeof o.resolveHost !== 'function') throw new TypeError('verify: options.resolveHost must be a function')
  for (const flag of ['allowPrivateNetwork', 'checkImages'] as const) {
    if (o[flag] !== undefined && typeof o[flag] !== 'boolean') throw new TypeError(`verify: options.${flag} must be a boolean`)
  }
  positive('timeoutMs', o.timeoutMs)
  positive('maxBytes', o.maxBytes, true)
  positive('maxDocuments', o.maxDocuments, true)
  positive('maxInputBytes', o.maxInputBytes, true)
  if (o.maxRedirects !== undefined && (typeof o.maxRedirects !== 'number' || !Number.isInteger(o.maxRedirects) || o.maxRedirects < 0)) {
    throw new RangeError('verify: options.maxRedirects must be a non-negative integer')
  }
  if (o.maxClockSkew !== undefined && (typeof o.maxClockSkew !== 'number' || !Number.isFinite(o.maxClockSkew) || o.maxClockSkew < 0)) {
    throw new RangeError('verify: options.maxClockSkew must be a non-negative number of seconds')
  }
  if (o.recipient !== undefined) {
    const r = o.recipient
    if (r === null || typeof r !== 'object' || Array.isArray(r)) throw new TypeError('verify: options.recipient must be an object')
    const fields = Object.entries(r as Record<string, unknown>).filter(([, v]) => v !== undefined)
    for (const [key, value] of fields) {
      if (!['email', 'url', 'telephone', 'id'].includes(key)) throw new TypeError(`verify: options.recipient.${key} is not supported (email, url, telephone, id)`)
      if (typeof value !== 'string') throw new TypeError(`verify: options.recipient.${key} must be a string`)
    }
    if (fields.length === 0) throw new TypeError('verify: options.recipient needs at least one of email, url, telephone, id')
  }
  if (o.cache !== undefined) {
    const c = o.cache as { documents?: { get?: unknown }; keys?: { get?: unknown }; tokens?: { get?: unknown } } | null
    if (!c || typeof c.documents?.get !== 'function' || typeof c.keys?.get !== 'function' || typeof c.tokens?.get !== 'function') {
      throw new TypeError('verify: options.cache must come from createVerifyCache()')
    }
  }
}
