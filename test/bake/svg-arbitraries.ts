/** fast-check arbitraries for SVG documents: varied prologs, roots, namespaces, decoys and old badges. */
import fc from 'fast-check'

export interface GeneratedSvg {
  /** The whole document. */
  text: string
  /** Offset of the `>` or `/>` that closes the root start tag. */
  closeAt: number
  /** Offset just past the root start tag. */
  rootEnd: number
  selfClosing: boolean
  /** An old badge element in the document (to be replaced), if any. */
  old?: string
}

const attrValue = fc.string({ unit: fc.constantFrom(...'abc XYZ09/>=:#.-_'), maxLength: 12 })
const attr = fc.tuple(fc.constantFrom('width', 'height', 'viewBox', 'data-x', 'id', 'class'), attrValue, fc.boolean(), fc.constantFrom(' ', '\n  ', '\t'))
  .map(([n, v, single, sep]) => `${sep}${n}=${single ? `'${v.replace(/'/g, '')}'` : `"${v.replace(/"/g, '')}"`}`)

const decoy = fc.constantFrom(
  '<rect width="10" height="10" fill="red"/>',
  '<g transform="translate(1,2)"><circle r="3"/></g>',
  '<!-- <openbadges:assertion verify="in-a-comment"/> -->',
  '<style><![CDATA[ a > b { fill: red } <openbadges:assertion verify="in-cdata"/> ]]></style>',
  '<?pi some data?>',
  '<text x="1">R&amp;D &lt;3 &#233;</text>',
  '<svg xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="nested-svg"/></svg>',
  '<ob:thing xmlns:ob="http://openbadges.org"/>',
  '<x:assertion xmlns:x="urn:not-openbadges" verify="other-namespace"/>',
  '<g xmlns:openbadges="urn:elsewhere"><openbadges:assertion verify="other-ns-same-prefix"/></g>',
  '\n  ',
  'plain text',
  '<title>caf\u00e9 \u2603</title>',
)

const existing = fc.constantFrom(
  '<openbadges:assertion verify="https://example.org/old"/>',
  '<ob:assertion xmlns:ob="http://openbadges.org" verify=\'old\'>\n  <![CDATA[{"id":"https://example.org/old"}]]>\n</ob:assertion>',
)

export const generatedSvg: fc.Arbitrary<GeneratedSvg> = fc
  .record({
    decl: fc.constantFrom('', '<?xml version="1.0" encoding="UTF-8"?>\n', "<?xml version='1.0'?>", '\ufeff<?xml version="1.0" encoding="utf-8" standalone="no"?>'),
    prolog: fc.array(
      fc.constantFrom('<!-- made by a test -->', '\n', '<?xml-stylesheet href="s.css"?>', '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">'),
      { maxLength: 3 },
    ),
    prefixed: fc.boolean(),
    attrs: fc.array(attr, { maxLength: 4 }),
    obDecl: fc.constantFrom('none', 'ob', 'conflict'),
    children: fc.array(decoy, { maxLength: 6 }),
    old: fc.option(existing, { nil: undefined }),
    oldAt: fc.nat(),
    selfClose: fc.boolean(),
    epilogue: fc.constantFrom('', '\n', '\n<!-- end -->\n'),
  })
  .map((r) => {
    const name = r.prefixed ? 's:svg' : 'svg'
    const ns = r.prefixed ? ' xmlns:s="http://www.w3.org/2000/svg"' : ' xmlns="http://www.w3.org/2000/svg"'
    const obDecl = r.obDecl === 'ob' ? ' xmlns:openbadges="http://openbadges.org"' : r.obDecl === 'conflict' ? ' xmlns:openbadges="urn:conflict"' : ''
    const old = r.old && !(r.old.startsWith('<openbadges:') && r.obDecl !== 'ob') ? r.old : undefined
    const children: string[] = [...r.children]
    if (old) children.splice(r.oldAt % (children.length + 1), 0, old)
    const head = `${r.decl}${r.prolog.join('')}<${name}${ns}${r.attrs.join('')}${obDecl}`
    const selfClosing = r.selfClose && children.length === 0
    const body = selfClosing ? '' : `${children.join('')}</${name}>`
    const close = selfClosing ? '/>' : '>'
    const text = `${head}${close}${body}${r.epilogue}`
    // offsets are in bytes: measure the UTF-8 length of the head
    const closeAt = new TextEncoder().encode(head).length
    return { text, closeAt, rootEnd: closeAt + close.length, selfClosing, ...(old ? { old } : {}) }
  })
