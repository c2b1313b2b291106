/**
 * A small, careful, linear-time scanner for SVG documents. It is not an XML parser: it finds the
 * root `<svg>` start tag and every `<assertion>` element in the Open Badges namespace (resolved
 * through namespace declarations on any ancestor, whatever the prefix), skipping comments, CDATA
 * sections, processing instructions, attribute values in either quote, and nested `<svg>` elements.
 * It never expands entities and refuses DTDs that could declare any.
 *
 * Speed: the bytes are turned once into a string holding one char per byte (ASCII bytes unchanged),
 * so string offsets are byte offsets, and the scanner jumps from `<` to `<` and over attribute values,
 * comments, CDATA and PIs with the native `String.prototype.indexOf`. Ordinary start tags are checked
 * without allocating; only the root, elements whose local name is `svg` or `assertion` and tags that
 * declare namespaces go through the full tag parser. Every delimiter is ASCII, so this works for any
 * ASCII-compatible encoding; byte ranges are decoded with the document's encoding only when read.
 */
import { SvgError } from './errors.js'
import { decodeAttribute } from './xml-text.js'
import { byteString, utf8Decoder } from './text.js'

export const OB_NS = 'http://openbadges.org'
export const SVG_NS = 'http://www.w3.org/2000/svg'
const XML_NS = 'http://www.w3.org/XML/1998/namespace'

const TAB = 0x09
const LF = 0x0a
const CR = 0x0d
const SP = 0x20
const BANG = 0x21
const DQ = 0x22
const SQ = 0x27
const SLASH = 0x2f
const COLON = 0x3a
const LT = 0x3c
const EQ = 0x3d
const GT = 0x3e
const QM = 0x3f
const LBRACKET = 0x5b
const X = 0x78

/** A raw attribute: its name and the byte range of its value (between the quotes). */
export interface RawAttribute {
  /** The name when it is `xmlns`, `xmlns:*` or `verify`; '' for every other attribute (not needed). */
  name: string
  start: number
  end: number
}

/** An `<openbadges:assertion>` element found in the document (outside nested `<svg>` elements). */
export interface AssertionElement {
  /** Offset of its `<`. */
  start: number
  /** Offset just past its end (`/>` or end tag). */
  end: number
  /** The `verify` attribute (no namespace), if any. */
  verify?: RawAttribute
  /** Byte range of its content, when it is not self-closing. */
  body?: { start: number; end: number }
}

/** What the scanner learnt about the document. */
export interface SvgScan {
  /** Decodes a byte range with the document's encoding (strict). */
  decode(start: number, end: number): string
  /** The declared encoding, lower-cased, or null (UTF-8). */
  encoding: string | null
  root: {
    qname: string
    /** Offset of the `/` of `/>` or of the `>` that ends the root start tag. */
    closeAt: number
    /** Offset just past the root start tag. */
    end: number
    selfClosing: boolean
    /** The decoded value of `xmlns:openbadges` on the root element, if declared there. */
    openbadgesNs: string | null
  }
  assertions: AssertionElement[]
}

const isSpace = (c: number | undefined): boolean => c === SP || c === LF || c === TAB || c === CR

function malformed(why: string, offset: number): SvgError {
  return new SvgError('SVG_MALFORMED', `SVG not well-formed: ${why}`, { details: { offset } })
}

function decoderFor(encoding: string | null): TextDecoder {
  if (encoding === null || encoding === 'utf-8' || encoding === 'utf8' || encoding === 'us-ascii' || encoding === 'ascii') return utf8Decoder
  if (encoding.startsWith('utf-16') || encoding.startsWith('ucs') || encoding.startsWith('utf-32')) {
    throw new SvgError('SVG_BAD_ENCODING', `encoding ${encoding} is not ASCII-compatible; save the SVG as UTF-8`)
  }
  try {
    return new TextDecoder(encoding, { fatal: true })
  } catch (cause) {
    throw new SvgError('SVG_BAD_ENCODING', `unsupported encoding ${encoding}`, { cause })
  }
}

interface Tag {
  qname: string
  attrs: RawAttribute[]
  closeAt: number
  end: number
  selfClosing: boolean
}

/** Names the full parser keeps (`xmlns`, `xmlns:*`, `verify`); other attribute names are left as ''. */
function attributeName(s: string, start: number, end: number): string {
  const c = s.charCodeAt(start)
  if ((c === X && s.startsWith('xmlns', start)) || (c === 0x76 && end - start === 6 && s.startsWith('verify', start))) return s.slice(start, end)
  return ''
}

