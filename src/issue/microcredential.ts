/**
 * `defineMicroCredential`: a BadgeClass carrying a complete educator micro-credential — core OB fields,
 * the 1EdTech Assessment Extension (rubric, evidence requirements) and this project's MicroCredentialExtension.
 */
import { ASSESSMENT_EXTENSION, MC_CONTEXT_URL, MC_EXTENSION, OB_V2_CONTEXT } from '../jsonld/urls.js'
import type { MicroCredentialBadgeClass, MicroCredentialExtension } from '../model/microcredential.js'
import type { AlignmentObject, Criteria, Image, IssuerProfile, Profile } from '../model/openbadges.js'
import { buildAssessment, type AssessmentDefinition } from './assessment.js'
import { baseUrlOf, slugify, withSlash } from './ids.js'
import { assertValid, InputChecker } from './input.js'

/** The criteria of an MC: a public page and/or the narrative parts the CCSSO principles ask for. */
export interface CriteriaDefinition {
  /** Public page describing the criteria. */
  url?: string
  /** Free narrative (Markdown), placed first. */
  narrative?: string
  /** The key method(s) (also recorded in the MC extension). */
  keyMethod?: string
  submissionGuidelines?: string
  evaluationCriteria?: string
}

/** Everything that defines a micro-credential. See docs/metadata-mapping.md. */
export interface MicroCredentialDefinition {
  /** The BadgeClass id. Default `<base>/badges/<slug>` (+ `/v<version>` when versioned). */
  id?: string
  /** URL segment for the default id. Default: from the name. */
  slug?: string
  /** The competency name. */
  name: string
  /** The competency assessed. */
  description: string
  /** PNG/SVG image URL (or data URI), or `{ id, caption }`. */
  image: string | { id: string; caption?: string; author?: string }
  criteria: string | CriteriaDefinition
  /** Educator standards the MC aligns to. */
  alignment?: Array<{ targetName: string; targetUrl: string; targetFramework?: string; targetCode?: string; targetDescription?: string }>
  tags?: string[]
  /** BadgeClass `version` (core OB 2.0). */
  version?: string | number
  /** Rubric and evidence requirements (1EdTech Assessment Extension). */
  assessment: AssessmentDefinition
  /** Key method(s), when not given in `criteria`. */
  keyMethod?: string
  researchBasis?: Array<{ citation: string; url?: string; doi?: string }>
  supportResources?: Array<{ name: string; url: string; description?: string; resourceType?: string }>
  developer?: { name: string; id?: string; url?: string; email?: string }
  stacks?: Array<{ id: string; name: string; position: number; size?: number }>
  renewal?: { credits?: number; hours?: number }
  /** Expected hours to earn the MC. */
  estimatedHours?: number
  /** `YYYY-MM-DD` (or a Date). */
  lastReviewDate?: string | Date
  reviewIntervalMonths?: number
}

/** Options of {@link defineMicroCredential}. */
export interface DefineMicroCredentialOptions {
  /** Base URL for the default id. Default: the directory of the issuer's id. */
  baseUrl?: string
  /** Embed the issuer Profile instead of referring to it by id. */
  embedIssuer?: boolean
}

function composeCriteria(c: InputChecker, input: unknown, keyMethod: string | undefined): Criteria | string | undefined {
  if (typeof input === 'string') return c.url(input, '/criteria', true)
  const cr = c.object(input, '/criteria', true)
  if (!cr) return undefined
  const url = c.url(cr.url, '/criteria/url')
  const parts: string[] = []
  const narrative = c.text(cr.narrative, '/criteria/narrative')
  if (narrative !== undefined) parts.push(narrative.trim())
  const sections: Array<[string, unknown, string]> = [
    ['Key method', cr.keyMethod ?? keyMethod, '/criteria/keyMethod'],
    ['Submission guidelines', cr.submissionGuidelines, '/criteria/submissionGuidelines'],
    ['Evaluation criteria', cr.evaluationCriteria, '/criteria/evaluationCriteria'],
  ]
  for (const [title, value, path] of sections) {
    const text = c.text(value, path)
    if (text !== undefined) parts.push(`## ${title}\n\n${text.trim()}`)
  }
  if (url === undefined && parts.length === 0) {
    c.add('CRITERIA_EMPTY', '/criteria', 'criteria need a url or narrative text')
    return undefined
  }
  const criteria: Criteria = {}
  if (url !== undefined) criteria.id = url
  if (parts.length > 0) criteria.narrative = parts.join('\n\n')
  return criteria
}

