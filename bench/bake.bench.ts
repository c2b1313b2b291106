/**
 * Baking benchmarks: bake and extract ops/s for a 10 KB PNG, a 2 MB PNG and an SVG, each beside one
 * copy of the same bytes (Buffer.concat) measured in the same run.
 * Targets: baking a 2 MB PNG within 3x of the copy; extracting from a PNG faster than the copy
 * (the extractor walks chunk headers and skips image data without copying or checksumming it).
 */
import { bake, extract } from '../src/bake/index.js'
import { encodePng } from '../test/bake/png-encoder.js'
import { measure, report } from './harness.js'

const JWS =
  'eyJhbGciOiJSUzI1NiJ9.' +
  Buffer.from(
    JSON.stringify({
      '@context': 'https://w3id.org/openbadges/v2',
      type: 'Assertion',
      id: 'urn:uuid:bf8d3c3d-fe60-487c-87a3-06440d0d0163',
      recipient: { type: 'email', hashed: true, salt: 'deadsea', identity: 'sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942' },
      badge: 'https://example.org/robotics-badge.json',
      issuedOn: '2016-12-31T23:59:59Z',
      verification: { type: 'SignedBadge', creator: 'https://example.org/key1' },
    }),
  ).toString('base64url') +
  '.' +
  Buffer.alloc(256, 7).toString('base64url')

function svgOf(elements: number): Uint8Array {
  const shapes = Array.from({ length: elements }, (_, i) => `  <path d="M${i} ${i * 2} L${i + 10} ${i * 3} Q${i} ${i} ${i * 4} ${i}" fill="#${(i * 2654435761).toString(16).slice(-6).padStart(6, '0')}"/>\n`)
  return new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">\n<!-- badge art -->\n${shapes.join('')}</svg>\n`)
}

const copy = (bytes: Uint8Array) => () => Buffer.concat([bytes])

export async function run(): Promise<void> {
  const images: Array<[string, Uint8Array]> = [
    ['10 KB PNG', encodePng({ width: 50, height: 50, colorType: 6, noise: true, level: 0, seed: 1 })],
    ['2 MB PNG', encodePng({ width: 724, height: 724, colorType: 6, noise: true, level: 0, idatSize: 65536, seed: 2 })],
    ['SVG', svgOf(250)],
  ]
  for (const [label, image] of images) {
    const baked = bake(image, JWS)
    const kb = (n: number) => `${(n / 1024).toFixed(n < 10240 ? 1 : 0)} KB`
    report(
      `bake into a ${label} (${kb(image.length)}, JWS of ${JWS.length} chars)`,
      await measure(`bake ${label}`, () => bake(image, JWS)),
      await measure(`Buffer.concat copy of the ${kb(image.length)} input`, copy(image)),
      label === '2 MB PNG' ? '<= 3x' : undefined,
    )
    report(
      `extract from a baked ${label} (${kb(baked.length)})`,
      await measure(`extract ${label}`, () => extract(baked)),
      await measure(`Buffer.concat copy of the ${kb(baked.length)} baked image`, copy(baked)),
      label.endsWith('PNG') ? '< 1x (faster than the copy)' : undefined,
    )
  }
}
