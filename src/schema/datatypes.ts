/**
 * The datatype checks a JSON Schema can't express well: DateTime (with the time-zone rule and real calendar
 * values), IdentityHash, and JSON-LD type membership (`type` includes the class, in any of its spellings).
 */

const DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(?:(Z|z)|([+-])(\d{2})(?::?(\d{2}))?)$/
const DATETIME_NO_TZ = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/

/** Date.UTC without its two-digit-year rule (it reads years 0-99 as 1900-1999). */
function utc(year: number, monthIndex: number, day: number, hour = 0, minute = 0, second = 0): number {
  const d = new Date(0)
  d.setUTCFullYear(year, monthIndex, day)
  return d.setUTCHours(hour, minute, second, 0)
}

const daysIn = (year: number, month: number): number => new Date(utc(year, month, 0)).getUTCDate()

/**
 * Parses an Open Badges DateTime (ISO 8601 with a time zone designator) to epoch milliseconds.
 * Returns `undefined` for anything else, including a date-time without a time zone.
 *
 * @example
 * ```ts
 * parseDateTime('2016-12-31T23:59:59+00:00') // 1483228799000
 * parseDateTime('2016-12-31T23:59:59')       // undefined (no time zone)
 * ```
 */
export function parseDateTime(value: string): number | undefined {
  const m = DATETIME.exec(value)
  if (!m) return undefined
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number]
  const second = m[6] === undefined ? 0 : Number(m[6])
  const fraction = m[7] === undefined ? 0 : Number(`0${m[7]}`)
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined
  if (hour > 23 || minute > 59 || second > 60) return undefined
  let offsetMinutes = 0
  if (m[8] === undefined) {
    const oh = Number(m[10])
    const om = m[11] === undefined ? 0 : Number(m[11])
    if (oh > 23 || om > 59) return undefined
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (oh * 60 + om)
  }
  return utc(year, month - 1, day, hour, minute, second) + Math.round(fraction * 1000) - offsetMinutes * 60_000
}

/**
 * Classifies a DateTime string: `'ok'`, `'no-timezone'` (a date-time without a zone designator) or `'invalid'`.
 *
 * @example
 * ```ts
 * classifyDateTime('2016-12-31T23:59:59') // 'no-timezone'
 * ```
 */
export function classifyDateTime(value: string): 'ok' | 'no-timezone' | 'invalid' {
  if (parseDateTime(value) !== undefined) return 'ok'
  return DATETIME_NO_TZ.test(value) ? 'no-timezone' : 'invalid'
}

const IDENTITY_HASH = /^(?:sha256\$[0-9a-fA-F]{64}|md5\$[0-9a-fA-F]{32})$/

/**
 * True for a well-formed IdentityHash: `sha256$` + 64 hex digits or `md5$` + 32 hex digits.
 *
 * @example
 * ```ts
 * isIdentityHash('md5$' + '0'.repeat(32)) // true
 * ```
 */
export function isIdentityHash(value: string): boolean {
  return IDENTITY_HASH.test(value)
}

const OBI = 'https://w3id.org/openbadges#'

/** Every spelling (term, compact IRI, full IRI) of each class type, as the v2 context maps them. */
const TYPE_SPELLINGS: Record<string, readonly string[]> = {
  Assertion: ['Assertion', 'obi:Assertion', `${OBI}Assertion`],
  BadgeClass: ['BadgeClass', 'obi:BadgeClass', `${OBI}BadgeClass`],
  Profile: ['Profile', 'obi:Profile', `${OBI}Profile`, 'Issuer', 'obi:Issuer', `${OBI}Issuer`],
  Issuer: ['Issuer', 'obi:Issuer', `${OBI}Issuer`],
  Endorsement: ['Endorsement', 'cred:Credential', 'https://w3id.org/credentials#Credential'],
  RevocationList: ['RevocationList', 'obi:RevocationList', `${OBI}RevocationList`],
  CryptographicKey: ['CryptographicKey', 'sec:Key', 'https://w3id.org/security#Key'],
  Extension: ['Extension', 'obi:Extension', `${OBI}Extension`],
  Criteria: ['Criteria', 'obi:Criteria', `${OBI}Criteria`],
  Evidence: ['Evidence', 'obi:Evidence', `${OBI}Evidence`],
  Image: ['Image', 'obi:Image', `${OBI}Image`, 'schema:ImageObject', 'http://schema.org/ImageObject', 'ImageObject'],
  AlignmentObject: ['AlignmentObject', 'schema:AlignmentObject', 'http://schema.org/AlignmentObject'],
  IdentityObject: ['IdentityObject', 'obi:IdentityObject', `${OBI}IdentityObject`],
  VerificationObject: ['VerificationObject', 'obi:VerificationObject', `${OBI}VerificationObject`],
  HostedBadge: ['HostedBadge', 'hosted', 'obi:HostedBadge', `${OBI}HostedBadge`],
  SignedBadge: ['SignedBadge', 'signed', 'obi:SignedBadge', `${OBI}SignedBadge`],
}

/**
 * The `type` value as a list of strings (non-strings dropped).
 *
 * @example
 * ```ts
 * typeList('Assertion') // ['Assertion']
 * ```
 */
export function typeList(type: unknown): string[] {
  if (typeof type === 'string') return [type]
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string')
  return []
}

/**
 * True when a JSON-LD `type` value (string or list) includes `className` in any spelling the v2 context
 * gives it (`Assertion`, `obi:Assertion`, `https://w3id.org/openbadges#Assertion`...).
 *
 * @example
 * ```ts
 * hasType(['Assertion', 'extensions:Foo'], 'Assertion') // true
 * hasType('hosted', 'HostedBadge')                       // true
 * ```
 */
export function hasType(type: unknown, className: string): boolean {
  const spellings = TYPE_SPELLINGS[className] ?? [className]
  return typeList(type).some((t) => spellings.includes(t))
}
