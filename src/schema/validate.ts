/**
 * `validate()`: every problem of an Open Badges 2.0 document — its class schema, the schemas of embedded
 * documents and extensions, and the checks a schema can't express.
 */
import type { Problem } from '../errors.js'
import type { BadgeObjectKind } from '../model/openbadges.js'
import { extensionValidators, validators, type Shape } from './compile.js'
import { classifyDateTime, hasType, isIdentityHash, parseDateTime, typeList } from './datatypes.js'
import { escapePointer, mapAjvErrors, mapExtensionErrors } from './problems.js'
import { EMAIL_PATTERN } from './schemas.js'

/** Options of {@link validate}. */
export interface ValidateOptions {
  /** The class the document must be. Inferred from `type` when omitted. */
  kind?: BadgeObjectKind
  /**
   * Validate a Profile as an issuer (`name`, `url`, `email` required). Defaults to true when its `type`
   * includes `Issuer`; set it for a Profile fetched as a BadgeClass's `issuer`.
   */
  asIssuer?: boolean
}

/** The result of {@link validate}: `valid` is false when any problem has error severity. */
export interface ValidationResult {
  valid: boolean
  problems: Problem[]
  /** The class the document was validated as (given or inferred); absent when it could not be told. */
  kind?: BadgeObjectKind
}

const EMAIL = new RegExp(EMAIL_PATTERN)
const MAX_DEPTH = 32
const IDENTIFIER_TERMS = new Set(['email', 'url', 'telephone'])

interface Ctx {
  problems: Problem[]
  /** Terms defined by inline context objects at the document root (they may name recipient types). */
  inlineTerms: Set<string>
  seen: WeakSet<object>
  depth: number
}

type Obj = Record<string, unknown>
const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v)
const many = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v])
const at = (base: string, key: string) => `${base}/${escapePointer(key)}`

function problem(ctx: Ctx, code: string, path: string, message: string, severity?: 'warning'): void {
  ctx.problems.push(severity ? { code, path, message, severity } : { code, path, message })
}

/** Runs one class validator on `value` and descends into what it embeds. */
function check(ctx: Ctx, shape: Shape, value: Obj, path: string, className: string): void {
  if (ctx.seen.has(value) || ctx.depth > MAX_DEPTH) {
    problem(ctx, 'DOCUMENT_TOO_DEEP', path, 'document nests too deeply (or refers to itself)')
    return
  }
  ctx.seen.add(value)
  ctx.depth++
  try {
    const validator = validators[shape]
    if (!validator(value) && validator.errors) ctx.problems.push(...mapAjvErrors(shape, validator.errors, path, className))
    SPECIFIC[shape]?.(ctx, value, path)
    checkExtensions(ctx, value, path)
  } finally {
    ctx.depth--
    ctx.seen.delete(value)
  }
}

function requireType(ctx: Ctx, value: Obj, path: string, className: string, code: string): void {
  if (value.type !== undefined && typeList(value.type).length > 0 && !hasType(value.type, className)) {
    problem(ctx, code, at(path, 'type'), `type ${JSON.stringify(value.type)} does not include ${className}`)
  }
}

function checkDateTime(ctx: Ctx, value: unknown, path: string): number | undefined {
  if (typeof value !== 'string') return undefined
  const kind = classifyDateTime(value)
  if (kind === 'no-timezone') problem(ctx, 'DATETIME_NO_TIMEZONE', path, `'${value}' has no time zone (Z or ±hh:mm required)`)
  else if (kind === 'invalid') problem(ctx, 'DATETIME_INVALID', path, `'${value}' is not an ISO 8601 date-time with time zone`)
  return kind === 'ok' ? parseDateTime(value) : undefined
}

function eachObject(ctx: Ctx, value: unknown, path: string, fn: (v: Obj, p: string) => void): void {
  if (Array.isArray(value)) value.forEach((v, i) => isObject(v) && fn(v, `${path}/${i}`))
  else if (isObject(value)) fn(value, path)
}

