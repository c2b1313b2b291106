/**
 * TEST ORACLE, not shipped: the previous byte-level SVG scanner (before the string/indexOf rewrite of
 * src/bake/svg-scan.ts), kept verbatim apart from imports so that test/bake/svg-scan-diff.test.ts can
 * check that the fast scanner reaches exactly the same results and error codes on any input.
 */
/**
 * A small, careful, linear-time scanner for SVG documents. It is not an XML parser: it finds the
 * root `<svg>` start tag and every `<assertion>` element in the Open Badges namespace (resolved
 * through namespace declarations on any ancestor, whatever the prefix), skipping comments, CDATA
 * sections, processing instructions, attribute values in either quote, and nested `<svg>` elements.
 * It never expands entities and refuses DTDs that could declare any. All delimiters are ASCII, so it
 * works on the bytes of any ASCII-compatible encoding and leaves them untouched.
 */
import { SvgError } from '../../src/bake/errors.js'
import { decodeAttribute } from '../../src/bake/xml-text.js'
import { utf8Decoder } from '../../src/bake/text.js'

const OB_NS = 'http://openbadges.org'
const SVG_NS = 'http://www.w3.org/2000/svg'
const XML_NS = 'http://www.w3.org/XML/1998/namespace'

const LT = 0x3c
const GT = 0x3e
const SLASH = 0x2f
const EQ = 0x3d
const QM = 0x3f
const BANG = 0x21

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
  decode: (start: number, end: number) => string
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

const isSpace = (c: number | undefined): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d

/** Bytes as a string, one char per byte: names are compared with ASCII literals and with each other only. */
function ascii(b: Uint8Array, start: number, end: number): string {
  if (end - start <= 64) return String.fromCharCode.apply(null, b.subarray(start, end) as unknown as number[])
  let s = ''
  for (let i = start; i < end; i += 4096) s += String.fromCharCode.apply(null, b.subarray(i, Math.min(end, i + 4096)) as unknown as number[])
  return s
}

/** Attribute names the scanner needs (`xmlns`, `xmlns:*`, `verify`); other names are left as ''. */
function attributeName(b: Uint8Array, start: number, end: number): string {
  const c = b[start]
  if ((c === 0x78 && at(b, start, 'xmlns')) || (c === 0x76 && end - start === 6 && at(b, start, 'verify'))) return ascii(b, start, end)
  return ''
}

function at(b: Uint8Array, pos: number, lit: string): boolean {
  if (pos + lit.length > b.length) return false
  for (let i = 0; i < lit.length; i++) if (b[pos + i] !== lit.charCodeAt(i)) return false
  return true
}

/** Finds `lit` at or after `from`; linear (each candidate start is examined once). */
function find(b: Uint8Array, from: number, lit: string): number {
  const first = lit.charCodeAt(0)
  let i = from
  while (true) {
    i = b.indexOf(first, i)
    if (i < 0 || i + lit.length > b.length) return -1
    if (at(b, i, lit)) return i
    i++
  }
}

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

/** Parses a start tag whose `<` is at `lt`. */
function parseStartTag(b: Uint8Array, lt: number): Tag {
  const n = b.length
  let p = lt + 1
  while (p < n && !isSpace(b[p]) && b[p] !== SLASH && b[p] !== GT) p++
  if (p === lt + 1) throw malformed('empty element name', lt)
  const qname = ascii(b, lt + 1, p)
  const attrs: RawAttribute[] = []
  while (true) {
    const before = p
    while (isSpace(b[p])) p++
    if (p >= n) throw malformed('unterminated start tag', lt)
    const c = b[p]
    if (c === GT) return { qname, attrs, closeAt: p, end: p + 1, selfClosing: false }
    if (c === SLASH) {
      if (b[p + 1] !== GT) throw malformed("'/' not followed by '>' in a start tag", p)
      return { qname, attrs, closeAt: p, end: p + 2, selfClosing: true }
    }
    if (p === before) throw malformed('attributes must be separated by white space', p)
    const nameStart = p
    while (p < n && !isSpace(b[p]) && b[p] !== EQ && b[p] !== GT && b[p] !== SLASH) p++
    if (p === nameStart) throw malformed('bad attribute name', p)
    const name = attributeName(b, nameStart, p)
    while (isSpace(b[p])) p++
    if (b[p] !== EQ) throw malformed('attribute without a value', p)
    p++
    while (isSpace(b[p])) p++
    const q = b[p]
    if (q !== 0x22 && q !== 0x27) throw malformed('attribute value is not quoted', p)
    const close = b.indexOf(q, p + 1)
    if (close < 0) throw malformed('unterminated attribute value', p)
    attrs.push({ name, start: p + 1, end: close })
    p = close + 1
  }
}