function buildExtension(c: InputChecker, d: Record<string, unknown>): MicroCredentialExtension {
  const ext: MicroCredentialExtension = { '@context': MC_CONTEXT_URL, type: ['Extension', MC_EXTENSION] }
  const criteriaKey = typeof d.criteria === 'object' && d.criteria !== null ? (d.criteria as Record<string, unknown>).keyMethod : undefined
  const keyMethod = c.text(d.keyMethod ?? criteriaKey, d.keyMethod !== undefined ? '/keyMethod' : '/criteria/keyMethod')
  if (keyMethod !== undefined) ext.keyMethod = keyMethod
  const research = c.list(d.researchBasis, '/researchBasis').flatMap((r, i) => {
    const o = c.object(r, `/researchBasis/${i}`)
    if (!o) return []
    const item: { citation: string; url?: string; doi?: string } = { citation: c.text(o.citation, `/researchBasis/${i}/citation`, true) ?? '' }
    const url = c.url(o.url, `/researchBasis/${i}/url`)
    if (url !== undefined) item.url = url
    const doi = c.text(o.doi, `/researchBasis/${i}/doi`)
    if (doi !== undefined) {
      if (/^10\.\S+\/\S+$/.test(doi)) item.doi = doi
      else c.add('INPUT_INVALID', `/researchBasis/${i}/doi`, 'doi must look like 10.xxxx/yyyy')
    }
    return [item]
  })
  if (research.length > 0) ext.researchBasis = research
  const resources = c.list(d.supportResources, '/supportResources').flatMap((r, i) => {
    const o = c.object(r, `/supportResources/${i}`)
    if (!o) return []
    const item: { name: string; url: string; description?: string; resourceType?: string } = {
      name: c.text(o.name, `/supportResources/${i}/name`, true) ?? '',
      url: c.url(o.url, `/supportResources/${i}/url`, true) ?? '',
    }
    const description = c.text(o.description, `/supportResources/${i}/description`)
    if (description !== undefined) item.description = description
    const resourceType = c.text(o.resourceType, `/supportResources/${i}/resourceType`)
    if (resourceType !== undefined) item.resourceType = resourceType
    return [item]
  })
  if (resources.length > 0) ext.supportResources = resources
  const dev = c.object(d.developer, '/developer')
  if (dev) {
    const developer: NonNullable<MicroCredentialExtension['developer']> = { name: c.text(dev.name, '/developer/name', true) ?? '' }
    const id = c.iri(dev.id, '/developer/id')
    if (id !== undefined) developer.id = id
    const url = c.url(dev.url, '/developer/url')
    if (url !== undefined) developer.url = url
    const email = c.email(dev.email, '/developer/email')
    if (email !== undefined) developer.email = email.trim()
    ext.developer = developer
  }
  const stacks = c.list(d.stacks, '/stacks').flatMap((s, i) => {
    const o = c.object(s, `/stacks/${i}`)
    if (!o) return []
    const p = `/stacks/${i}`
    const item: NonNullable<MicroCredentialExtension['stacks']>[number] = {
      id: c.iri(o.id, `${p}/id`, true) ?? '',
      name: c.text(o.name, `${p}/name`, true) ?? '',
      position: c.number(o.position, `${p}/position`, { integer: true, min: 1 }) ?? 0,
    }
    if (o.position === undefined) c.add('INPUT_REQUIRED', `${p}/position`, `${p}/position is required`)
    const size = c.number(o.size, `${p}/size`, { integer: true, min: 1 })
    if (size !== undefined) {
      item.stackSize = size
      if (item.position > size) c.add('INPUT_INVALID', `${p}/position`, 'position is beyond the stack size')
    }
    return [item]
  })
  if (stacks.length > 0) ext.stacks = stacks
  const renewal = c.object(d.renewal, '/renewal')
  if (renewal) {
    const credits = c.number(renewal.credits, '/renewal/credits', { min: 0 })
    if (credits !== undefined) ext.renewalCredits = credits
    const hours = c.number(renewal.hours, '/renewal/hours', { min: 0 })
    if (hours !== undefined) ext.renewalHours = hours
  }
  const hours = c.number(d.estimatedHours, '/estimatedHours', { min: 0 })
  if (hours !== undefined && hours > 0) ext.estimatedHours = hours
  else if (hours === 0) c.add('INPUT_INVALID', '/estimatedHours', 'estimatedHours must be more than 0')
  const review = d.lastReviewDate
  if (review instanceof Date && !Number.isNaN(review.getTime())) ext.lastReviewDate = review.toISOString().slice(0, 10)
  else if (review !== undefined) {
    const text = c.text(review, '/lastReviewDate')
    if (text !== undefined && /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(text)) ext.lastReviewDate = text
    else if (text !== undefined) c.add('INPUT_DATE_INVALID', '/lastReviewDate', 'lastReviewDate must be YYYY-MM-DD')
  }
  const interval = c.number(d.reviewIntervalMonths, '/reviewIntervalMonths', { integer: true, min: 1 })
  if (interval !== undefined) ext.reviewIntervalMonths = interval
  return ext
}