function checkVerification(ctx: Ctx, owner: Obj, path: string, ownerId: unknown): void {
  const key = owner.verification === undefined && isObject(owner.verify) ? 'verify' : 'verification'
  const v = owner[key]
  if (!isObject(v)) return
  const vpath = at(path, key)
  check(ctx, 'VerificationObject', v, vpath, 'VerificationObject')
  if (typeList(v.type).length === 0) return
  const hosted = hasType(v.type, 'HostedBadge')
  if (!hosted && !hasType(v.type, 'SignedBadge')) {
    problem(ctx, 'VERIFICATION_TYPE_UNKNOWN', at(vpath, 'type'), `verification type ${JSON.stringify(v.type)} is neither HostedBadge nor SignedBadge`)
  } else if (hosted && typeof ownerId === 'string' && !/^https?:\/\//i.test(ownerId)) {
    problem(ctx, 'HOSTED_ID_NOT_HTTP', at(path, 'id'), `hosted verification needs an HTTP(S) id, got '${ownerId}'`)
  }
}

function checkEndorsements(ctx: Ctx, value: Obj, path: string): void {
  eachObject(ctx, value.endorsement, at(path, 'endorsement'), (e, p) => validateEndorsement(ctx, e, p))
}

function validateEndorsement(ctx: Ctx, e: Obj, p: string): void {
  if (e.revoked === true) check(ctx, 'RevokedEndorsement', e, p, 'Endorsement')
  else check(ctx, 'Endorsement', e, p, 'Endorsement')
}

function checkImage(ctx: Ctx, value: Obj, path: string): void {
  if (isObject(value.image)) check(ctx, 'Image', value.image, at(path, 'image'), 'Image')
}

function checkRecipient(ctx: Ctx, r: Obj, path: string): void {
  if (typeof r.identity !== 'string' || typeof r.type !== 'string') return
  if (r.hashed === true && !isIdentityHash(r.identity)) {
    problem(ctx, 'IDENTITY_HASH_INVALID', at(path, 'identity'), "a hashed identity must be 'sha256$' + 64 hex digits or 'md5$' + 32 hex digits")
  }
  if (r.hashed === false && r.type === 'email' && !EMAIL.test(r.identity)) {
    problem(ctx, 'IDENTITY_EMAIL_INVALID', at(path, 'identity'), `'${r.identity}' is not an email address`)
  }
  if (!IDENTIFIER_TERMS.has(r.type) && !r.type.includes(':') && !ctx.inlineTerms.has(r.type)) {
    problem(ctx, 'IDENTITY_TYPE_UNKNOWN', at(path, 'type'), `recipient type '${r.type}' is not email, url, telephone or an IRI`)
  }
}

