/**
 * Every finding code the verifier itself emits, with its severity and meaning. Codes passed through
 * from other modules keep their own names: data validation (`schema/`, docs/schema.md), JWS decoding
 * and signature checks (`sign/` SIGNATURE_CHECK_CODES such as JWS_ALG_NONE, SIGNATURE_INVALID;
 * docs/signing.md) and unreadable images (`bake/` BAKE_CODES such as PNG_BAD_CRC; docs/baking.md).
 * docs/verification.md lists the same table; a test keeps the two in step.
 */
import { FETCH_CODES, type FetchCode } from './fetcher.js'

export type Severity = 'error' | 'warning' | 'info'

interface CodeInfo {
  severity: Severity
  summary: string
}

const fetchSummaries: Record<FetchCode, string> = {
  FETCH_INVALID_URL: 'a linked document URL is not a valid URL (or carries credentials)',
  FETCH_SCHEME_NOT_ALLOWED: 'a linked document is not http(s) (file:, data:, ftp: ... are never requested)',
  FETCH_ADDRESS_REFUSED: 'the host is, or resolves to, a loopback/private/link-local/unique-local/reserved address',
  FETCH_DNS_FAILED: 'the host name could not be resolved',
  FETCH_TOO_MANY_REDIRECTS: 'more redirects than allowed (default 5)',
  FETCH_REDIRECT_INVALID: 'a redirect had no usable Location',
  FETCH_TIMEOUT: 'no complete answer within the deadline',
  FETCH_TOO_LARGE: 'the document is larger than the byte cap (default 2 MB)',
  FETCH_CONTENT_TYPE: 'the content type does not match what was expected (JSON-LD, PNG/SVG)',
  FETCH_HTTP_ERROR: 'the server did not answer 200 OK (404, 500...)',
  FETCH_UNREACHABLE: 'the host could not be reached',
  FETCH_DOCUMENT_LIMIT: 'the badge links more documents than one verification may fetch',
}

const fetchCodes = Object.fromEntries(
  FETCH_CODES.map((code) => [code, { severity: 'error', summary: fetchSummaries[code] }]),
) as Record<FetchCode, CodeInfo>

/**
 * The verifier's own finding codes with their usual severity and a one-line meaning (docs/verification.md).
 *
 * @example
 * ```ts
 * VERIFY_CODES.HOSTED_OUT_OF_SCOPE.severity // 'error'
 * ```
 */
