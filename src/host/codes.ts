/**
 * Every error code of the hosting module's own: thrown as `OpenBadgesError.code`, or sent in the JSON
 * body of an error response (`{ status, error, code }`). Batch, roster and CSV codes are in
 * `BATCH_CODES`, `ROSTER_CODES`, `CSV_CODES`. All are documented in docs/hosting.md.
 */
export const HOST_CODES = {
  /** A store key (or an id mapped to one) is not a safe relative path. */
  HOST_INVALID_KEY: 'HOST_INVALID_KEY',
  /** The base URL is not an http(s) URL without query, fragment or credentials. */
  HOST_INVALID_BASE_URL: 'HOST_INVALID_BASE_URL',
  /** Nothing is stored at that key (store.revoke; a 404 body). */
  HOST_NOT_FOUND: 'HOST_NOT_FOUND',
  /** store.revoke on something that is not an Assertion. */
  HOST_NOT_AN_ASSERTION: 'HOST_NOT_AN_ASSERTION',
  /** A request path that tries to leave its directory or smuggle separators (a 400 body). */
  HOST_PATH_REFUSED: 'HOST_PATH_REFUSED',
  /** A method other than GET, HEAD, OPTIONS (a 405 body). */
  HOST_METHOD_NOT_ALLOWED: 'HOST_METHOD_NOT_ALLOWED',
  /** The file system failed under the store (thrown; a 500 body). */
  HOST_STORE_IO: 'HOST_STORE_IO',
  /** The server could not bind its address. */
  HOST_LISTEN_FAILED: 'HOST_LISTEN_FAILED',
  /** publishDocument: not a JSON object with a string `id`. */
  HOST_DOCUMENT_NO_ID: 'HOST_DOCUMENT_NO_ID',
  /** publishDocument: the id is not a URL under the base URL, so the host could not serve it there. */
  HOST_ID_OUTSIDE_BASE: 'HOST_ID_OUTSIDE_BASE',
} as const

/** A hosting error code. */
export type HostErrorCode = (typeof HOST_CODES)[keyof typeof HOST_CODES]