/**
 * Defines a micro-credential: returns a BadgeClass with the MC metadata mapped onto OB 2.0 (see
 * docs/metadata-mapping.md), validated. Rubric identifiers are stable across calls (name-based UUIDs).
 *
 * @throws OpenBadgesError `INVALID_INPUT` listing every problem (input codes such as `INPUT_REQUIRED`,
 *   `INPUT_URL_INVALID`, `CRITERIA_EMPTY`, `RUBRIC_CRITERION_UNKNOWN`, or validation codes).
 * @example
 * ```ts
 * const mc = defineMicroCredential(issuer, {
 *   name: 'Think-Alouds for Reading Comprehension', description: 'The educator models ...',
 *   image: 'https://mc.example.org/images/think-alouds.png',
 *   criteria: { keyMethod: '...', submissionGuidelines: '...', evaluationCriteria: '...' },
 *   assessment: { assessmentOutput: 'Lesson plan, video, reflection', evaluationMethod: 'Rubric, all criteria at Proficient',
 *     evidence: [{ text: 'A 10-minute classroom video' }], rubric: { title: 'Think-alouds rubric', criteria: [...] } },
 * })
 * ```
 */
export function defineMicroCredential(
  issuer: IssuerProfile | Profile,
  definition: MicroCredentialDefinition,
  options: DefineMicroCredentialOptions = {},
): MicroCredentialBadgeClass {
  const c = new InputChecker()
  const iss = c.object(issuer, '(issuer)', true)
  const issuerId = iss ? c.url(iss.id, '(issuer)/id', true) : undefined
  const d = c.object(definition, '', true) ?? {}
  const name = c.text(d.name, '/name', true)
  const description = c.text(d.description, '/description', true)
  const base = options.baseUrl !== undefined ? c.url(options.baseUrl, '(options)/baseUrl') : issuerId !== undefined ? baseUrlOf(issuerId) : undefined
  const slug = c.text(d.slug, '/slug')
  let version: string | number | undefined
  if (d.version !== undefined) {
    if (typeof d.version === 'number' || (typeof d.version === 'string' && d.version.trim() !== '')) version = d.version
    else c.add('INPUT_INVALID', '/version', 'version must be a string or a number')
  }
  let id = c.iri(d.id, '/id')
  if (id === undefined && d.id === undefined && base !== undefined) {
    id = `${withSlash(base)}badges/${slugify(slug ?? name ?? 'badge')}${version !== undefined ? `/v${encodeURIComponent(String(version))}` : ''}`
  }
  let image: MicroCredentialBadgeClass['image'] | undefined
  if (typeof d.image === 'string' || d.image === undefined) image = c.iri(d.image, '/image', true)
  else {
    const im = c.object(d.image, '/image')
    if (im) {
      const imageId = c.iri(im.id, '/image/id', true)
      const caption = c.text(im.caption, '/image/caption')
      const author = c.iri(im.author, '/image/author')
      if (imageId !== undefined) image = { id: imageId, ...(caption !== undefined ? { caption } : {}), ...(author !== undefined ? { author } : {}) } as Image
    }
  }
  const criteria = composeCriteria(c, d.criteria, typeof d.keyMethod === 'string' ? d.keyMethod : undefined)
  const alignment: AlignmentObject[] = c.list(d.alignment, '/alignment').flatMap((a, i) => {
    const o = c.object(a, `/alignment/${i}`)
    if (!o) return []
    const p = `/alignment/${i}`
    const item: AlignmentObject = { targetName: c.text(o.targetName, `${p}/targetName`, true) ?? '', targetUrl: c.url(o.targetUrl, `${p}/targetUrl`, true) ?? '' }
    for (const k of ['targetFramework', 'targetCode', 'targetDescription'] as const) {
      const v = c.text(o[k], `${p}/${k}`)
      if (v !== undefined) item[k] = v
    }
    return [item]
  })
  const tags = c.list(d.tags, '/tags').flatMap((t, i) => {
    const v = c.text(t, `/tags/${i}`, true)
    return v === undefined ? [] : [v]
  })
  const assessment = buildAssessment(c, d.assessment, id ?? '')
  const extension = buildExtension(c, d)
  c.throwIfAny('defineMicroCredential')

  const badge: MicroCredentialBadgeClass = {
    '@context': OB_V2_CONTEXT,
    type: 'BadgeClass',
    id: id as string,
    name: name as string,
    description: description as string,
    image: image as MicroCredentialBadgeClass['image'],
    criteria: criteria as Criteria,
    issuer: options.embedIssuer ? stripContext(issuer) : (issuerId as string),
  }
  if (alignment.length > 0) badge.alignment = alignment
  if (tags.length > 0) badge.tags = tags
  if (version !== undefined) badge.version = version
  badge[ASSESSMENT_EXTENSION] = assessment
  badge[MC_EXTENSION] = extension
  assertValid(badge, 'BadgeClass', 'defineMicroCredential')
  return badge
}

function stripContext(profile: Profile): Profile {
  const { '@context': _c, ...rest } = profile
  return rest as Profile
}