/** Parses the start tag whose `<` is at `lt`, collecting its attributes; throws on any malformation. */
function parseStartTag(s: string, lt: number): Tag {
  const n = s.length
  let p = lt + 1
  while (p < n && !isSpace(s.charCodeAt(p)) && s.charCodeAt(p) !== SLASH && s.charCodeAt(p) !== GT) p++
  if (p === lt + 1) throw malformed('empty element name', lt)
  const qname = s.slice(lt + 1, p)
  const attrs: RawAttribute[] = []
  while (true) {
    const before = p
    while (isSpace(s.charCodeAt(p))) p++
    if (p >= n) throw malformed('unterminated start tag', lt)
    const c = s.charCodeAt(p)
    if (c === GT) return { qname, attrs, closeAt: p, end: p + 1, selfClosing: false }
    if (c === SLASH) {
      if (s.charCodeAt(p + 1) !== GT) throw malformed("'/' not followed by '>' in a start tag", p)
      return { qname, attrs, closeAt: p, end: p + 2, selfClosing: true }
    }
    if (p === before) throw malformed('attributes must be separated by white space', p)
    const nameStart = p
    while (p < n && !isSpace(s.charCodeAt(p)) && s.charCodeAt(p) !== EQ && s.charCodeAt(p) !== GT && s.charCodeAt(p) !== SLASH) p++
    if (p === nameStart) throw malformed('bad attribute name', p)
    const name = attributeName(s, nameStart, p)
    while (isSpace(s.charCodeAt(p))) p++
    if (s.charCodeAt(p) !== EQ) throw malformed('attribute without a value', p)
    p++
    while (isSpace(s.charCodeAt(p))) p++
    const q = s.charCodeAt(p)
    if (q !== DQ && q !== SQ) throw malformed('attribute value is not quoted', p)
    const close = s.indexOf(q === DQ ? '"' : "'", p + 1)
    if (close < 0) throw malformed('unterminated attribute value', p)
    attrs.push({ name, start: p + 1, end: close })
    p = close + 1
  }
}

// Results of fastTag (module-level scratch, so that ordinary tags allocate nothing).
let fastNameEnd = 0
let fastColon = -1
let fastSelfClosing = false

/**
 * Checks the start tag at `lt` as {@link parseStartTag} does, without allocating, and returns the
 * offset just past it; sets fastNameEnd, fastColon (first `:` of the name, or -1) and fastSelfClosing.
 * Returns -1 when the full parser must look at the tag: it is malformed (the parser says how) or one of
 * its attribute names starts with `xmlns`. Chars are classified from the bytes `b` (reading a typed
 * array is cheaper than `charCodeAt`; offsets are the same) and attribute values skipped with indexOf on `s`.
 */
function fastTag(b: Uint8Array, s: string, lt: number): number {
  let p = lt + 1
  let c = b[p]
  let colon = -1
  while (c !== undefined && c !== SP && c !== LF && c !== TAB && c !== CR && c !== SLASH && c !== GT) {
    if (c === COLON && colon < 0) colon = p
    c = b[++p]
  }
  if (p === lt + 1) return -1
  fastNameEnd = p
  fastColon = colon
  while (true) {
    if (c === GT) {
      fastSelfClosing = false
      return p + 1
    }
    if (c === SLASH) {
      if (b[p + 1] !== GT) return -1
      fastSelfClosing = true
      return p + 2
    }
    if (!isSpace(c)) return -1
    do c = b[++p]
    while (isSpace(c))
    if (c === GT || c === SLASH) continue
    if (c === X && s.startsWith('xmlns', p)) return -1
    const nameStart = p
    while (c !== undefined && c !== SP && c !== LF && c !== TAB && c !== CR && c !== EQ && c !== GT && c !== SLASH) c = b[++p]
    if (p === nameStart) return -1
    while (isSpace(c)) c = b[++p]
    if (c !== EQ) return -1
    do c = b[++p]
    while (isSpace(c))
    if (c !== DQ && c !== SQ) return -1
    const close = s.indexOf(c === DQ ? '"' : "'", p + 1)
    if (close < 0) return -1
    p = close + 1
    c = b[p]
  }
}

