/**
 * Sections for this project's micro-credential extensions: the MicroCredentialExtension on a
 * BadgeClass (key method, research basis, resources, developer, stacks, renewal) and the
 * MicroCredentialResultExtension on an Assertion (rubric results, assessors). Found by their content,
 * so documents that spell the property name differently still render; everything escaped.
 */
import { asObject, definitions, escapeHtml, escapedText, isHttpUrl, link, objects, prose, section, text, time } from './html.js'

type Doc = Record<string, unknown>

/** A section's HTML and the property it rendered (so the generic "other extensions" skip it). */
export interface RenderedExtension {
  html: string
  key?: string
}

function findExtension(doc: Doc | undefined, marker: (ext: Doc) => boolean): [string, Doc] | undefined {
  if (!doc) return undefined
  for (const [key, value] of Object.entries(doc)) {
    const obj = asObject(value)
    if (obj && !key.startsWith('@') && marker(obj)) return [key, obj]
  }
  return undefined
}

/** The rubric results, assessors, assessment date and attempt of an awarded MC. */
export function resultsSection(assertion: Doc): RenderedExtension {
  const found = findExtension(assertion, (e) => Array.isArray(e.rubricResults) || Array.isArray(e.assessors))
  if (!found) return { html: '' }
  const [key, ext] = found
  const rows = objects(ext.rubricResults)
    .map((r) => {
      const max = text(r.maxScore)
      const score = text(r.score)
      return (
        `<tr><th scope="row">${escapedText(r.name) ?? escapedText(r.criterion) ?? ''}</th><td>${escapedText(r.level) ?? ''}</td>` +
        `<td>${score !== undefined ? escapeHtml(max !== undefined ? `${score} of ${max}` : score) : ''}</td>` +
        `<td>${escapedText(r.feedback) ?? ''}</td></tr>`
      )
    })
  const table = rows.length
    ? `<table><caption>Rubric results</caption><thead><tr><th scope="col">Criterion</th><th scope="col">Level</th>` +
      `<th scope="col">Score</th><th scope="col">Feedback</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
    : ''
  const assessors = objects(ext.assessors)
    .map((a) => link(a.url ?? a.id, text(a.name) ?? text(a.id) ?? 'Assessor'))
  const facts = definitions([
    ['Assessed by', assessors.length ? assessors.join(', ') : undefined],
    ['Assessed on', time(ext.assessedOn) || undefined],
    ['Attempt', escapedText(ext.attempt)],
  ])
  return { html: section('results', 'Assessment results', table + facts), key }
}

const MC_MARKERS = ['keyMethod', 'researchBasis', 'supportResources', 'developer', 'stacks', 'renewalCredits', 'renewalHours', 'lastReviewDate']

/** Key method, research basis, resources, developer, stacks and renewal of an MC definition. */
export function microCredentialSection(badgeClass: Doc | undefined): RenderedExtension {
  const found = findExtension(badgeClass, (e) => MC_MARKERS.some((m) => e[m] !== undefined))
  if (!found) return { html: '' }
  const [key, ext] = found
  const research = objects(ext.researchBasis)
    .map((r) => {
      const doi = text(r.doi)
      const doiLink = doi !== undefined ? ` ${link(`https://doi.org/${encodeURI(doi)}`, `doi:${doi}`)}` : ''
      const url = isHttpUrl(r.url) ? ` ${link(r.url)}` : ''
      return `<li>${escapedText(r.citation) ?? ''}${doiLink}${url}</li>`
    })
  const resources = objects(ext.supportResources)
    .map((r) => {
      const kind = escapedText(r.resourceType)
      const description = escapedText(r.description)
      return `<li>${link(r.url, text(r.name) ?? text(r.url) ?? '')}${kind ? ` <span>(${kind})</span>` : ''}${description ? `<br>${description}` : ''}</li>`
    })
  const stacks = objects(ext.stacks)
    .map((s) => {
      const size = text(s.stackSize)
      const place = text(s.position) !== undefined ? `MC ${text(s.position)}${size !== undefined ? ` of ${size}` : ''}` : ''
      return `<li>${link(s.id, text(s.name) ?? text(s.id) ?? '')}${place ? `: ${escapeHtml(place)}` : ''}</li>`
    })
  const developer = asObject(ext.developer)
  const body =
    (text(ext.keyMethod) !== undefined ? `<h3>Key method</h3>${prose(ext.keyMethod)}` : '') +
    (research.length ? `<h3>Research basis</h3><ol>${research.join('')}</ol>` : '') +
    (resources.length ? `<h3>Support resources</h3><ul>${resources.join('')}</ul>` : '') +
    (stacks.length ? `<h3>Stacks</h3><ul>${stacks.join('')}</ul>` : '') +
    definitions([
      ['Developer', developer ? link(developer.url ?? developer.id, text(developer.name) ?? 'Developer') : undefined],
      ['Estimated time', text(ext.estimatedHours) !== undefined ? `${escapedText(ext.estimatedHours)} hours` : undefined],
      ['Renewal credits', escapedText(ext.renewalCredits)],
      ['Renewal hours', escapedText(ext.renewalHours)],
      ['Last reviewed', escapedText(ext.lastReviewDate)],
      ['Review cycle', text(ext.reviewIntervalMonths) !== undefined ? `every ${escapedText(ext.reviewIntervalMonths)} months` : undefined],
    ])
  return { html: section('about', 'About this micro-credential', body), key }
}