/** Skips a comment, CDATA section or processing instruction starting at `lt`; returns the offset after it, or -1. */
function skipSpecial(b: Uint8Array, lt: number): number {
  const next = b[lt + 1]
  if (next !== BANG && next !== QM) return -1
  if (at(b, lt, '<!--')) {
    const e = find(b, lt + 4, '-->')
    if (e < 0) throw malformed('unterminated comment', lt)
    return e + 3
  }
  if (at(b, lt, '<![CDATA[')) {
    const e = find(b, lt + 9, ']]>')
    if (e < 0) throw malformed('unterminated CDATA section', lt)
    return e + 3
  }
  if (b[lt + 1] === QM) {
    const e = find(b, lt + 2, '?>')
    if (e < 0) throw malformed('unterminated processing instruction', lt)
    return e + 2
  }
  if (b[lt + 1] === BANG) {
    if (at(b, lt, '<!DOCTYPE') || at(b, lt, '<!ENTITY')) {
      throw new SvgError('SVG_DOCTYPE_REFUSED', 'DOCTYPE or entity declaration inside the document', { details: { offset: lt } })
    }
    throw malformed("unknown '<!' construct", lt)
  }
  return -1
}

/** Reads a quoted literal at `p` (after optional space); returns [value, offset after the closing quote]. */
function quoted(b: Uint8Array, p: number, lt: number): [string, number] {
  while (isSpace(b[p])) p++
  const q = b[p]
  if (q !== 0x22 && q !== 0x27) throw new SvgError('SVG_DOCTYPE_REFUSED', 'unrecognised DOCTYPE', { details: { offset: lt } })
  const e = b.indexOf(q, p + 1)
  if (e < 0) throw malformed('unterminated DOCTYPE', lt)
  return [ascii(b, p + 1, e), e + 1]
}

/**
 * Checks a DOCTYPE at `lt`. Only `<!DOCTYPE svg>` and `<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG ..." "...">`
 * without an internal subset are let through (they cannot declare entities and are never loaded).
 */
function checkDoctype(b: Uint8Array, lt: number): number {
  const refuse = (why: string) => new SvgError('SVG_DOCTYPE_REFUSED', `DOCTYPE refused: ${why}`, { details: { offset: lt } })
  let p = lt + 9
  if (!isSpace(b[p])) throw refuse('unrecognised DOCTYPE')
  while (isSpace(b[p])) p++
  const nameStart = p
  while (p < b.length && !isSpace(b[p]) && b[p] !== GT && b[p] !== 0x5b) p++
  const name = ascii(b, nameStart, p)
  if (name !== 'svg' && !name.endsWith(':svg')) throw refuse(`document type ${name}`)
  while (isSpace(b[p])) p++
  if (b[p] === GT) return p + 1
  if (b[p] === 0x5b) throw refuse('internal subset (entity declarations are never processed)')
  if (!at(b, p, 'PUBLIC')) throw refuse('only the public W3C SVG DTDs are accepted (no SYSTEM identifiers)')
  const [publicId, afterPublic] = quoted(b, p + 6, lt)
  if (!publicId.startsWith('-//W3C//DTD SVG')) throw refuse(`public identifier ${publicId}`)
  let [, q] = quoted(b, afterPublic, lt)
  while (isSpace(b[q])) q++
  if (b[q] === 0x5b) throw refuse('internal subset (entity declarations are never processed)')
  if (b[q] !== GT) throw malformed('unterminated DOCTYPE', lt)
  return q + 1
}