/** Skips a comment, CDATA section or processing instruction starting at `lt`; returns the offset after it, or -1. */
function skipSpecial(s: string, lt: number): number {
  const next = s.charCodeAt(lt + 1)
  if (next !== BANG && next !== QM) return -1
  if (s.startsWith('<!--', lt)) {
    const e = s.indexOf('-->', lt + 4)
    if (e < 0) throw malformed('unterminated comment', lt)
    return e + 3
  }
  if (s.startsWith('<![CDATA[', lt)) {
    const e = s.indexOf(']]>', lt + 9)
    if (e < 0) throw malformed('unterminated CDATA section', lt)
    return e + 3
  }
  if (next === QM) {
    const e = s.indexOf('?>', lt + 2)
    if (e < 0) throw malformed('unterminated processing instruction', lt)
    return e + 2
  }
  if (s.startsWith('<!DOCTYPE', lt) || s.startsWith('<!ENTITY', lt)) {
    throw new SvgError('SVG_DOCTYPE_REFUSED', 'DOCTYPE or entity declaration inside the document', { details: { offset: lt } })
  }
  throw malformed("unknown '<!' construct", lt)
}

/** Reads a quoted literal at `p` (after optional space); returns [value, offset after the closing quote]. */
function quoted(s: string, p: number, lt: number): [string, number] {
  while (isSpace(s.charCodeAt(p))) p++
  const q = s.charCodeAt(p)
  if (q !== DQ && q !== SQ) throw new SvgError('SVG_DOCTYPE_REFUSED', 'unrecognised DOCTYPE', { details: { offset: lt } })
  const e = s.indexOf(q === DQ ? '"' : "'", p + 1)
  if (e < 0) throw malformed('unterminated DOCTYPE', lt)
  return [s.slice(p + 1, e), e + 1]
}

/**
 * Checks a DOCTYPE at `lt`. Only `<!DOCTYPE svg>` and `<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG ..." "...">`
 * without an internal subset are let through (they cannot declare entities and are never loaded).
 */
function checkDoctype(s: string, lt: number): number {
  const refuse = (why: string) => new SvgError('SVG_DOCTYPE_REFUSED', `DOCTYPE refused: ${why}`, { details: { offset: lt } })
  const n = s.length
  let p = lt + 9
  if (!isSpace(s.charCodeAt(p))) throw refuse('unrecognised DOCTYPE')
  while (isSpace(s.charCodeAt(p))) p++
  const nameStart = p
  while (p < n && !isSpace(s.charCodeAt(p)) && s.charCodeAt(p) !== GT && s.charCodeAt(p) !== LBRACKET) p++
  const name = s.slice(nameStart, p)
  if (name !== 'svg' && !name.endsWith(':svg')) throw refuse(`document type ${name}`)
  while (isSpace(s.charCodeAt(p))) p++
  if (s.charCodeAt(p) === GT) return p + 1
  if (s.charCodeAt(p) === LBRACKET) throw refuse('internal subset (entity declarations are never processed)')
  if (!s.startsWith('PUBLIC', p)) throw refuse('only the public W3C SVG DTDs are accepted (no SYSTEM identifiers)')
  const [publicId, afterPublic] = quoted(s, p + 6, lt)
  if (!publicId.startsWith('-//W3C//DTD SVG')) throw refuse(`public identifier ${publicId}`)
  let [, q] = quoted(s, afterPublic, lt)
  while (isSpace(s.charCodeAt(q))) q++
  if (s.charCodeAt(q) === LBRACKET) throw refuse('internal subset (entity declarations are never processed)')
  if (s.charCodeAt(q) !== GT) throw malformed('unterminated DOCTYPE', lt)
  return q + 1
}

function readXmlDeclEncoding(s: string, start: number, end: number): string | null {
  const decl = s.slice(start, Math.min(end, start + 512))
  const m = /\sencoding\s*=\s*(?:"([A-Za-z0-9._-]{1,40})"|'([A-Za-z0-9._-]{1,40})')/.exec(decl)
  return m ? (m[1] ?? m[2] ?? '').toLowerCase() : null
}

/** An open element that matters when it closes: it declared namespaces, is an assertion or a nested `<svg>`. */
interface Marked {
  /** The number of open elements outside it. */
  depth: number
  declared: string[]
  assertion?: AssertionElement
  nestedSvg: boolean
}

/** The scan of one document; it is also the {@link SvgScan} result. */
class Scanner implements SvgScan {
  encoding: string | null = null
  root!: SvgScan['root']
  assertions: AssertionElement[] = []
  private decoder: TextDecoder = utf8Decoder
  /** Namespace bindings: prefix -> stack of URIs ('' = default namespace; null = undeclared). */
  private readonly bindings = new Map<string, Array<string | null>>([['xml', [XML_NS]]])

  constructor(
    private readonly b: Uint8Array,
    private readonly s: string,
  ) {}

  decode(start: number, end: number): string {
    try {
      return this.decoder.decode(this.b.subarray(start, end))
    } catch (cause) {
      throw new SvgError('SVG_BAD_ENCODING', `bytes ${start}..${end} are not valid ${this.encoding ?? 'utf-8'}`, { cause, details: { offset: start } })
    }
  }

