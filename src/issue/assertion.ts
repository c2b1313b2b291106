/**
 * `issueAssertion`: one awarded micro-credential — hashed recipient, evidence, dates, ids, and the
 * rubric results and assessors (MicroCredentialResultExtension).
 */
import { ASSESSMENT_EXTENSION, MC_CONTEXT_URL, MC_EXTENSION, MC_RESULT_EXTENSION, OB_V2_CONTEXT } from '../jsonld/urls.js'
import type { Assessor, MicroCredentialAssertion, MicroCredentialResultExtension, Rubric, RubricCriterion, RubricResult } from '../model/microcredential.js'
import type { BadgeClass, Evidence, IdentityObject, VerificationObject } from '../model/openbadges.js'
import { asList } from './assessment.js'
import { hashIdentity, normalizeEmail, type IdentityHashAlgorithm } from './identity.js'
import { baseUrlOf, isoDateTime, randomSalt, randomUuid, withSlash } from './ids.js'
import { assertValid, InputChecker, isHttpUrl, toDate } from './input.js'

/** Who receives the badge: an email (shorthand), or one identifier. */
export type RecipientInput = string | { email: string } | { url: string } | { telephone: string } | { type: string; identity: string }

/** One piece of evidence: a URL and/or a narrative, with optional metadata. */
export interface EvidenceInput {
  /** URL of the evidence (alias `url`). */
  id?: string
  url?: string
  narrative?: string
  name?: string
  description?: string
  genre?: string
  audience?: string
}

/** A score on one rubric criterion: the criterion by identifier or 1-based position. */
export interface RubricResultInput {
  criterion: string | number
  score: number
  /** Level label; default: the label of the level whose score equals `score`. */
  level?: string
  feedback?: string
}

/** What is awarded to whom. */
export interface AwardInput {
  recipient: RecipientInput
  /** Default true: hash the identity (sha256, fresh salt). */
  hashed?: boolean
  evidence?: EvidenceInput | EvidenceInput[]
  narrative?: string
  /** Default: now. */
  issuedOn?: Date | string
  expires?: Date | string
  results?: RubricResultInput[]
  assessors?: Array<{ name?: string; id?: string; url?: string; email?: string }>
  assessedOn?: Date | string
  /** Attempt number (resubmission is normal). */
  attempt?: number
  /** The baked image URL of this assertion. */
  image?: string
}

/** Options of {@link issueAssertion}: verification, ids and the injected clock/generators. */
export interface IssueOptions {
  /** The clock (default `() => new Date()`). */
  now?: () => Date
  /** UUID generator for assertion ids (default: crypto.randomUUID). */
  generateId?: () => string
  /** Salt generator (default: 16 random bytes, hex). */
  generateSalt?: () => string
  /** Default `hosted`. `signed` leaves signing to `sign/`; `creator` is the signing key's id. */
  verification?: 'hosted' | { type: 'signed'; creator?: string }
  /** `url` (default): `<base>/assertions/<uuid>`; `urn:uuid`: for signed-only badges. */
  idStyle?: 'url' | 'urn:uuid'
  /** Base URL of assertion ids. Default: the directory of the issuer's id, or of the badge id. */
  baseUrl?: string
  /** Embed the BadgeClass instead of referring to it by id. */
  embedBadge?: boolean
  /** IdentityHash algorithm (default sha256). */
  hashAlgorithm?: IdentityHashAlgorithm
}

const IDENTIFIER_TYPES = ['email', 'url', 'telephone'] as const

