import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bakeSvg, extractFromSvg, BakeError, SvgError, DEFAULT_MAX_SVG_BYTES } from '../../src/bake/index.js'
import { anyText, assertionJson, jwsText } from './arbitraries.js'
import { generatedSvg } from './svg-arbitraries.js'

const enc = (s: string) => new TextEncoder().encode(s)
const dec = (b: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b)
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'

function codeOf(fn: () => unknown): string {
  try {
    fn()
  } catch (e) {
    if (e instanceof SvgError || e instanceof BakeError) return e.code
    throw e
  }
  return 'no error'
}

/** XML 1.0 Char, written independently of src/bake. */
const xmlSafe = (s: string) => [...s].every((c) => {
  const cp = c.codePointAt(0) as number
  return cp === 9 || cp === 10 || cp === 13 || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || cp >= 0x10000
})
const isJsonObject = (s: string) => {
  try {
    const v: unknown = JSON.parse(s)
    return typeof v === 'object' && v !== null && !Array.isArray(v)
  } catch {
    return false
  }
}
/** Texts that go into the verify attribute (not JSON objects) and assertion JSON texts (go into CDATA). */
const verifyTexts = fc.oneof(anyText, jwsText).filter((t) => xmlSafe(t) && !isJsonObject(t))

describe('bakeSvg / extractFromSvg round trip', () => {
  it('gives back the exact text, leaves the rest of the document byte-identical, and re-bakes idempotently (property)', () => {
    fc.assert(
      fc.property(generatedSvg, fc.oneof(verifyTexts, assertionJson), fc.oneof(verifyTexts, assertionJson), (doc, text, text2) => {
        const svg = enc(doc.text)
        const baked = bakeSvg(svg, text)
        const form = isJsonObject(text) ? 'svg-body' : 'svg-verify'
        expect(extractFromSvg(baked)).toEqual({ baked: true, format: 'svg', form, text })
        // Everything before the end of the root start tag is kept, and so is everything after it
        // (minus the old badge element, if there was one).
        const out = Buffer.from(baked)
        expect(out.subarray(0, doc.closeAt).equals(svg.subarray(0, doc.closeAt))).toBe(true)
        if (!doc.selfClosing) {
          const rest = doc.text.slice(dec(svg.subarray(0, doc.rootEnd)).length)
          const expectedRest = doc.old ? rest.replace(doc.old, '') : rest
          expect(dec(baked).endsWith(expectedRest)).toBe(true)
        }
        expect(Buffer.from(bakeSvg(baked, text2)).equals(bakeSvg(svg, text2))).toBe(true)
      }),
      { numRuns: 200 },
    )
  })

  it('writes what the spec shows: namespace on the root, the element right after the root start tag', () => {
    const jws = 'eyJhbGciOiJSUzI1NiJ9.eyJ9.c2ln'
    expect(dec(bakeSvg(enc(SVG), jws))).toBe(
      `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="${jws}"/><rect width="10" height="10"/></svg>`,
    )
    const hosted = { id: 'https://example.org/a/1', type: 'Assertion' }
    expect(dec(bakeSvg(enc('<svg xmlns="http://www.w3.org/2000/svg"/>'), hosted))).toBe(
      `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="https://example.org/a/1"><![CDATA[${JSON.stringify(hosted)}]]></openbadges:assertion></svg>`,
    )
  })

  it('splits ]]> across CDATA sections and carries CR as a character reference', () => {
    const text = '{"id":"urn:x",\r\n"a":"]]>", "b": "]]]>"}\r'
    const baked = dec(bakeSvg(enc(SVG), text))
    expect(baked).toContain(']]]]><![CDATA[>')
    expect(baked).toContain('&#13;')
    expect(extractFromSvg(enc(baked))).toMatchObject({ text })
  })

  it('declares the namespace on the element when the root binds "openbadges" to something else', () => {
    const svg = enc('<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="urn:other"><rect/></svg>')
    const baked = dec(bakeSvg(svg, 'eyJ.a.b'))
    expect(baked).toContain('<openbadges:assertion xmlns:openbadges="http://openbadges.org" verify="eyJ.a.b"/>')
    expect(extractFromSvg(enc(baked))).toMatchObject({ baked: true, text: 'eyJ.a.b' })
  })

  it('uses verify.url for a 1.x hosted assertion without an id', () => {
    const baked = dec(bakeSvg(enc(SVG), { uid: '1', verify: { type: 'hosted', url: 'https://example.org/1.json' } }))
    expect(baked).toContain('verify="https://example.org/1.json"')
  })
})