  private resolve(prefix: string): string | null {
    const stack = this.bindings.get(prefix)
    return stack && stack.length > 0 ? (stack[stack.length - 1] as string | null) : null
  }

  private declare(tag: Tag): string[] {
    const declared: string[] = []
    for (const a of tag.attrs) {
      if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) {
        const prefix = a.name === 'xmlns' ? '' : a.name.slice(6)
        const value = decodeAttribute(this.decode(a.start, a.end), a.start)
        let stack = this.bindings.get(prefix)
        if (!stack) this.bindings.set(prefix, (stack = []))
        stack.push(value === '' ? null : value)
        declared.push(prefix)
      }
    }
    return declared
  }

  private undeclare(declared: string[]): void {
    for (const prefix of declared) this.bindings.get(prefix)?.pop()
  }

  private nsOf(qname: string, offset: number): [string | null, string] {
    const colon = qname.indexOf(':')
    if (colon < 0) return [this.resolve(''), qname]
    const prefix = qname.slice(0, colon)
    const uri = this.resolve(prefix)
    if (uri === null) throw malformed(`undeclared namespace prefix ${prefix}`, offset)
    return [uri, qname.slice(colon + 1)]
  }

  /** Prolog: XML declaration, comments, PIs, one permitted DOCTYPE, white space. Returns the root's `<`. */
  private prolog(p: number): number {
    const { s } = this
    const n = s.length
    let first = true
    while (true) {
      while (isSpace(s.charCodeAt(p))) p++
      if (p >= n) throw new SvgError('SVG_NOT_SVG', 'no root element')
      if (s.charCodeAt(p) !== LT) throw new SvgError('SVG_NOT_SVG', 'text before the root element', { details: { offset: p } })
      if (s.startsWith('<?xml', p) && (isSpace(s.charCodeAt(p + 5)) || s.charCodeAt(p + 5) === QM)) {
        const e = s.indexOf('?>', p + 5)
        if (e < 0) throw malformed('unterminated XML declaration', p)
        if (first) {
          this.encoding = readXmlDeclEncoding(s, p, e)
          this.decoder = decoderFor(this.encoding)
        }
        p = e + 2
      } else if (s.startsWith('<!DOCTYPE', p)) {
        p = checkDoctype(s, p)
      } else if (s.startsWith('<![CDATA[', p)) {
        throw malformed('CDATA section outside the root element', p)
      } else {
        const skipped = skipSpecial(s, p)
        if (skipped < 0) return p
        p = skipped
      }
      first = false
    }
  }

  scan(start: number): this {
    const { b, s } = this
    const n = s.length
    let p = this.prolog(start)

    const rootTag = parseStartTag(s, p)
    const rootDeclared = this.declare(rootTag)
    const [rootNs, rootLocal] = this.nsOf(rootTag.qname, p)
    if (rootLocal !== 'svg' || (rootNs !== null && rootNs !== SVG_NS)) {
      throw new SvgError('SVG_NOT_SVG', `the root element is <${rootTag.qname}>, not <svg>`, { details: { offset: p } })
    }
    const obDecl = rootTag.attrs.find((a) => a.name === 'xmlns:openbadges')
    this.root = {
      qname: rootTag.qname,
      closeAt: rootTag.closeAt,
      end: rootTag.end,
      selfClosing: rootTag.selfClosing,
      openbadgesNs: obDecl ? decodeAttribute(this.decode(obDecl.start, obDecl.end), obDecl.start) : null,
    }
    /** Open elements: [nameStart, nameEnd] pairs, outermost first. */
    const open: number[] = []
    const marked: Marked[] = []
    let skipping = 0 // > 0 while inside a nested <svg>
    if (rootTag.selfClosing) {
      this.undeclare(rootDeclared)
    } else {
      marked.push({ depth: 0, declared: rootDeclared, nestedSvg: false })
      open.push(p + 1, p + 1 + rootTag.qname.length)
    }
    p = rootTag.end

    while (open.length > 0) {
      const lt = s.indexOf('<', p)
      if (lt < 0) throw malformed(`<${s.slice(open[open.length - 2], open[open.length - 1])}> is never closed`, n)
      const next = s.charCodeAt(lt + 1)
      if (next === BANG || next === QM) {
        p = skipSpecial(s, lt)
        continue
      }
      if (next === SLASH) {
        const nameEnd = open.pop() as number
        const nameStart = open.pop() as number
        const len = nameEnd - nameStart
        let e = lt + 2
        let same = true
        for (let k = 0; k < len; k++) {
          if (b[e + k] !== b[nameStart + k]) {
            same = false
            break
          }
        }
        e += len
        if (!same) throw endTagError(s, lt, s.slice(nameStart, nameEnd))
        while (isSpace(b[e])) e++
        if (b[e] !== GT) throw malformed('bad end tag', lt)
        const m = marked[marked.length - 1]
        if (m && m.depth === open.length >> 1) {
          marked.pop()
          this.undeclare(m.declared)
          if (m.assertion) {
            m.assertion.body = { start: m.assertion.body?.start ?? lt, end: lt }
            m.assertion.end = e + 1
          }
          if (m.nestedSvg) skipping--
        }
        p = e + 1
        continue
      }

      // A start tag. Most need no more than a check and, when not self-closing, a place on the stack.
      const end = fastTag(b, s, lt)
      if (end >= 0) {
        const localStart = fastColon >= 0 ? fastColon + 1 : lt + 1
        const localLength = fastNameEnd - localStart
        const special = (localLength === 3 && s.startsWith('svg', localStart)) || (localLength === 9 && s.startsWith('assertion', localStart))
        if (!special) {
          if (fastColon >= 0) {
            const prefix = s.slice(lt + 1, fastColon)
            if (this.resolve(prefix) === null) throw malformed(`undeclared namespace prefix ${prefix}`, lt)
          }
          if (!fastSelfClosing) open.push(lt + 1, fastNameEnd)
          p = end
          continue
        }
      }
      const tag = parseStartTag(s, lt)
      const declared = this.declare(tag)
      const [ns, local] = this.nsOf(tag.qname, lt)
      let assertion: AssertionElement | undefined
      if (skipping === 0 && ns === OB_NS && local === 'assertion') {
        const verify = tag.attrs.find((a) => a.name === 'verify')
        assertion = { start: lt, end: tag.end, ...(verify ? { verify } : {}) }
        if (!tag.selfClosing) assertion.body = { start: tag.end, end: tag.end }
        this.assertions.push(assertion)
      }
      const nestedSvg = local === 'svg' && (ns === null || ns === SVG_NS)
      if (tag.selfClosing) {
        this.undeclare(declared)
      } else {
        if (declared.length > 0 || assertion || nestedSvg) {
          marked.push({ depth: open.length >> 1, declared, nestedSvg, ...(assertion ? { assertion } : {}) })
        }
        open.push(lt + 1, lt + 1 + tag.qname.length)
        if (nestedSvg) skipping++
      }
      p = tag.end
    }

    // Epilogue: only white space, comments and PIs may follow the root element.
    while (true) {
      while (isSpace(s.charCodeAt(p))) p++
      if (p >= n) break
      const skipped = s.charCodeAt(p) === LT && !s.startsWith('<![CDATA[', p) ? skipSpecial(s, p) : -1
      if (skipped < 0) throw malformed('content after the root element', p)
      p = skipped
    }
    return this
  }
}

