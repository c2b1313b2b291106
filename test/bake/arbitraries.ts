/** fast-check arbitraries shared by the baking tests: badge texts and test PNGs. */
import fc from 'fast-check'
import { encodePng, itxtChunk, textChunk, ztxtChunk, type ColorType, type RawChunk } from './png-encoder.js'

const LONE_SURROGATE = /\p{Cs}/u

/** Any non-empty, well-formed Unicode string. */
export const anyText = fc.string({ unit: 'binary', minLength: 1, maxLength: 300 }).filter((s) => !LONE_SURROGATE.test(s))

const b64url = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), minLength: 4, maxLength: 400 })
/** JWS compact-shaped strings. */
export const jwsText = fc.tuple(b64url, b64url, b64url).map((p) => p.join('.'))

/** Hosted assertion JSON texts (with an id), with awkward strings inside: `]]>`, CR, quotes, non-ASCII. */
export const assertionJson = fc
  .record({
    id: fc.webUrl(),
    name: fc.string({ unit: 'binary', maxLength: 60 }).filter((s) => !LONE_SURROGATE.test(s)),
    note: fc.constantFrom(']]>', '\r\n', '"<&>\'', 'é\u2028', ']]]]>', ''),
    spaces: fc.boolean(),
  })
  .map(({ id, name, note, spaces }) => {
    const doc = { '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id, name, note, verification: { type: 'hosted' } }
    return spaces ? `\n  ${JSON.stringify(doc, null, 2)}\n` : JSON.stringify(doc)
  })

/** Badge texts for round trips: any text, JWS-shaped, assertion JSON. */
export const badgeTexts = fc.oneof(anyText, jwsText, assertionJson)

const keyword = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: 1, maxLength: 20 }).filter((k) => k !== 'openbadges' && !k.startsWith(' ') && !k.endsWith(' '))
const latin = fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 80 })

/** Ancillary text chunks that are not badges (plus the odd openbadges zTXt, which is not a badge chunk). */
export const otherChunk: fc.Arbitrary<RawChunk> = fc.oneof(
  fc.tuple(keyword, latin).map(([k, t]) => textChunk(k, t)),
  fc.tuple(keyword, latin).map(([k, t]) => ztxtChunk(k, t)),
  fc.tuple(keyword, anyText, fc.boolean()).map(([k, t, c]) => itxtChunk(k, t, { compressed: c, lang: 'en', translated: 'x' })),
  fc.constant(ztxtChunk('openbadges', 'not a badge chunk')),
  fc.constant<RawChunk>({ type: 'gAMA', data: new Uint8Array([0, 0, 0xb1, 0x8f]) }),
  fc.constant<RawChunk>({ type: 'tIME', data: new Uint8Array([7, 0xe9, 1, 2, 3, 4, 5]) }),
  fc.uint8Array({ maxLength: 40 }).map((data) => ({ type: 'prVt', data })),
)

/** An existing badge chunk the baker must replace. */
export const oldBadgeChunk: fc.Arbitrary<RawChunk> = fc.oneof(
  fc.constant(textChunk('openbadges', 'https://example.org/old-assertion')),
  jwsText.map((t) => itxtChunk('openbadges', t)),
)

const DEPTHS: Record<ColorType, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] }

/** Small varied PNGs: every color type and bit depth, text chunks before and after the image data. */
export const smallPng = fc
  .record({
    width: fc.integer({ min: 1, max: 48 }),
    height: fc.integer({ min: 1, max: 48 }),
    colorType: fc.constantFrom<ColorType>(0, 2, 3, 4, 6),
    depthIndex: fc.nat(),
    seed: fc.nat(),
    noise: fc.boolean(),
    before: fc.array(otherChunk, { maxLength: 3 }),
    after: fc.array(otherChunk, { maxLength: 3 }),
    old: fc.option(oldBadgeChunk, { nil: undefined }),
    oldAfter: fc.boolean(),
    idatSize: fc.integer({ min: 16, max: 4096 }),
  })
  .map((s) => {
    const depths = DEPTHS[s.colorType]
    const before = [...s.before]
    const after = [...s.after]
    if (s.old) (s.oldAfter ? after : before).push(s.old)
    return encodePng({
      width: s.width,
      height: s.height,
      colorType: s.colorType,
      bitDepth: depths[s.depthIndex % depths.length],
      seed: s.seed,
      noise: s.noise,
      before,
      after,
      idatSize: s.idatSize,
    })
  })