function recipientOf(c: InputChecker, input: unknown, hashed: boolean, salt: () => string, alg: IdentityHashAlgorithm): IdentityObject | undefined {
  let type: string | undefined
  let value: string | undefined
  if (typeof input === 'string') {
    type = 'email'
    value = c.email(input, '/recipient', true)
  } else {
    const r = c.object(input, '/recipient', true)
    if (!r) return undefined
    const key = IDENTIFIER_TYPES.find((k) => r[k] !== undefined)
    if (key === 'email') value = c.email(r.email, '/recipient/email', true)
    else if (key === 'url') value = c.url(r.url, '/recipient/url', true)
    else if (key === 'telephone') value = c.text(r.telephone, '/recipient/telephone', true)
    else {
      value = c.text(r.identity, '/recipient/identity', true)
      const t = c.text(r.type, '/recipient/type', true)
      if (t !== undefined && !t.includes(':') && !(IDENTIFIER_TYPES as readonly string[]).includes(t)) {
        c.add('INPUT_INVALID', '/recipient/type', 'recipient type must be email, url, telephone or an IRI')
      }
      if (t === 'email' && value !== undefined) value = c.email(value, '/recipient/identity', true)
      type = t
    }
    type ??= key
  }
  if (type === undefined || value === undefined) return undefined
  const plain = type === 'email' ? normalizeEmail(value) : value.trim()
  if (!hashed) return { type, hashed: false, identity: plain }
  const s = salt()
  return { type, hashed: true, salt: s, identity: hashIdentity(plain, s, alg) }
}

function evidenceOf(c: InputChecker, input: unknown): Evidence[] {
  return c.list(input, '/evidence').flatMap((e, i) => {
    const p = `/evidence/${i}`
    const o = c.object(e, p)
    if (!o) return []
    const url = c.iri(o.id ?? o.url, o.id !== undefined ? `${p}/id` : `${p}/url`)
    const item: Evidence = {}
    if (url !== undefined) item.id = url
    for (const k of ['narrative', 'name', 'description', 'genre', 'audience'] as const) {
      const v = c.text(o[k], `${p}/${k}`)
      if (v !== undefined) item[k] = v
    }
    if (item.id === undefined && item.narrative === undefined && o.id === undefined && o.url === undefined) {
      c.add('EVIDENCE_EMPTY', p, 'evidence needs a url or a narrative')
    }
    return [item]
  })
}

function rubricOf(badge: unknown): Rubric | undefined {
  if (badge === null || typeof badge !== 'object') return undefined
  const ext = (badge as Record<string, unknown>)[ASSESSMENT_EXTENSION] as { assessments?: unknown } | undefined
  for (const a of asList(ext?.assessments as Array<{ rubrics?: Rubric | Rubric[] }> | undefined)) {
    const r = asList(a?.rubrics)[0]
    if (r) return r
  }
  return undefined
}

function resultsOf(c: InputChecker, award: Record<string, unknown>, badge: unknown): RubricResult[] {
  const inputs = c.list(award.results, '/results')
  if (inputs.length === 0) return []
  const rubric = rubricOf(badge)
  if (!rubric) {
    c.add('RUBRIC_NOT_FOUND', '/results', 'rubric results need the badge as an object with an Assessment Extension rubric')
    return []
  }
  const criteria = asList(rubric.rubricCriteria)
  return inputs.flatMap((r, i) => {
    const p = `/results/${i}`
    const o = c.object(r, p)
    if (!o) return []
    let criterion: RubricCriterion | undefined
    if (typeof o.criterion === 'number') criterion = criteria[o.criterion - 1]
    else if (typeof o.criterion === 'string') criterion = criteria.find((x) => x.identifier === o.criterion)
    if (!criterion) {
      c.add('RUBRIC_CRITERION_UNKNOWN', `${p}/criterion`, `the rubric has no criterion ${JSON.stringify(o.criterion)}`)
      return []
    }
    const score = c.number(o.score, `${p}/score`)
    if (o.score === undefined) c.add('INPUT_REQUIRED', `${p}/score`, `${p}/score is required`)
    if (score === undefined) return []
    const levels = asList(criterion.criterionLevels)
    const scores = levels.map((l) => l.score).filter((s): s is number => typeof s === 'number')
    const maxScore = scores.length > 0 ? Math.max(...scores) : undefined
    if (score < 0 || (maxScore !== undefined && score > maxScore)) {
      c.add('RUBRIC_SCORE_OUT_OF_RANGE', `${p}/score`, `score ${score} is outside 0..${maxScore ?? '∞'}`)
    }
    const result: RubricResult = { criterion: criterion.identifier, score }
    const name = criterion.category ?? criterion.description
    if (name) result.name = name
    if (maxScore !== undefined) result.maxScore = maxScore
    const level = c.text(o.level, `${p}/level`) ?? levels.find((l) => l.score === score)?.quality
    if (level !== undefined) result.level = level
    const feedback = c.text(o.feedback, `${p}/feedback`)
    if (feedback !== undefined) result.feedback = feedback
    return [result]
  })
}

