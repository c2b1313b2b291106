/**
 * Content negotiation for badge documents, per Open Badges 2.0 "Setting Content-Type":
 * `application/ld+json` by default; `application/json` when the request accepts only that (or prefers
 * it); `text/html` when the request prefers it (browsers), since the spec allows returning a requested
 * type ranked above the JSON types.
 */

/** What a badge document can be served as. */
export type DocumentRepresentation = 'ld+json' | 'json' | 'html'

/** The media type sent for each representation. */
export const REPRESENTATION_TYPES: Readonly<Record<DocumentRepresentation, string>> = {
  'ld+json': 'application/ld+json',
  json: 'application/json',
  html: 'text/html; charset=utf-8',
}

interface AcceptRange {
  type: string
  subtype: string
  q: number
}

const MAX_ACCEPT_LENGTH = 4096
const MAX_RANGES = 64

/**
 * Parses an Accept header into media ranges with their q-values (malformed ranges are dropped; at most
 * 64 ranges from the first 4 KiB are read).
 *
 * @example
 * parseAccept('text/html, *\/*;q=0.8') // [{ type: 'text', subtype: 'html', q: 1 }, { type: '*', subtype: '*', q: 0.8 }]
 */
export function parseAccept(header: string): AcceptRange[] {
  const ranges: AcceptRange[] = []
  for (const part of header.slice(0, MAX_ACCEPT_LENGTH).split(',')) {
    if (ranges.length >= MAX_RANGES) break
    const [mediaRange = '', ...params] = part.split(';')
    const [type, subtype, extra] = mediaRange.trim().toLowerCase().split('/')
    if (!type || !subtype || extra !== undefined) continue
    let q = 1
    for (const param of params) {
      const [name, value] = param.split('=').map((s) => s.trim())
      if (name?.toLowerCase() === 'q' && value !== undefined) {
        const parsed = Number(value)
        q = Number.isFinite(parsed) ? Math.min(1, Math.max(0, parsed)) : 0
      }
    }
    ranges.push({ type, subtype, q })
  }
  return ranges
}

/** The q-value the request gives `type/subtype`: the most specific matching range decides. */
function qualityOf(ranges: AcceptRange[], type: string, subtype: string): number {
  let best = -1
  let specificity = -1
  for (const range of ranges) {
    let s: number
    if (range.type === type && range.subtype === subtype) s = 2
    else if (range.type === type && range.subtype === '*') s = 1
    else if (range.type === '*' && range.subtype === '*') s = 0
    else continue
    if (s > specificity) {
      specificity = s
      best = range.q
    }
  }
  return best < 0 ? 0 : best
}

/**
 * Picks the representation of a badge document for an `Accept` header. Highest q-value wins; on a tie
 * the order is JSON-LD, then JSON, then HTML (machines first). No header, an empty header or a header
 * that accepts none of them gives JSON-LD (the spec's default).
 *
 * @param allowHtml - false for documents that have no HTML page
 * @example
 * negotiate(null)                                   // 'ld+json'
 * negotiate('application/json')                     // 'json'
 * negotiate('text/html,application/xhtml+xml,*\/*;q=0.8') // 'html'
 */
export function negotiate(accept: string | null | undefined, allowHtml = true): DocumentRepresentation {
  if (!accept || accept.trim() === '') return 'ld+json'
  const ranges = parseAccept(accept)
  if (ranges.length === 0) return 'ld+json'
  const candidates: Array<[DocumentRepresentation, number]> = [
    ['ld+json', qualityOf(ranges, 'application', 'ld+json')],
    ['json', qualityOf(ranges, 'application', 'json')],
  ]
  if (allowHtml) {
    candidates.push(['html', Math.max(qualityOf(ranges, 'text', 'html'), qualityOf(ranges, 'application', 'xhtml+xml'))])
  }
  let choice: DocumentRepresentation = 'ld+json'
  let bestQ = 0
  for (const [representation, q] of candidates) {
    if (q > bestQ) {
      bestQ = q
      choice = representation
    }
  }
  return choice
}

/**
 * Explicit override from the query string: `?format=json`, `?format=jsonld` (or `ld+json`),
 * `?format=html`. Lets a person in a browser follow a "view JSON" link.
 *
 * @example
 * formatOverride('jsonld') // 'ld+json'
 */
export function formatOverride(format: string | null): DocumentRepresentation | null {
  switch (format?.toLowerCase()) {
    case 'json':
      return 'json'
    case 'jsonld':
    case 'ld+json':
    case 'json-ld':
      return 'ld+json'
    case 'html':
      return 'html'
    default:
      return null
  }
}
