/**
 * The pages: an awarded micro-credential (Assertion), a micro-credential definition (BadgeClass), an
 * issuer (Profile), a revoked badge, and a plain view of any other document. Every value is escaped
 * through the helpers in `html.ts`.
 */
import {
  asObject,
  definitions,
  escapeHtml,
  escapedText,
  isImageUrl,
  labelFor,
  link,
  many,
  objects,
  page,
  prose,
  renderValue,
  section,
  text,
  time,
} from './html.js'
import { microCredentialSection, resultsSection } from './pages-mc.js'

type Doc = Record<string, unknown>

/** What an assertion page shows besides the assertion itself. */
export interface AssertionPageInput {
  assertion: Doc
  /** The BadgeClass: embedded in the assertion or resolved from the store. */
  badgeClass?: Doc
  /** The issuer Profile: embedded in the BadgeClass or resolved from the store. */
  issuer?: Doc
  /** URL of the JSON-LD representation. */
  jsonUrl: string
  /** Baked image URLs for this assertion (downloads for the earner). */
  bakedImages?: string[]
  now: Date
}

function typesOf(doc: Doc | undefined): string[] {
  return many(doc?.type).filter((t): t is string => typeof t === 'string')
}

function imageOf(value: unknown): { src: string; caption?: string } | undefined {
  if (isImageUrl(value)) return { src: value }
  const obj = asObject(value)
  if (obj && isImageUrl(obj.id)) {
    const caption = text(obj.caption)
    return caption === undefined ? { src: obj.id } : { src: obj.id, caption }
  }
  return undefined
}

/** Properties that are extensions: a compact-IRI key, or an object typed `Extension`. */
function extensionsOf(doc: Doc | undefined): Array<[string, Doc]> {
  if (!doc) return []
  const out: Array<[string, Doc]> = []
  for (const [key, value] of Object.entries(doc)) {
    const obj = asObject(value)
    if (!obj || key.startsWith('@')) continue
    if (key.includes(':') || typesOf(obj).includes('Extension')) out.push([key, obj])
  }
  return out
}

function isExpired(assertion: Doc, now: Date): boolean {
  const expires = text(assertion.expires)
  return expires !== undefined && Date.parse(expires) <= now.getTime()
}

function statusBadge(assertion: Doc, now: Date): string {
  if (assertion.revoked === true) return '<p class="status revoked" role="status">Revoked</p>'
  if (isExpired(assertion, now)) return '<p class="status expired" role="status">Expired</p>'
  return '<p class="status active" role="status">Active: not revoked, not expired</p>'
}

function statusText(assertion: Doc, now: Date): string {
  if (assertion.revoked === true) {
    const reason = text(assertion.revocationReason)
    return reason === undefined ? 'Revoked' : `Revoked: ${escapeHtml(reason)}`
  }
  return isExpired(assertion, now) ? 'Expired' : 'Not revoked, not expired'
}

function header(kind: string, name: string, image: ReturnType<typeof imageOf>, status: string): string {
  const img = image
    ? `<img src="${escapeHtml(image.src)}" alt="${escapeHtml(image.caption ?? `Badge image for ${name}`)}">`
    : ''
  return (
    `<header class="badge">${img}<div><p class="kind">${escapeHtml(kind)}</p>` +
    `<h1 id="title">${escapeHtml(name)}</h1>${status}</div></header>`
  )
}

function alignmentSection(badgeClass: Doc | undefined): string {
  const items = objects(badgeClass?.alignment)
    .map((a) => {
      const code = text(a.targetCode)
      const framework = text(a.targetFramework)
      const meta = [framework, code].filter((v) => v !== undefined).map(escapeHtml).join(' · ')
      const description = text(a.targetDescription)
      return (
        `<li>${link(a.targetUrl, text(a.targetName) ?? text(a.targetUrl) ?? '')}` +
        (meta ? ` <span>(${meta})</span>` : '') +
        (description !== undefined ? `<br>${escapeHtml(description)}` : '') +
        `</li>`
      )
    })
  return section('alignment', 'Standards alignment', items.length ? `<ul>${items.join('')}</ul>` : '')
}