function assessorsOf(c: InputChecker, input: unknown): Assessor[] {
  return c.list(input, '/assessors').flatMap((a, i) => {
    const p = `/assessors/${i}`
    const o = c.object(a, p)
    if (!o) return []
    const item: Assessor = {}
    const name = c.text(o.name, `${p}/name`)
    if (name !== undefined) item.name = name
    const id = c.iri(o.id, `${p}/id`)
    if (id !== undefined) item.id = id
    const url = c.url(o.url, `${p}/url`)
    if (url !== undefined) item.url = url
    const email = c.email(o.email, `${p}/email`)
    if (email !== undefined) item.email = email.trim()
    if (name === undefined && id === undefined) c.add('INPUT_REQUIRED', `${p}/name`, 'an assessor needs a name or an id')
    return [item]
  })
}

/**
 * Awards a badge: returns a validated Assertion with a hashed recipient (sha256, fresh salt, email
 * normalised) unless `hashed: false`, evidence, `issuedOn` from the injected clock, an id under the issuer's
 * base URL (or `urn:uuid:` for signed-only use), hosted verification by default, and — when results or
 * assessors are given — the MicroCredentialResultExtension.
 *
 * @throws OpenBadgesError `INVALID_INPUT` listing every problem (`INPUT_REQUIRED`, `INPUT_EMAIL_INVALID`,
 *   `EVIDENCE_REQUIRED`, `EVIDENCE_EMPTY`, `RUBRIC_CRITERION_UNKNOWN`, `RUBRIC_SCORE_OUT_OF_RANGE`,
 *   `ASSESSOR_REQUIRED`, `HOSTED_ID_NOT_HTTP`, `INPUT_DATE_INVALID`, or validation codes such as
 *   `ASSERTION_EXPIRES_BEFORE_ISSUED`).
 * @example
 * ```ts
 * const assertion = issueAssertion(mc, {
 *   recipient: 'teacher@school.example',
 *   evidence: [{ url: 'https://portfolio.example/lesson-video', name: 'Lesson video' }],
 *   results: [{ criterion: 1, score: 3 }], assessors: [{ name: 'A. Assessor' }],
 * }, { now: () => new Date('2026-01-15T12:00:00Z') })
 * ```
 */