/** The error for an end tag at `lt` that is malformed or does not close `<openName>`. */
function endTagError(s: string, lt: number, openName: string): SvgError {
  let e = lt + 2
  while (e < s.length && !isSpace(s.charCodeAt(e)) && s.charCodeAt(e) !== GT) e++
  const name = s.slice(lt + 2, e)
  while (isSpace(s.charCodeAt(e))) e++
  if (s.charCodeAt(e) !== GT) return malformed('bad end tag', lt)
  return malformed(`</${name}> closes <${openName}>`, lt)
}

/**
 * Scans an SVG document.
 * @throws SvgError SVG_TOO_LARGE, SVG_BAD_ENCODING, SVG_DOCTYPE_REFUSED, SVG_ENTITY_REFUSED, SVG_MALFORMED, SVG_NOT_SVG
 */
export function scanSvg(b: Uint8Array, maxBytes: number): SvgScan {
  const n = b.length
  if (n > maxBytes) throw new SvgError('SVG_TOO_LARGE', `SVG of ${n} bytes exceeds the ${maxBytes}-byte limit`, { details: { size: n, maxBytes } })
  if ((b[0] === 0xfe && b[1] === 0xff) || (b[0] === 0xff && b[1] === 0xfe) || b[0] === 0 || (b[0] === LT && b[1] === 0)) {
    throw new SvgError('SVG_BAD_ENCODING', 'UTF-16/UTF-32 SVG documents are not supported; save the SVG as UTF-8')
  }
  const start = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0
  return new Scanner(b, byteString(b)).scan(start)
}