/** Class-specific checks and descent into embedded documents. */
const SPECIFIC: Partial<Record<Shape, (ctx: Ctx, value: Obj, path: string) => void>> = {
  Assertion(ctx, a, path) {
    requireType(ctx, a, path, 'Assertion', 'ASSERTION_TYPE_MISMATCH')
    const issued = checkDateTime(ctx, a.issuedOn, at(path, 'issuedOn'))
    const expires = checkDateTime(ctx, a.expires, at(path, 'expires'))
    if (issued !== undefined && expires !== undefined && expires <= issued) {
      problem(ctx, 'ASSERTION_EXPIRES_BEFORE_ISSUED', at(path, 'expires'), 'expires must be after issuedOn')
    }
    if (isObject(a.recipient)) {
      check(ctx, 'IdentityObject', a.recipient, at(path, 'recipient'), 'IdentityObject')
      checkRecipient(ctx, a.recipient, at(path, 'recipient'))
    }
    if (a.verification === undefined && isObject(a.verify)) {
      // `verify` is the v2 context's alias of `verification`.
      ctx.problems = ctx.problems.filter((p) => !(p.code === 'ASSERTION_VERIFICATION_REQUIRED' && p.path === at(path, 'verification')))
    }
    checkVerification(ctx, a, path, a.id)
    if (isObject(a.badge)) check(ctx, 'BadgeClass', a.badge, at(path, 'badge'), 'BadgeClass')
    checkImage(ctx, a, path)
    eachObject(ctx, a.evidence, at(path, 'evidence'), (e, p) => check(ctx, 'Evidence', e, p, 'Evidence'))
    checkEndorsements(ctx, a, path)
  },
  RevokedAssertion(ctx, a, path) {
    requireType(ctx, a, path, 'Assertion', 'ASSERTION_TYPE_MISMATCH')
  },
  BadgeClass(ctx, b, path) {
    requireType(ctx, b, path, 'BadgeClass', 'BADGECLASS_TYPE_MISMATCH')
    checkImage(ctx, b, path)
    if (isObject(b.criteria)) check(ctx, 'Criteria', b.criteria, at(path, 'criteria'), 'Criteria')
    if (isObject(b.issuer)) check(ctx, 'IssuerProfile', b.issuer, at(path, 'issuer'), 'Profile')
    eachObject(ctx, b.alignment, at(path, 'alignment'), (x, p) => check(ctx, 'AlignmentObject', x, p, 'AlignmentObject'))
    checkEndorsements(ctx, b, path)
  },
  Profile: profileChecks,
  IssuerProfile: profileChecks,
  CryptographicKey(ctx, k, path) {
    requireType(ctx, k, path, 'CryptographicKey', 'KEY_TYPE_MISMATCH')
  },
  RevocationList(ctx, list, path) {
    requireType(ctx, list, path, 'RevocationList', 'REVOCATIONLIST_TYPE_MISMATCH')
    many(list.revokedAssertions).forEach((entry, i) => {
      const p = Array.isArray(list.revokedAssertions) ? `${at(path, 'revokedAssertions')}/${i}` : at(path, 'revokedAssertions')
      if (typeof entry === 'string' ? entry.trim() === '' : isObject(entry) && typeof entry.id !== 'string' && typeof entry.uid !== 'string') {
        problem(ctx, 'REVOCATIONLIST_ENTRY_ID_REQUIRED', p, 'a revoked entry needs an id (or legacy uid)')
      }
    })
  },
  Endorsement(ctx, e, path) {
    requireType(ctx, e, path, 'Endorsement', 'ENDORSEMENT_TYPE_MISMATCH')
    checkDateTime(ctx, e.issuedOn, at(path, 'issuedOn'))
    if (isObject(e.issuer)) check(ctx, 'Profile', e.issuer, at(path, 'issuer'), 'Profile')
    checkVerification(ctx, e, path, e.id)
  },
  RevokedEndorsement(ctx, e, path) {
    requireType(ctx, e, path, 'Endorsement', 'ENDORSEMENT_TYPE_MISMATCH')
  },
  Extension(ctx, x, path) {
    requireType(ctx, x, path, 'Extension', 'EXTENSION_TYPE_MISMATCH')
    for (const t of typeList(x.type)) {
      const v = extensionValidators.get(t)
      if (v && !v(x) && v.errors) ctx.problems.push(...mapExtensionErrors(v.errors, path, t))
    }
  },
}

function profileChecks(ctx: Ctx, p: Obj, path: string): void {
  requireType(ctx, p, path, 'Profile', 'PROFILE_TYPE_MISMATCH')
  checkImage(ctx, p, path)
  eachObject(ctx, p.publicKey, at(path, 'publicKey'), (k, kp) => check(ctx, 'CryptographicKey', k, kp, 'CryptographicKey'))
  if (isObject(p.verification)) check(ctx, 'ProfileVerification', p.verification, at(path, 'verification'), 'VerificationObject')
  checkEndorsements(ctx, p, path)
}

