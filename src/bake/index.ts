/**
 * Baking: put an Open Badges assertion (hosted JSON or a JWS) into a PNG or SVG image, and take it out
 * again. Bytes in, bytes out (`Uint8Array`), no I/O: runs in Node, browsers and edge workers.
 * Spec: Open Badges 2.0 Baking Specification.
 */
import { BakeError } from './errors.js'
import { detectImageFormat } from './detect.js'
import { bakePng, extractFromPng } from './png.js'
import { bakeSvg, extractFromSvg } from './svg.js'
import { assertBytes, type BadgeInput } from './text.js'
import type { ExtractOptions, ExtractResult } from './types.js'

export { bakePng, extractFromPng } from './png.js'
export { bakeSvg, extractFromSvg } from './svg.js'
export type { BakeSvgOptions } from './svg.js'
export { detectImageFormat } from './detect.js'
export { crc32 } from './crc32.js'
export { BAKE_CODES, BakeError, PngError, SvgError } from './errors.js'
export type { BakeErrorCode, BakingErrorCode, PngErrorCode, SvgErrorCode } from './errors.js'
export type { BadgeInput } from './text.js'
export { DEFAULT_MAX_INFLATED_BYTES, DEFAULT_MAX_SVG_BYTES } from './types.js'
export type { BakedForm, ExtractOptions, ExtractResult, ImageFormat } from './types.js'

function formatOf(image: Uint8Array) {
  const format = detectImageFormat(image)
  if (format === null) throw new BakeError('IMAGE_UNKNOWN_FORMAT', 'the image is neither PNG nor SVG')
  return format
}

/**
 * Bakes `badge` into a PNG or SVG image, detecting the format from the bytes.
 *
 * @param image PNG or SVG bytes.
 * @param badge a JWS compact string, assertion JSON text, or an assertion object (JSON-serialised).
 * @returns the baked image, a new Uint8Array.
 * @throws BakeError IMAGE_UNKNOWN_FORMAT, BAKE_INVALID_BADGE; PngError / SvgError codes (see {@link bakePng}, {@link bakeSvg})
 * @example
 * ```ts
 * const baked = bake(await readFile('badge.png'), signAssertionResultJws)
 * ```
 */
export function bake(image: Uint8Array, badge: BadgeInput, options: Pick<ExtractOptions, 'maxSvgBytes'> = {}): Uint8Array {
  assertBytes(image)
  return formatOf(image) === 'png' ? bakePng(image, badge) : bakeSvg(image, badge, options)
}

/**
 * Extracts the badge baked into a PNG or SVG image, detecting the format from the bytes.
 * An image without a badge is a result (`{ baked: false }`), not an error.
 *
 * @throws BakeError IMAGE_UNKNOWN_FORMAT; PngError / SvgError codes (see {@link extractFromPng}, {@link extractFromSvg})
 * @example
 * ```ts
 * const found = extract(bytes)
 * if (!found.baked) console.log('no badge in this', found.format)
 * else if (found.text.startsWith('{')) JSON.parse(found.text) // hosted assertion
 * ```
 */
export function extract(image: Uint8Array, options: ExtractOptions = {}): ExtractResult {
  assertBytes(image)
  return formatOf(image) === 'png' ? extractFromPng(image, options) : extractFromSvg(image, options)
}
