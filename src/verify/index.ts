/**
 * `open-microcredentials/verify`: the complete Open Badges 2.0 verifier (hosted, signed, baked,
 * Open Badges 1.x upgraded), as one call that returns a report.
 */
export { verify } from './verify.js'
export { createVerifyCache } from './cache.js'
export type { VerifyCache, VerifyCacheOptions } from './cache.js'
export { VERIFY_CODES } from './codes.js'
export type { VerifyCode, Severity } from './codes.js'
export { FETCH_CODES, FETCH_DEFAULTS } from './fetcher.js'
export type { FetchCode, FetchLike, HostResolver } from './fetcher.js'
export { DEFAULT_MAX_INPUT_BYTES } from './options.js'
export type { VerifyOptions } from './options.js'
export type { VerificationReport, VerificationMessage, OpenBadgesVersion } from './report.js'
export type { RecipientQuery } from './state.js'
export type { VerifyInput } from './input.js'
