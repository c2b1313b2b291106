/**
 * XML text helpers for the SVG baker: decoding character and predefined-entity references (never
 * any other entity), XML line-end and attribute-value normalisation, and the escaping used when
 * writing. Every function is linear in its input.
 */
import { SvgError } from './errors.js'

/** The characters XML 1.0 allows (`Char` production); anything else cannot be carried by an SVG. */
const NON_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u

/** True when every character of `text` may appear in an XML document. */
export function isXmlText(text: string): boolean {
  return !NON_XML_CHAR.test(text)
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' }
/** The longest reference we look at (`&#x0010FFFF;` plus some leading zeros); keeps scanning linear. */
const MAX_REF = 32

/** XML end-of-line handling: CRLF and lone CR become LF. */
export function normalizeEol(s: string): string {
  return s.indexOf('\r') < 0 ? s : s.replace(/\r\n?/g, '\n')
}

/** One piece of decoded character data: `literal` is false for text produced by a reference. */
export interface TextPiece {
  text: string
  literal: boolean
}

/**
 * Splits raw character data into literal runs and decoded references.
 * @throws SvgError SVG_ENTITY_REFUSED for a named entity other than the five predefined ones,
 *   SVG_MALFORMED for a bad character reference or a bare `&`.
 */
export function decodeReferences(raw: string, offset: number): TextPiece[] {
  const pieces: TextPiece[] = []
  let pos = 0
  while (pos < raw.length) {
    const amp = raw.indexOf('&', pos)
    if (amp < 0) {
      pieces.push({ text: raw.slice(pos), literal: true })
      break
    }
    if (amp > pos) pieces.push({ text: raw.slice(pos, amp), literal: true })
    const semi = raw.slice(amp + 1, amp + 1 + MAX_REF).indexOf(';')
    if (semi < 0) throw new SvgError('SVG_MALFORMED', "'&' does not start a reference", { details: { offset } })
    const name = raw.slice(amp + 1, amp + 1 + semi)
    pieces.push({ text: decodeReference(name, offset), literal: false })
    pos = amp + semi + 2
  }
  return pieces
}

function decodeReference(name: string, offset: number): string {
  if (name.startsWith('#')) {
    const hex = name.startsWith('#x')
    const digits = name.slice(hex ? 2 : 1)
    if (digits.length === 0 || !(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) {
      throw new SvgError('SVG_MALFORMED', `bad character reference &${name};`, { details: { offset } })
    }
    const cp = parseInt(digits, hex ? 16 : 10)
    if (cp > 0x10ffff) throw new SvgError('SVG_MALFORMED', `bad character reference &${name};`, { details: { offset } })
    const ch = String.fromCodePoint(cp)
    if (!isXmlText(ch)) throw new SvgError('SVG_MALFORMED', `character reference &${name}; is not an XML character`, { details: { offset } })
    return ch
  }
  const value = PREDEFINED[name]
  if (value === undefined || !Object.prototype.hasOwnProperty.call(PREDEFINED, name)) {
    throw new SvgError('SVG_ENTITY_REFUSED', `entity reference &${name}; refused: only the five predefined XML entities are expanded`, {
      details: { offset, entity: name },
    })
  }
  return value
}

/**
 * The value of an attribute as an XML parser reports it: line ends normalised, literal tab/LF turned
 * into spaces, references decoded.
 */
export function decodeAttribute(raw: string, offset: number): string {
  if (raw.indexOf('<') >= 0) throw new SvgError('SVG_MALFORMED', "'<' in an attribute value", { details: { offset } })
  let out = ''
  for (const p of decodeReferences(normalizeEol(raw), offset)) out += p.literal ? p.text.replace(/[\t\n]/g, ' ') : p.text
  return out
}

/** Escapes `text` for a double-quoted attribute value so that a parser reads back exactly `text`. */
export function escapeAttribute(text: string): string {
  return text.replace(/[&<>"\t\n\r]/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;'
      case '<':
        return '&lt;'
      case '>':
        return '&gt;'
      case '"':
        return '&quot;'
      case '\t':
        return '&#9;'
      case '\n':
        return '&#10;'
      default:
        return '&#13;'
    }
  })
}

/**
 * Wraps `text` as element content made of CDATA sections that a parser reads back exactly: `]]>` is
 * split across two sections, and CR (which XML would turn into LF) is written as `&#13;` between them.
 */
export function cdataContent(text: string): string {
  const body = text.replace(/]]>/g, ']]]]><![CDATA[>').replace(/\r/g, ']]>&#13;<![CDATA[')
  return `<![CDATA[${body}]]>`
}