function readXmlDeclEncoding(b: Uint8Array, start: number, end: number): string | null {
  const decl = ascii(b, start, Math.min(end, start + 512))
  const m = /\sencoding\s*=\s*(?:"([A-Za-z0-9._-]{1,40})"|'([A-Za-z0-9._-]{1,40})')/.exec(decl)
  return m ? (m[1] ?? m[2] ?? '').toLowerCase() : null
}

interface Open {
  qname: string
  declared: string[]
  assertion?: AssertionElement
  nestedSvg: boolean
}

/**
 * Scans an SVG document.
 * @throws SvgError SVG_TOO_LARGE, SVG_BAD_ENCODING, SVG_DOCTYPE_REFUSED, SVG_ENTITY_REFUSED, SVG_MALFORMED, SVG_NOT_SVG
 */
export function referenceScanSvg(b: Uint8Array, maxBytes: number): SvgScan {
  const n = b.length
  if (n > maxBytes) throw new SvgError('SVG_TOO_LARGE', `SVG of ${n} bytes exceeds the ${maxBytes}-byte limit`, { details: { size: n, maxBytes } })
  if ((b[0] === 0xfe && b[1] === 0xff) || (b[0] === 0xff && b[1] === 0xfe) || b[0] === 0 || (b[0] === LT && b[1] === 0)) {
    throw new SvgError('SVG_BAD_ENCODING', 'UTF-16/UTF-32 SVG documents are not supported; save the SVG as UTF-8')
  }
  let p = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0
  let encoding: string | null = null
  let decoder = utf8Decoder
  const decodeRange = (start: number, end: number): string => {
    try {
      return decoder.decode(b.subarray(start, end))
    } catch (cause) {
      throw new SvgError('SVG_BAD_ENCODING', `bytes ${start}..${end} are not valid ${encoding ?? 'utf-8'}`, { cause, details: { offset: start } })
    }
  }
  const attr = (a: RawAttribute) => decodeAttribute(decodeRange(a.start, a.end), a.start)

  // Prolog: XML declaration, comments, PIs, one permitted DOCTYPE, white space.
  let first = true
  while (true) {
    while (isSpace(b[p])) p++
    if (p >= n) throw new SvgError('SVG_NOT_SVG', 'no root element')
    if (b[p] !== LT) throw new SvgError('SVG_NOT_SVG', 'text before the root element', { details: { offset: p } })
    if (at(b, p, '<?xml') && (isSpace(b[p + 5]) || b[p + 5] === QM)) {
      const e = find(b, p + 5, '?>')
      if (e < 0) throw malformed('unterminated XML declaration', p)
      if (first) {
        encoding = readXmlDeclEncoding(b, p, e)
        decoder = decoderFor(encoding)
      }
      p = e + 2
    } else if (at(b, p, '<!DOCTYPE')) {
      p = checkDoctype(b, p)
    } else if (at(b, p, '<![CDATA[')) {
      throw malformed('CDATA section outside the root element', p)
    } else {
      const skipped = skipSpecial(b, p)
      if (skipped < 0) break
      p = skipped
    }
    first = false
  }

  // Namespace bindings: prefix -> stack of URIs ('' = default namespace; null = undeclared).
  const bindings = new Map<string, Array<string | null>>([['xml', [XML_NS]]])
  const resolve = (prefix: string): string | null => {
    const s = bindings.get(prefix)
    return s && s.length > 0 ? (s[s.length - 1] as string | null) : null
  }
  const declare = (tag: Tag): string[] => {
    const declared: string[] = []
    for (const a of tag.attrs) {
      if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) {
        const prefix = a.name === 'xmlns' ? '' : a.name.slice(6)
        const value = attr(a)
        let s = bindings.get(prefix)
        if (!s) bindings.set(prefix, (s = []))
        s.push(value === '' ? null : value)
        declared.push(prefix)
      }
    }
    return declared
  }
  const undeclare = (declared: string[]) => {
    for (const prefix of declared) bindings.get(prefix)?.pop()
  }
  const nsOf = (qname: string): [string | null, string] => {
    const colon = qname.indexOf(':')
    if (colon < 0) return [resolve(''), qname]
    const prefix = qname.slice(0, colon)
    const uri = resolve(prefix)
    if (uri === null) throw malformed(`undeclared namespace prefix ${prefix}`, p)
    return [uri, qname.slice(colon + 1)]
  }

  // Root element.
  const rootTag = parseStartTag(b, p)
  const rootDeclared = declare(rootTag)
  const [rootNs, rootLocal] = nsOf(rootTag.qname)
  if (rootLocal !== 'svg' || (rootNs !== null && rootNs !== SVG_NS)) {
    throw new SvgError('SVG_NOT_SVG', `the root element is <${rootTag.qname}>, not <svg>`, { details: { offset: p } })
  }
  const obDecl = rootTag.attrs.find((a) => a.name === 'xmlns:openbadges')
  const root: SvgScan['root'] = {
    qname: rootTag.qname,
    closeAt: rootTag.closeAt,
    end: rootTag.end,
    selfClosing: rootTag.selfClosing,
    openbadgesNs: obDecl ? attr(obDecl) : null,
  }
  const assertions: AssertionElement[] = []
  const stack: Open[] = []
  let skipping = 0 // > 0 while inside a nested <svg>
  p = rootTag.end
  if (rootTag.selfClosing) undeclare(rootDeclared)
  else stack.push({ qname: rootTag.qname, declared: rootDeclared, nestedSvg: false })

  // Content.
  while (stack.length > 0) {
    const lt = b.indexOf(LT, p)
    if (lt < 0) throw malformed(`<${(stack[stack.length - 1] as Open).qname}> is never closed`, n)
    const skipped = skipSpecial(b, lt)
    if (skipped >= 0) {
      p = skipped
      continue
    }
    if (b[lt + 1] === SLASH) {
      let e = lt + 2
      while (e < n && !isSpace(b[e]) && b[e] !== GT) e++
      const name = ascii(b, lt + 2, e)
      while (isSpace(b[e])) e++
      if (b[e] !== GT) throw malformed('bad end tag', lt)
      const open = stack.pop() as Open
      if (open.qname !== name) throw malformed(`</${name}> closes <${open.qname}>`, lt)
      undeclare(open.declared)
      if (open.assertion) {
        open.assertion.body = { start: open.assertion.body?.start ?? lt, end: lt }
        open.assertion.end = e + 1
      }
      if (open.nestedSvg) skipping--
      p = e + 1
      continue
    }
    const tag = parseStartTag(b, lt)
    const declared = declare(tag)
    const [ns, local] = nsOf(tag.qname)
    let assertion: AssertionElement | undefined
    if (skipping === 0 && ns === OB_NS && local === 'assertion') {
      const verify = tag.attrs.find((a) => a.name === 'verify')
      assertion = { start: lt, end: tag.end, ...(verify ? { verify } : {}) }
      if (!tag.selfClosing) assertion.body = { start: tag.end, end: tag.end }
      assertions.push(assertion)
    }
    const nestedSvg = local === 'svg' && (ns === null || ns === SVG_NS)
    if (tag.selfClosing) {
      undeclare(declared)
    } else {
      stack.push({ qname: tag.qname, declared, nestedSvg, ...(assertion ? { assertion } : {}) })
      if (nestedSvg) skipping++
    }
    p = tag.end
  }

  // Epilogue: only white space, comments and PIs may follow the root element.
  while (true) {
    while (isSpace(b[p])) p++
    if (p >= n) break
    const skipped = b[p] === LT && !at(b, p, '<![CDATA[') ? skipSpecial(b, p) : -1
    if (skipped < 0) throw malformed('content after the root element', p)
    p = skipped
  }
  return { decode: decodeRange, encoding, root, assertions }
}