const EXTENSIONS_NS = /^(extensions:|https:\/\/w3id\.org\/openbadges\/extensions#)/

/**
 * Finds extension objects among the properties of a badge object: a `type` that includes `Extension`, or
 * an object with its own `@context` under a property of the extensions namespace (which must then be one).
 */
function checkExtensions(ctx: Ctx, value: Obj, path: string): void {
  if (hasType(value.type, 'Extension')) return
  for (const [key, child] of Object.entries(value)) {
    const namespaced = EXTENSIONS_NS.test(key)
    eachObject(ctx, child, at(path, key), (x, p) => {
      if (hasType(x.type, 'Extension') || (namespaced && x['@context'] !== undefined)) check(ctx, 'Extension', x, p, 'Extension')
    })
  }
}

const KIND_ORDER: Array<[string, BadgeObjectKind]> = [
  ['Assertion', 'Assertion'],
  ['BadgeClass', 'BadgeClass'],
  ['Profile', 'Profile'],
  ['Endorsement', 'Endorsement'],
  ['RevocationList', 'RevocationList'],
  ['CryptographicKey', 'CryptographicKey'],
  ['Extension', 'Extension'],
  ['Criteria', 'Criteria'],
  ['Evidence', 'Evidence'],
  ['Image', 'Image'],
  ['AlignmentObject', 'AlignmentObject'],
  ['IdentityObject', 'IdentityObject'],
  ['VerificationObject', 'VerificationObject'],
  ['HostedBadge', 'VerificationObject'],
  ['SignedBadge', 'VerificationObject'],
]

/**
 * Tells the class of a badge object from its `type` (any spelling); a typeless `{ id, revoked: true }` is a
 * revoked Assertion. Returns `undefined` when the type names no Open Badges class.
 *
 * @example
 * ```ts
 * inferKind({ type: ['Assertion', 'extensions:Foo'] }) // 'Assertion'
 * inferKind({ type: 'Issuer' })                        // 'Profile'
 * ```
 */
export function inferKind(doc: unknown): BadgeObjectKind | undefined {
  if (!isObject(doc)) return undefined
  for (const [className, kind] of KIND_ORDER) if (hasType(doc.type, className)) return kind
  if (doc.type === undefined && doc.revoked === true && doc.id !== undefined) return 'Assertion'
  return undefined
}

const ROOT_DOCUMENTS = new Set<BadgeObjectKind>(['Assertion', 'BadgeClass', 'Profile', 'CryptographicKey', 'RevocationList', 'Endorsement'])

function inlineTermsOf(context: unknown): Set<string> {
  const terms = new Set<string>()
  for (const c of many(context)) if (isObject(c)) for (const k of Object.keys(c)) terms.add(k)
  return terms
}

/**
 * Validates any Open Badges 2.0 document (or embedded object) and returns every problem, each with a stable
 * code and a JSON-Pointer path. Never throws for bad input.
 *
 * Checks: the class's JSON Schema (required properties, JSON types, IRIs, email form) and those of every
 * embedded document and extension (the Assessment Extension and this project's extensions against their
 * bundled schemas); DateTime with time zone; `expires` after `issuedOn`; hashed identities in
 * `sha256$hex`/`md5$hex` form; `type` includes the class; verification type HostedBadge/SignedBadge (and an
 * HTTP(S) id for hosted). A revoked hosted Assertion `{ id, revoked: true }` is valid on its own.
 *
 * @example
 * ```ts
 * const { valid, problems } = validate(assertion)
 * if (!valid) for (const p of problems) console.log(p.code, p.path, p.message)
 * ```
 */
export function validate(doc: unknown, options: ValidateOptions = {}): ValidationResult {
  const ctx: Ctx = { problems: [], inlineTerms: new Set(), seen: new WeakSet(), depth: 0 }
  if (!isObject(doc)) {
    problem(ctx, 'DOCUMENT_NOT_OBJECT', '', 'a badge document must be a JSON object')
    return { valid: false, problems: ctx.problems }
  }
  const kind = options.kind ?? inferKind(doc)
  if (kind === undefined) {
    problem(ctx, 'DOCUMENT_KIND_UNKNOWN', '/type', `type ${JSON.stringify(doc.type)} names no Open Badges class`)
    return { valid: false, problems: ctx.problems }
  }
  ctx.inlineTerms = inlineTermsOf(doc['@context'])
  if (doc['@context'] === undefined && ROOT_DOCUMENTS.has(kind)) {
    problem(ctx, 'CONTEXT_MISSING', '/@context', 'a published badge object should declare its JSON-LD @context', 'warning')
  }
  run(ctx, kind, doc, options)
  return { valid: !ctx.problems.some((p) => p.severity !== 'warning'), problems: ctx.problems, kind }
}

function run(ctx: Ctx, kind: BadgeObjectKind, doc: Obj, options: ValidateOptions): void {
  switch (kind) {
    case 'Assertion':
      return check(ctx, doc.revoked === true ? 'RevokedAssertion' : 'Assertion', doc, '', 'Assertion')
    case 'Profile': {
      const issuer = options.asIssuer ?? hasType(doc.type, 'Issuer')
      return check(ctx, issuer ? 'IssuerProfile' : 'Profile', doc, '', 'Profile')
    }
    case 'IdentityObject':
      check(ctx, 'IdentityObject', doc, '', 'IdentityObject')
      return checkRecipient(ctx, doc, '')
    case 'VerificationObject':
      return check(ctx, 'VerificationObject', doc, '', 'VerificationObject')
    case 'Endorsement':
      return validateEndorsement(ctx, doc, '')
    default:
      return check(ctx, kind, doc, '', kind)
  }
}