describe('extractFromSvg reads badges as an XML parser would', () => {
  const doc = (inner: string, rootAttrs = ' xmlns:openbadges="http://openbadges.org"') =>
    enc(`<svg xmlns="http://www.w3.org/2000/svg"${rootAttrs}>${inner}</svg>`)

  it.each<[string, Uint8Array, unknown]>([
    ['no badge', enc(SVG), { baked: false, format: 'svg' }],
    ['verify attribute only', doc('<openbadges:assertion verify="a.b.c"/>'), { baked: true, format: 'svg', form: 'svg-verify', text: 'a.b.c' }],
    ['single quotes and references', doc(`<openbadges:assertion verify='x&amp;&#10;&#x41;&quot;'/>`), { baked: true, format: 'svg', form: 'svg-verify', text: 'x&\nA"' }],
    ['literal newline and tab in an attribute become spaces', doc('<openbadges:assertion verify="a\r\nb\tc"/>'), { baked: true, format: 'svg', form: 'svg-verify', text: 'a b c' }],
    ['body wins over verify', doc('<openbadges:assertion verify="https://x/1"><![CDATA[{"id":"https://x/1"}]]></openbadges:assertion>'), { baked: true, format: 'svg', form: 'svg-body', text: '{"id":"https://x/1"}' }],
    ['layout white space around CDATA is dropped, inside kept', doc('<openbadges:assertion verify="v">\n   <![CDATA[ {"a":1}\r\n ]]>\n  </openbadges:assertion>'), { baked: true, format: 'svg', form: 'svg-body', text: ' {"a":1}\n ' }],
    ['escaped character data body', doc('<openbadges:assertion verify="v">{&quot;a&quot;:&lt;1}</openbadges:assertion>'), { baked: true, format: 'svg', form: 'svg-body', text: '{"a":<1}' }],
    ['comments and PIs in the body are skipped', doc('<openbadges:assertion verify="v"><!-- c --><![CDATA[ab]]><?p x?><![CDATA[cd]]></openbadges:assertion>'), { baked: true, format: 'svg', form: 'svg-body', text: 'abcd' }],
    ['white-space-only body falls back to verify', doc('<openbadges:assertion verify="v">\n  </openbadges:assertion>'), { baked: true, format: 'svg', form: 'svg-verify', text: 'v' }],
    ['matched by namespace, any prefix', doc('<ob:assertion xmlns:ob="http://openbadges.org" verify="p"/>', ''), { baked: true, format: 'svg', form: 'svg-verify', text: 'p' }],
    ['namespace declared on an ancestor', doc('<g xmlns:b="http://openbadges.org"><g><b:assertion verify="deep"/></g></g>', ''), { baked: true, format: 'svg', form: 'svg-verify', text: 'deep' }],
    ['the openbadges prefix bound elsewhere is not a badge', doc('<openbadges:assertion verify="x"/>', ' xmlns:openbadges="urn:other"'), { baked: false, format: 'svg' }],
    ['a binding ends with its element', doc('<g xmlns:b="http://openbadges.org"/><g xmlns:b="urn:x"><b:assertion verify="x"/></g>', ''), { baked: false, format: 'svg' }],
    ['a default-namespace assertion element', doc('<assertion xmlns="http://openbadges.org" verify="dflt"/>', ''), { baked: true, format: 'svg', form: 'svg-verify', text: 'dflt' }],
    ['nested <svg> is ignored', doc('<svg><openbadges:assertion verify="nested"/></svg>'), { baked: false, format: 'svg' }],
    ['badges in comments and CDATA are ignored', doc('<!-- <openbadges:assertion verify="c"/> --><style><![CDATA[<openbadges:assertion verify="d"/>]]></style>'), { baked: false, format: 'svg' }],
    ['a public SVG DOCTYPE is allowed', enc('<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="ok"/></svg>'), { baked: true, format: 'svg', form: 'svg-verify', text: 'ok' }],
    ['a bare DOCTYPE is allowed', enc('<!DOCTYPE svg><svg/>'), { baked: false, format: 'svg' }],
    ['ISO-8859-1 declared document', new Uint8Array([...enc('<?xml version="1.0" encoding="ISO-8859-1"?><svg xmlns:o="http://openbadges.org"><o:assertion verify="caf'), 0xe9, ...enc('"/></svg>')]), { baked: true, format: 'svg', form: 'svg-verify', text: 'café' }],
  ])('%s', (_name, svg, expected) => {
    expect(extractFromSvg(svg)).toEqual(expected)
  })

  it('extracts the spec example (hosted assertion in an indented CDATA)', () => {
    const example = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg"
     xmlns:openbadges="http://openbadges.org"
     viewBox="0 0 512 512">
  <openbadges:assertion verify="https://example.org/assertions/123">
    <![CDATA[
       {
         "@context": "https://w3id.org/openbadges/v2",
         "id": "https://example.org/assertions/123",
         "type": "Assertion"
       }
    ]]>
  </openbadges:assertion>
  <circle r="1"/>
</svg>`
    const found = extractFromSvg(enc(example))
    expect(found).toMatchObject({ baked: true, form: 'svg-body' })
    expect(JSON.parse(found.baked ? found.text : '')).toMatchObject({ id: 'https://example.org/assertions/123' })
  })
})

describe('SVG errors (wrong-input table)', () => {
  const laughs = `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">${Array.from({ length: 7 }, (_, i) => `<!ENTITY lol${i + 3} "${`&lol${i + 2};`.repeat(10)}">`).join('')}]><svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="&lol9;"/></svg>`
  const xxe = '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><svg xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="&xxe;"/></svg>'
  const ob = (inner: string) => enc(`<svg xmlns:openbadges="http://openbadges.org">${inner}</svg>`)
  const cases: Array<[string, () => unknown, string]> = [
    ['billion laughs', () => extractFromSvg(enc(laughs)), 'SVG_DOCTYPE_REFUSED'],
    ['billion laughs (bake)', () => bakeSvg(enc(laughs), 'x'), 'SVG_DOCTYPE_REFUSED'],
    ['external entity', () => extractFromSvg(enc(xxe)), 'SVG_DOCTYPE_REFUSED'],
    ['parameter entity', () => extractFromSvg(enc('<!DOCTYPE svg [<!ENTITY % p SYSTEM "http://evil/x.dtd"> %p;]><svg/>')), 'SVG_DOCTYPE_REFUSED'],
    ['external DTD by SYSTEM id', () => extractFromSvg(enc('<!DOCTYPE svg SYSTEM "http://evil.example/x.dtd"><svg/>')), 'SVG_DOCTYPE_REFUSED'],
    ['public SVG DTD plus internal subset', () => extractFromSvg(enc('<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [<!ENTITY a "b">]><svg/>')), 'SVG_DOCTYPE_REFUSED'],
    ['other public DTD', () => extractFromSvg(enc('<!DOCTYPE svg PUBLIC "-//EVIL//DTD" "http://evil/x.dtd"><svg/>')), 'SVG_DOCTYPE_REFUSED'],
    ['DOCTYPE html', () => extractFromSvg(enc('<!DOCTYPE html><svg/>')), 'SVG_DOCTYPE_REFUSED'],
    ['ENTITY declaration in content', () => extractFromSvg(ob('<!ENTITY a "b">')), 'SVG_DOCTYPE_REFUSED'],
    ['unknown entity in verify', () => extractFromSvg(ob('<openbadges:assertion verify="&xxe;"/>')), 'SVG_ENTITY_REFUSED'],
    ['unknown entity in the body', () => extractFromSvg(ob('<openbadges:assertion verify="v">&xxe;</openbadges:assertion>')), 'SVG_ENTITY_REFUSED'],
    ['too large (option)', () => extractFromSvg(enc(SVG), { maxSvgBytes: 20 }), 'SVG_TOO_LARGE'],
    ['too large (default cap)', () => extractFromSvg(new Uint8Array(DEFAULT_MAX_SVG_BYTES + 1).fill(0x20)), 'SVG_TOO_LARGE'],
    ['too large (bake)', () => bakeSvg(enc(SVG), 'x', { maxSvgBytes: 20 }), 'SVG_TOO_LARGE'],
    ['root is not svg', () => extractFromSvg(enc('<html xmlns="http://www.w3.org/1999/xhtml"/>')), 'SVG_NOT_SVG'],
    ['root svg in another namespace', () => extractFromSvg(enc('<svg xmlns="urn:not-svg"/>')), 'SVG_NOT_SVG'],
    ['no root element', () => extractFromSvg(enc('<?xml version="1.0"?><!-- nothing -->')), 'SVG_NOT_SVG'],
    ['text before the root', () => extractFromSvg(enc('hello <svg/>')), 'SVG_NOT_SVG'],
    ['root never closed', () => extractFromSvg(enc('<svg><g></g>')), 'SVG_MALFORMED'],
    ['mismatched end tag', () => extractFromSvg(enc('<svg><g></h></svg>')), 'SVG_MALFORMED'],
    ['unterminated comment', () => extractFromSvg(enc('<svg><!-- </svg>')), 'SVG_MALFORMED'],
    ['unterminated CDATA', () => extractFromSvg(enc('<svg><![CDATA[ </svg>')), 'SVG_MALFORMED'],
    ['unterminated attribute', () => extractFromSvg(enc('<svg width="1></svg>')), 'SVG_MALFORMED'],
    ['unquoted attribute', () => extractFromSvg(enc('<svg width=1></svg>')), 'SVG_MALFORMED'],
    ['attribute without value', () => extractFromSvg(enc('<svg hidden></svg>')), 'SVG_MALFORMED'],
    ['CDATA before the root', () => extractFromSvg(enc('<![CDATA[x]]><svg/>')), 'SVG_MALFORMED'],
    ['CDATA after the root', () => extractFromSvg(enc('<svg/><![CDATA[x]]>')), 'SVG_MALFORMED'],
    ['element after the root', () => extractFromSvg(enc('<svg></svg><svg></svg>')), 'SVG_MALFORMED'],
    ['undeclared prefix', () => extractFromSvg(enc('<svg><x:g/></svg>')), 'SVG_MALFORMED'],
    ['bad character reference', () => extractFromSvg(ob('<openbadges:assertion verify="&#0;"/>')), 'SVG_MALFORMED'],
    ['bare ampersand in verify', () => extractFromSvg(ob('<openbadges:assertion verify="a & b"/>')), 'SVG_MALFORMED'],
    ['< in verify', () => extractFromSvg(ob('<openbadges:assertion verify="a<b"/>')), 'SVG_MALFORMED'],
    ['child element in the assertion', () => extractFromSvg(ob('<openbadges:assertion verify="v"><g/></openbadges:assertion>')), 'SVG_MALFORMED'],
    ['UTF-16 BOM', () => extractFromSvg(new Uint8Array([0xff, 0xfe, 0x3c, 0, 0x73, 0])), 'SVG_BAD_ENCODING'],
    ['invalid UTF-8 in verify', () => extractFromSvg(new Uint8Array([...enc('<svg xmlns:o="http://openbadges.org"><o:assertion verify="'), 0xc3, 0x28, ...enc('"/></svg>')])), 'SVG_BAD_ENCODING'],
    ['unknown encoding', () => extractFromSvg(enc('<?xml version="1.0" encoding="x-made-up"?><svg/>')), 'SVG_BAD_ENCODING'],
    ['non-ASCII text into a Latin-1 document', () => bakeSvg(enc('<?xml version="1.0" encoding="ISO-8859-1"?><svg/>'), 'caf\u00e9'), 'SVG_BAD_ENCODING'],
    ['two badges', () => extractFromSvg(ob('<openbadges:assertion verify="a"/><g><openbadges:assertion verify="b"/></g>')), 'SVG_DUPLICATE_BADGE'],
    ['two badges, different prefixes', () => extractFromSvg(ob('<openbadges:assertion verify="a"/><o:assertion xmlns:o="http://openbadges.org" verify="b"/>')), 'SVG_DUPLICATE_BADGE'],
    ['empty assertion element', () => extractFromSvg(ob('<openbadges:assertion/>')), 'SVG_ASSERTION_EMPTY'],
    ['empty verify, empty body', () => extractFromSvg(ob('<openbadges:assertion verify=""></openbadges:assertion>')), 'SVG_ASSERTION_EMPTY'],
    ['bake a control character', () => bakeSvg(enc(SVG), 'a\u0001b'), 'BAKE_INVALID_BADGE'],
    ['bake U+FFFE', () => bakeSvg(enc(SVG), 'a\ufffeb'), 'BAKE_INVALID_BADGE'],
    ['bake hosted JSON without an id', () => bakeSvg(enc(SVG), '{"type":"Assertion"}'), 'BAKE_INVALID_BADGE'],
    ['bake an empty text', () => bakeSvg(enc(SVG), ''), 'BAKE_INVALID_BADGE'],
  ]
  it.each(cases)('%s', (_name, fn, code) => {
    expect(codeOf(fn)).toBe(code)
  })

  it('bake repairs a document holding two badges: one remains', () => {
    const baked = bakeSvg(ob('<openbadges:assertion verify="a"/><g><openbadges:assertion verify="b"/></g>'), 'c.d.e')
    expect(extractFromSvg(baked)).toMatchObject({ baked: true, text: 'c.d.e' })
    expect(dec(baked)).toBe('<svg xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="c.d.e"/><g></g></svg>')
  })
})