function criteriaSection(badgeClass: Doc | undefined): string {
  const criteria = badgeClass?.criteria
  if (typeof criteria === 'string') return section('criteria', 'Criteria', `<p>${link(criteria)}</p>`)
  const obj = asObject(criteria)
  if (!obj) return ''
  const body = prose(obj.narrative) + (obj.id !== undefined ? `<p>Full criteria: ${link(obj.id)}</p>` : '')
  return section('criteria', 'Criteria', body)
}

function rubricTable(rubric: Doc): string {
  const criteria = objects(rubric.rubricCriteria)
    .sort((a, b) => (Number(a.position) || 0) - (Number(b.position) || 0))
  if (criteria.length === 0) return ''
  const rows = criteria.map((c) => {
    const name = [text(c.category), text(c.description)].filter((v) => v !== undefined).map(escapeHtml).join(': ')
    const weight = text(c.weight)
    const levels = objects(c.criterionLevels)
      .map((l) => {
        const head = [text(l.quality), text(l.score) !== undefined ? `score ${text(l.score)}` : undefined]
          .filter((v) => v !== undefined)
          .map(escapeHtml)
          .join(', ')
        const desc = text(l.description)
        return `<li>${head ? `<strong>${head}</strong>` : ''}${desc !== undefined ? `${head ? ': ' : ''}${escapeHtml(desc)}` : ''}</li>`
      })
    return (
      `<tr><th scope="row">${name || escapeHtml(text(c.identifier) ?? '')}` +
      `${weight !== undefined ? ` <span>(weight ${escapeHtml(weight)})</span>` : ''}</th>` +
      `<td>${levels.length ? `<ul>${levels.join('')}</ul>` : ''}</td></tr>`
    )
  })
  return (
    `<table><caption>${escapeHtml(text(rubric.title) ?? 'Rubric')}</caption>` +
    `<thead><tr><th scope="col">Criterion</th><th scope="col">Levels</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  )
}

function assessmentSection(badgeClass: Doc | undefined): { html: string; key?: string } {
  for (const [key, ext] of extensionsOf(badgeClass)) {
    if (ext.assessments === undefined) continue
    const parts: string[] = [prose(ext.description)]
    for (const a of objects(ext.assessments)) {
      parts.push(
        definitions([
          ['Assessment type', escapedText(a.type)],
          ['Description', escapedText(a.description)],
          ['Evidence produced', escapedText(a.assessmentOutput)],
          ['Evaluation method', escapedText(a.evaluationMethod)],
          ['Example', a.assessmentExample !== undefined ? link(a.assessmentExample) : undefined],
        ]),
      )
      for (const rubric of objects(a.rubrics)) parts.push(rubricTable(rubric))
    }
    return { html: section('rubric', 'Assessment and rubric', parts.join('')), key }
  }
  return { html: '' }
}

function evidenceSection(assertion: Doc): string {
  const items = many(assertion.evidence).map((e) => {
    if (typeof e === 'string') return `<li>${link(e)}</li>`
    const obj = asObject(e)
    if (!obj) return ''
    const title = text(obj.name) ?? text(obj.id) ?? 'Evidence'
    return (
      `<li><strong>${link(obj.id, title)}</strong>` +
      definitions([
        ['Description', escapedText(obj.description)],
        ['Genre', escapedText(obj.genre)],
        ['Audience', escapedText(obj.audience)],
      ]) +
      prose(obj.narrative) +
      `</li>`
    )
  })
  const body = (items.length ? `<ul>${items.join('')}</ul>` : '') + prose(assertion.narrative)
  return section('evidence', 'Evidence', body)
}

function issuerDefinitions(issuer: Doc | undefined, fallbackId: unknown): string {
  if (!issuer) return fallbackId === undefined ? '' : definitions([['Issuer', link(fallbackId)]])
  return definitions([
    ['Name', escapedText(issuer.name)],
    ['Website', issuer.url !== undefined ? link(issuer.url) : undefined],
    ['Email', escapedText(issuer.email)],
    ['Description', escapedText(issuer.description)],
    ['Profile', issuer.id !== undefined ? link(issuer.id) : undefined],
  ])
}

function recipientText(recipient: unknown): string | undefined {
  const r = asObject(recipient)
  if (!r) return undefined
  const type = text(r.type) ?? 'identity'
  if (r.hashed === true) {
    const alg = text(r.identity)?.split('$')[0] ?? 'hash'
    return `${escapeHtml(type)} (hashed with ${escapeHtml(alg)}: ask the earner to confirm it is theirs)`
  }
  return `${escapeHtml(type)}: ${escapeHtml(text(r.identity) ?? '')}`
}

function verificationText(verification: unknown): string | undefined {
  const types = many(asObject(verification)?.type).map(String)
  if (types.some((t) => /signed/i.test(t))) return 'Signed (JWS): verify the signed file or baked image'
  if (types.some((t) => /hosted/i.test(t))) return 'Hosted: this URL is the source of truth'
  return undefined
}

function otherExtensions(doc: Doc | undefined, skip: Array<string | undefined>, id: string, heading: string): string {
  const parts = extensionsOf(doc)
    .filter(([key]) => !skip.includes(key))
    .map(([key, ext]) => `<h3>${escapeHtml(labelFor(key))}</h3>${renderValue(ext)}`)
  return section(id, heading, parts.join(''))
}

function footer(jsonUrl: string, extra = ''): string {
  return `<footer><p><a href="${escapeHtml(jsonUrl)}">View the Open Badges JSON-LD</a>${extra}</p></footer>`
}

/** The page for an awarded micro-credential. */
export function assertionPage(input: AssertionPageInput): string {
  const { assertion, badgeClass, issuer, now } = input
  const name = text(badgeClass?.name) ?? 'Micro-credential'
  const image = imageOf(assertion.image) ?? imageOf(badgeClass?.image)
  const assessment = assessmentSection(badgeClass)
  const results = resultsSection(assertion)
  const mc = microCredentialSection(badgeClass)
  const award = definitions([
    ['Awarded to', recipientText(assertion.recipient)],
    ['Issued on', time(assertion.issuedOn) || undefined],
    ['Expires', time(assertion.expires) || undefined],
    ['Status', statusText(assertion, now)],
    ['Issuer', issuer ? link(issuer.url ?? issuer.id, text(issuer.name) ?? text(issuer.id) ?? '') : undefined],
    ['Verification', verificationText(assertion.verification)],
    ['Badge URL', link(assertion.id)],
  ])
  const downloads = (input.bakedImages ?? []).map((u) => ` · <a href="${escapeHtml(u)}" download>Download the badge image (baked)</a>`).join('')
  const body =
    `<article aria-labelledby="title">` +
    header('Micro-credential awarded', name, image, statusBadge(assertion, now)) +
    section('competency', 'Competency', prose(badgeClass?.description)) +
    section('award', 'Award', award) +
    alignmentSection(badgeClass) +
    criteriaSection(badgeClass) +
    assessment.html +
    evidenceSection(assertion) +
    results.html +
    otherExtensions(assertion, [results.key], 'award-extensions', 'More about this award') +
    mc.html +
    otherExtensions(badgeClass, [assessment.key, mc.key], 'extensions', 'More about this micro-credential') +
    section('issuer', 'Issuer', issuerDefinitions(issuer, badgeClass?.issuer)) +
    `</article>` +
    footer(input.jsonUrl, downloads)
  return page({ title: `${name}: awarded micro-credential`, body, jsonUrl: input.jsonUrl })
}

/** The page for a micro-credential definition (BadgeClass). */
export function badgeClassPage(badgeClass: Doc, issuer: Doc | undefined, jsonUrl: string): string {
  const name = text(badgeClass.name) ?? 'Micro-credential'
  const assessment = assessmentSection(badgeClass)
  const mc = microCredentialSection(badgeClass)
  const tags = many(badgeClass.tags).map(text).filter((t) => t !== undefined)
  const body =
    `<article aria-labelledby="title">` +
    header('Micro-credential', name, imageOf(badgeClass.image), '') +
    section('competency', 'Competency', prose(badgeClass.description)) +
    alignmentSection(badgeClass) +
    criteriaSection(badgeClass) +
    assessment.html +
    mc.html +
    otherExtensions(badgeClass, [assessment.key, mc.key], 'extensions', 'More about this micro-credential') +
    section('tags', 'Tags', tags.length ? `<ul>${tags.map((t) => `<li>${escapeHtml(t)}</li>`).join('')}</ul>` : '') +
    section('issuer', 'Issuer', issuerDefinitions(issuer, badgeClass.issuer)) +
    `</article>` +
    footer(jsonUrl)
  return page({ title: `${name}: micro-credential`, body, jsonUrl })
}

/** The page for an issuer Profile. */
export function issuerPage(issuer: Doc, jsonUrl: string): string {
  const name = text(issuer.name) ?? 'Issuer'
  const keys = many(issuer.publicKey).map((k) => `<li>${typeof k === 'string' ? link(k) : link(asObject(k)?.id, 'key')}</li>`)
  const body =
    `<article aria-labelledby="title">` +
    header('Badge issuer', name, imageOf(issuer.image), '') +
    section('details', 'Details', issuerDefinitions(issuer, undefined)) +
    section('keys', 'Signing keys', keys.length ? `<ul>${keys.join('')}</ul>` : '') +
    section('revocations', 'Revocation list', issuer.revocationList !== undefined ? `<p>${link(issuer.revocationList)}</p>` : '') +
    otherExtensions(issuer, [], 'extensions', 'More about this issuer') +
    `</article>` +
    footer(jsonUrl)
  return page({ title: `${name}: badge issuer`, body, jsonUrl })
}

/** The page for a revoked badge (sent with 410 Gone). */
export function revokedPage(stub: Doc, badgeClass: Doc | undefined, jsonUrl: string): string {
  const name = text(badgeClass?.name) ?? 'Micro-credential'
  const reason = text(stub.revocationReason)
  const body =
    `<article aria-labelledby="title">` +
    header('Micro-credential', name, undefined, '<p class="status revoked" role="status">Revoked</p>') +
    section(
      'revocation',
      'This badge has been revoked by its issuer',
      definitions([
        ['Reason', reason !== undefined ? escapeHtml(reason) : 'No reason given'],
        ['Badge URL', link(stub.id)],
        ['Micro-credential', badgeClass ? link(badgeClass.id, name) : undefined],
      ]),
    ) +
    `</article>` +
    footer(jsonUrl)
  return page({ title: `${name}: revoked`, body, jsonUrl })
}

/** A readable view of any other JSON document (keys, revocation lists, contexts). */
export function documentPage(doc: unknown, jsonUrl: string): string {
  const obj = asObject(doc)
  const kind = typesOf(obj)[0] ?? 'Document'
  const title = text(obj?.name) ?? text(obj?.id) ?? kind
  const body =
    `<article aria-labelledby="title"><header class="badge"><div><p class="kind">${escapeHtml(kind)}</p>` +
    `<h1 id="title">${escapeHtml(title)}</h1></div></header>` +
    `<pre>${escapeHtml(JSON.stringify(doc, null, 2))}</pre></article>` +
    footer(jsonUrl)
  return page({ title: `${title}: ${kind}`, body, jsonUrl })
}

/** Which page a document gets: by its `type`. */
export function pageKindOf(doc: Doc): 'assertion' | 'badgeClass' | 'issuer' | 'document' {
  const types = typesOf(doc)
  if (types.includes('Assertion')) return 'assertion'
  if (types.includes('BadgeClass')) return 'badgeClass'
  if (types.includes('Issuer') || types.includes('Profile')) return 'issuer'
  return 'document'
}