export const VERIFY_CODES = {
  // input
  INPUT_UNRECOGNIZED: { severity: 'error', summary: 'the input is not a URL, JSON, a JWS, or PNG/SVG bytes' },
  INPUT_TOO_LARGE: { severity: 'error', summary: 'the input is larger than allowed' },
  INPUT_JSON_INVALID: { severity: 'error', summary: 'the input (or the baked text) is not valid JSON' },
  INPUT_JSON_TOO_DEEP: { severity: 'error', summary: 'JSON nested deeper than the verifier accepts' },
  INPUT_NOT_OBJECT: { severity: 'error', summary: 'the JSON is not an object' },
  IMAGE_NOT_BAKED: { severity: 'error', summary: 'the PNG/SVG carries no badge' },
  // documents and versions
  ...fetchCodes,
  DOCUMENT_JSON_INVALID: { severity: 'error', summary: 'a fetched document is not a JSON object (or is too deeply nested)' },
  DOCUMENT_ID_MISMATCH: { severity: 'error', summary: 'a fetched document declares an id other than the URL it was fetched from' },
  DOCUMENT_WRONG_TYPE: { severity: 'error', summary: 'a linked document is not of the expected class (e.g. badge is not a BadgeClass)' },
  DOCUMENT_LINK_INVALID: { severity: 'error', summary: 'a link (badge, issuer, publicKey...) is neither an IRI nor an embedded document' },
  OB_VERSION_UPGRADED: { severity: 'info', summary: 'an Open Badges 1.0/1.1 document was upgraded to 2.0 before verification' },
  OB_VERSION_UNSUPPORTED: { severity: 'error', summary: 'not an Open Badges 1.0, 1.1 or 2.0 assertion (e.g. 0.5)' },
  JSONLD_INVALID: { severity: 'error', summary: 'the document is not valid JSON-LD (its contexts could not be processed)' },
  // verification method
  VERIFICATION_TYPE_UNKNOWN: { severity: 'error', summary: 'verification.type is neither HostedBadge nor SignedBadge' },
  VERIFICATION_TYPE_MISMATCH: { severity: 'error', summary: 'the declared verification method does not fit what was handed over' },
  // hosted
  HOSTED_ID_NOT_HTTP: { severity: 'error', summary: 'a hosted assertion id must be an http(s) URL' },
  HOSTED_ID_MISMATCH: { severity: 'error', summary: 'the hosted copy has another id than the URL it was fetched from or the input id' },
  HOSTED_OUT_OF_SCOPE: { severity: 'error', summary: "the assertion id is outside the issuer's verification scope (startsWith, allowedOrigins; default same origin)" },
  HOSTED_POLICY_UNSUPPORTED: { severity: 'error', summary: "the issuer's VerificationObject uses a verificationProperty other than id" },
  HOSTED_BADGECLASS_OUT_OF_SCOPE: { severity: 'warning', summary: "the BadgeClass is hosted outside the issuer's default scope" },
  HOSTED_VERIFIED: { severity: 'info', summary: "the hosted assertion was fetched from its id, within the issuer's scope" },
  // signed
  SIGNED_ISSUER_NOT_DEREFERENCEABLE: { severity: 'error', summary: 'the issuer of a signed badge has no http(s) id to fetch its keys from' },
  SIGNED_KEY_NOT_IN_ISSUER: { severity: 'error', summary: "verification.creator is not listed in the issuer's publicKey" },
  SIGNED_NO_KEY: { severity: 'error', summary: 'no key can be found: no creator and the issuer declares no publicKey' },
  SIGNED_KEY_OWNER_MISMATCH: { severity: 'error', summary: 'the key document names another owner than the issuer' },
  SIGNED_KEY_UNUSABLE: { severity: 'error', summary: 'the key document has no usable publicKeyPem' },
  SIGNED_VERIFIED: { severity: 'info', summary: 'the signature verifies with a key the issuer lists and owns' },
  // status
  REVOCATION_NOT_CHECKED: { severity: 'warning', summary: 'revocation, expiry and recipient were not evaluated because trust could not be established' },
  REVOCATION_LIST_UNAVAILABLE: { severity: 'error', summary: "the issuer's RevocationList could not be fetched (fail closed)" },
  REVOCATION_LIST_INVALID: { severity: 'error', summary: 'the revocationList document is not a RevocationList of this issuer' },
  REVOCATION_LIST_NONE: { severity: 'info', summary: 'the issuer publishes no RevocationList' },
  ASSERTION_REVOKED: { severity: 'error', summary: 'revoked (HTTP 410, revoked: true, or listed in the RevocationList)' },
  ASSERTION_EXPIRED: { severity: 'error', summary: 'expires is in the past' },
  ASSERTION_ISSUED_IN_FUTURE: { severity: 'error', summary: 'issuedOn is later than now (beyond the allowed clock skew)' },
  DATE_INVALID: { severity: 'error', summary: 'a date cannot be interpreted, so expiry/issue checks cannot be made' },
  // recipient
  RECIPIENT_MATCHED: { severity: 'info', summary: 'the expected recipient matches the assertion recipient' },
  RECIPIENT_MISMATCH: { severity: 'error', summary: 'the assertion was not awarded to the expected recipient' },
  // images
  IMAGE_UNREACHABLE: { severity: 'warning', summary: 'the BadgeClass image could not be fetched' },
  IMAGE_FORMAT: { severity: 'warning', summary: 'the BadgeClass image is not a PNG or SVG' },
  // extensions
  EXTENSION_INVALID: { severity: 'error', summary: "an extension does not satisfy its context's obi:validation JSON Schema" },
  EXTENSION_CONTEXT_UNAVAILABLE: { severity: 'warning', summary: "an extension's context could not be loaded: it was not validated" },
  EXTENSION_SCHEMA_UNAVAILABLE: { severity: 'warning', summary: "an extension's JSON Schema could not be loaded or compiled: it was not validated" },
  EXTENSION_VALIDATED: { severity: 'info', summary: "an extension satisfied its context's JSON Schema" },
  // last resort
  VERIFY_INTERNAL_ERROR: { severity: 'error', summary: 'an unexpected failure inside the verifier (reported, never thrown)' },
} satisfies Record<string, CodeInfo>

export type VerifyCode = keyof typeof VERIFY_CODES
