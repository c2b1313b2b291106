/**
 * SVG baking: an `<openbadges:assertion>` element right after the root `<svg>` start tag, and the
 * `xmlns:openbadges` declaration on the root; the rest of the document is left byte for byte.
 */
import { BakeError, SvgError } from './errors.js'
import { OB_NS, scanSvg, type AssertionElement, type SvgScan } from './svg-scan.js'
import { assertBytes, badgeText, concatBytes, utf8Encoder, type BadgeInput } from './text.js'
import { DEFAULT_MAX_SVG_BYTES, type ExtractOptions, type ExtractResult } from './types.js'
import { cdataContent, decodeAttribute, decodeReferences, escapeAttribute, isXmlText, normalizeEol, type TextPiece } from './xml-text.js'

/** Options for {@link bakeSvg}. */
export type BakeSvgOptions = Pick<ExtractOptions, 'maxSvgBytes'>

/** For a hosted assertion (JSON object text) returns the URL to put in `verify`; otherwise null. */
function hostedVerifyUrl(text: string): string | null {
  const trimmed = text.trimStart()
  if (!trimmed.startsWith('{')) return null
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch {
    return null
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return null
  const d = doc as { id?: unknown; verify?: { url?: unknown } }
  if (typeof d.id === 'string' && d.id !== '') return d.id
  if (typeof d.verify === 'object' && d.verify !== null && typeof d.verify.url === 'string' && d.verify.url !== '') return d.verify.url
  throw new BakeError('BAKE_INVALID_BADGE', 'a hosted assertion baked into an SVG needs an id (the verify attribute holds it)')
}

/**
 * Bakes `badge` into an SVG: declares `xmlns:openbadges="http://openbadges.org"` on the root `<svg>`
 * and inserts `<openbadges:assertion verify="...">` right after the root start tag. A signed badge (JWS)
 * goes in `verify` with no body; a hosted assertion (JSON object text or object) puts its `id` in
 * `verify` and its JSON text in CDATA. Existing assertion elements are removed; every other byte of
 * the document stays as it was (no re-serialisation).
 *
 * @param svg the SVG bytes (UTF-8, or another ASCII-compatible encoding when the badge text is ASCII).
 * @param badge a JWS compact string, assertion JSON text, or an assertion object (JSON-serialised).
 * @throws SvgError SVG_TOO_LARGE, SVG_BAD_ENCODING, SVG_DOCTYPE_REFUSED, SVG_ENTITY_REFUSED, SVG_MALFORMED, SVG_NOT_SVG
 * @throws BakeError BAKE_INVALID_BADGE (empty text, characters XML cannot carry, hosted JSON without an id)
 * @example
 * ```ts
 * const baked = bakeSvg(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'), jws)
 * // <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="eyJ..."/></svg>
 * ```
 */
export function bakeSvg(svg: Uint8Array, badge: BadgeInput, options: BakeSvgOptions = {}): Uint8Array {
  assertBytes(svg, 'svg')
  const text = badgeText(badge)
  if (!isXmlText(text)) throw new BakeError('BAKE_INVALID_BADGE', 'the badge text holds characters XML cannot carry')
  const scan = scanSvg(svg, options.maxSvgBytes ?? DEFAULT_MAX_SVG_BYTES)
  const { root } = scan
  const verifyUrl = hostedVerifyUrl(text)
  const localDecl = root.openbadgesNs !== null && root.openbadgesNs !== OB_NS ? ` xmlns:openbadges="${OB_NS}"` : ''
  const element =
    verifyUrl === null
      ? `<openbadges:assertion${localDecl} verify="${escapeAttribute(text)}"/>`
      : `<openbadges:assertion${localDecl} verify="${escapeAttribute(verifyUrl)}">${cdataContent(text)}</openbadges:assertion>`
  if (scan.encoding !== null && !/^(utf-?8|us-ascii|ascii)$/.test(scan.encoding) && /[\u0080-\uffff]/.test(element)) {
    throw new SvgError('SVG_BAD_ENCODING', `cannot bake non-ASCII text into an SVG declared as ${scan.encoding}; save it as UTF-8`)
  }
  const rootAttr = root.openbadgesNs === null ? ` xmlns:openbadges="${OB_NS}"` : ''
  const parts: Uint8Array[] = [svg.subarray(0, root.closeAt)]
  if (root.selfClosing) {
    parts.push(utf8Encoder.encode(`${rootAttr}>${element}</${root.qname}>`), svg.subarray(root.end))
    return concatBytes(parts)
  }
  parts.push(utf8Encoder.encode(rootAttr), svg.subarray(root.closeAt, root.end), utf8Encoder.encode(element))
  let from = root.end
  for (const a of scan.assertions) {
    parts.push(svg.subarray(from, a.start))
    from = a.end
  }
  parts.push(svg.subarray(from))
  return concatBytes(parts)
}

const isXmlSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n'
/** Trims XML white space (after end-of-line normalisation: space, tab, LF) without regexes (linear). */
function trimStart(s: string): string {
  let i = 0
  while (isXmlSpace(s[i])) i++
  return s.slice(i)
}
function trimEnd(s: string): string {
  let i = s.length
  while (i > 0 && isXmlSpace(s[i - 1])) i--
  return s.slice(0, i)
}

/** The text content of an assertion element: CDATA and character data, references decoded. */
function bodyText(svg: Uint8Array, scan: SvgScan, body: { start: number; end: number }): string {
  const pieces: TextPiece[] = []
  let p = body.start
  while (p < body.end) {
    let lt = svg.indexOf(0x3c, p)
    if (lt < 0 || lt > body.end) lt = body.end
    if (lt > p) for (const piece of decodeReferences(normalizeEol(scan.decode(p, lt)), p)) pieces.push(piece)
    if (lt === body.end) break
    const rest = (s: string) => {
      for (let i = 0; i < s.length; i++) if (svg[lt + i] !== s.charCodeAt(i)) return false
      return true
    }
    const close = (lit: string, from: number) => {
      for (let i = from; i + lit.length <= body.end; i++) {
        i = svg.indexOf(lit.charCodeAt(0), i)
        if (i < 0 || i + lit.length > body.end) break
        let ok = true
        for (let j = 1; j < lit.length; j++) if (svg[i + j] !== lit.charCodeAt(j)) ok = false
        if (ok) return i
      }
      throw new SvgError('SVG_MALFORMED', 'unterminated construct in the assertion element', { details: { offset: lt } })
    }
    if (rest('<![CDATA[')) {
      const e = close(']]>', lt + 9)
      pieces.push({ text: normalizeEol(scan.decode(lt + 9, e)), literal: false })
      p = e + 3
    } else if (rest('<!--')) {
      p = close('-->', lt + 4) + 3
    } else if (rest('<?')) {
      p = close('?>', lt + 2) + 2
    } else {
      throw new SvgError('SVG_MALFORMED', 'the openbadges assertion element holds a child element', { details: { offset: lt } })
    }
  }
  // Drop white space around the content that comes from the document layout, not from CDATA or references.
  let first = 0
  let last = pieces.length - 1
  while (first <= last && (pieces[first] as TextPiece).literal) {
    const piece = pieces[first] as TextPiece
    piece.text = trimStart(piece.text)
    if (piece.text !== '') break
    first++
  }
  while (last >= first && (pieces[last] as TextPiece).literal) {
    const piece = pieces[last] as TextPiece
    piece.text = trimEnd(piece.text)
    if (piece.text !== '') break
    last--
  }
  let text = ''
  for (let i = first; i <= last; i++) text += (pieces[i] as TextPiece).text
  return text
}

function readAssertion(svg: Uint8Array, scan: SvgScan, a: AssertionElement): ExtractResult {
  const body = a.body ? bodyText(svg, scan, a.body) : ''
  if (body !== '') return { baked: true, format: 'svg', form: 'svg-body', text: body }
  const verify = a.verify ? decodeAttribute(scan.decode(a.verify.start, a.verify.end), a.verify.start) : ''
  if (verify === '') {
    throw new SvgError('SVG_ASSERTION_EMPTY', 'the openbadges assertion element has neither a body nor a verify attribute', {
      details: { offset: a.start },
    })
  }
  return { baked: true, format: 'svg', form: 'svg-verify', text: verify }
}

/**
 * Extracts the badge baked into an SVG: the body of its `<assertion>` element in the
 * `http://openbadges.org` namespace (form `svg-body`: hosted assertion JSON), or, when the element has
 * no body, its `verify` attribute (form `svg-verify`: a JWS). Elements are matched by namespace, not
 * prefix; nested `<svg>` elements are ignored. DTDs with entity declarations or external identifiers
 * are refused, entities other than the five predefined ones are never expanded, and the document size
 * is capped. Runs in time linear in the document size.
 *
 * @returns `{ baked: true, format: 'svg', form, text }`, or `{ baked: false, format: 'svg' }` when the SVG holds no badge.
 * @throws SvgError SVG_TOO_LARGE, SVG_BAD_ENCODING, SVG_DOCTYPE_REFUSED, SVG_ENTITY_REFUSED, SVG_MALFORMED,
 *   SVG_NOT_SVG, SVG_DUPLICATE_BADGE, SVG_ASSERTION_EMPTY
 * @example
 * ```ts
 * const found = extractFromSvg(await readFile('badge.svg'))
 * if (found.baked) console.log(found.form, found.text)
 * ```
 */
export function extractFromSvg(svg: Uint8Array, options: ExtractOptions = {}): ExtractResult {
  assertBytes(svg, 'svg')
  const scan = scanSvg(svg, options.maxSvgBytes ?? DEFAULT_MAX_SVG_BYTES)
  const [first, second] = scan.assertions
  if (!first) return { baked: false, format: 'svg' }
  if (second) {
    throw new SvgError('SVG_DUPLICATE_BADGE', 'the SVG holds more than one openbadges assertion element', {
      details: { offset: second.start, first: first.start },
    })
  }
  return readAssertion(svg, scan, first)
}