export function issueAssertion(badge: BadgeClass | string, award: AwardInput, options: IssueOptions = {}): MicroCredentialAssertion {
  const c = new InputChecker()
  const now = options.now ?? (() => new Date())
  const generateId = options.generateId ?? randomUuid
  const generateSalt = options.generateSalt ?? randomSalt
  const badgeObj = typeof badge === 'string' ? undefined : c.object(badge, '(badge)', true)
  const badgeId = typeof badge === 'string' ? c.iri(badge, '(badge)', true) : badgeObj ? c.iri(badgeObj.id, '(badge)/id', true) : undefined
  const a = c.object(award, '', true) ?? {}
  const hashed = c.boolean(a.hashed, '/hashed') ?? true
  const recipient = recipientOf(c, a.recipient, hashed, generateSalt, options.hashAlgorithm ?? 'sha256')
  const evidence = evidenceOf(c, a.evidence)
  const isMc = badgeObj !== undefined && (badgeObj[MC_EXTENSION] !== undefined || badgeObj[ASSESSMENT_EXTENSION] !== undefined)
  if (isMc && evidence.length === 0 && a.evidence === undefined) c.add('EVIDENCE_REQUIRED', '/evidence', 'a micro-credential is awarded on evidence: give at least one')
  const narrative = c.text(a.narrative, '/narrative')
  const issuedOn = toDate(a.issuedOn, c, '/issuedOn') ?? (a.issuedOn === undefined ? now() : undefined)
  const expires = toDate(a.expires, c, '/expires')
  const assessedOn = toDate(a.assessedOn, c, '/assessedOn')
  const attempt = c.number(a.attempt, '/attempt', { integer: true, min: 1 })
  const image = c.iri(a.image, '/image')
  const results = resultsOf(c, a, badgeObj)
  const assessors = assessorsOf(c, a.assessors)
  if (results.length > 0 && assessors.length === 0 && a.assessors === undefined) c.add('ASSESSOR_REQUIRED', '/assessors', 'rubric results need the assessor(s)')

  const signed = typeof options.verification === 'object' && options.verification?.type === 'signed'
  if (options.verification !== undefined && options.verification !== 'hosted' && !signed) c.add('INPUT_INVALID', '(options)/verification', "verification must be 'hosted' or { type: 'signed' }")
  const idStyle = options.idStyle ?? 'url'
  if (idStyle === 'urn:uuid' && !signed) c.add('HOSTED_ID_NOT_HTTP', '(options)/idStyle', 'hosted verification needs an http(s) assertion id: use idStyle url or signed verification')
  const issuerId = badgeObj && typeof badgeObj.issuer === 'string' ? badgeObj.issuer : badgeObj && typeof badgeObj.issuer === 'object' && badgeObj.issuer !== null ? (badgeObj.issuer as { id?: unknown }).id : undefined
  const base = options.baseUrl ?? (typeof issuerId === 'string' && isHttpUrl(issuerId) ? baseUrlOf(issuerId) : badgeId && isHttpUrl(badgeId) ? baseUrlOf(badgeId) : undefined)
  if (idStyle === 'url' && (base === undefined || !isHttpUrl(base))) c.add('INPUT_URL_INVALID', '(options)/baseUrl', 'no http(s) base URL for the assertion id (give options.baseUrl)')
  c.throwIfAny('issueAssertion')

  const uuid = generateId()
  const verification: VerificationObject = signed
    ? { type: 'SignedBadge', ...((options.verification as { creator?: string }).creator ? { creator: (options.verification as { creator: string }).creator } : {}) }
    : { type: 'HostedBadge' }
  const assertion: MicroCredentialAssertion = {
    '@context': OB_V2_CONTEXT,
    type: 'Assertion',
    id: idStyle === 'urn:uuid' ? `urn:uuid:${uuid}` : `${withSlash(base as string)}assertions/${uuid}`,
    recipient: recipient as IdentityObject,
    badge: options.embedBadge && badgeObj ? stripContext(badgeObj) : (badgeId as string),
    verification,
    issuedOn: isoDateTime(issuedOn as Date),
  }
  if (image !== undefined) assertion.image = image
  if (evidence.length > 0) assertion.evidence = evidence
  if (narrative !== undefined) assertion.narrative = narrative
  if (expires !== undefined) assertion.expires = isoDateTime(expires)
  if (results.length > 0 || assessors.length > 0) {
    const ext: MicroCredentialResultExtension = { '@context': MC_CONTEXT_URL, type: ['Extension', MC_RESULT_EXTENSION], rubricResults: results, assessors }
    if (assessedOn !== undefined) ext.assessedOn = isoDateTime(assessedOn)
    if (attempt !== undefined) ext.attempt = attempt
    assertion[MC_RESULT_EXTENSION] = ext
  }
  assertValid(assertion, 'Assertion', 'issueAssertion')
  return assertion
}

function stripContext(doc: Record<string, unknown>): BadgeClass {
  const { '@context': _c, ...rest } = doc
  return rest as BadgeClass
}
