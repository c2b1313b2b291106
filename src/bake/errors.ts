/**
 * Typed errors of the baking module. Every failure carries a stable `code` from {@link BAKE_CODES};
 * callers and tests match on the code, never on the message. "The image holds no badge" is not an
 * error: `extract()` answers `{ baked: false }` for it.
 */
import { OpenBadgesError, type OpenBadgesErrorOptions } from '../errors.js'

/** Every error code the baking module throws, grouped by the class that throws it. */
export const BAKE_CODES = {
  /** Thrown as {@link PngError}. */
  png: [
    'PNG_BAD_SIGNATURE',
    'PNG_TRUNCATED',
    'PNG_BAD_CHUNK',
    'PNG_BAD_CRC',
    'PNG_NO_IHDR',
    'PNG_NO_IEND',
    'PNG_DUPLICATE_BADGE',
    'PNG_ITXT_MALFORMED',
    'PNG_ITXT_TOO_LARGE',
    'PNG_BAD_COMPRESSED_TEXT',
    'PNG_BAD_UTF8',
  ],
  /** Thrown as {@link SvgError}. */
  svg: [
    'SVG_TOO_LARGE',
    'SVG_BAD_ENCODING',
    'SVG_DOCTYPE_REFUSED',
    'SVG_ENTITY_REFUSED',
    'SVG_MALFORMED',
    'SVG_NOT_SVG',
    'SVG_DUPLICATE_BADGE',
    'SVG_ASSERTION_EMPTY',
  ],
  /** Thrown as {@link BakeError}. */
  bake: ['IMAGE_UNKNOWN_FORMAT', 'BAKE_INVALID_BADGE'],
} as const

/** A PNG error code. */
export type PngErrorCode = (typeof BAKE_CODES.png)[number]
/** An SVG error code. */
export type SvgErrorCode = (typeof BAKE_CODES.svg)[number]
/** A format-independent baking error code. */
export type BakeErrorCode = (typeof BAKE_CODES.bake)[number]
/** Any code thrown by the baking module. */
export type BakingErrorCode = PngErrorCode | SvgErrorCode | BakeErrorCode

/**
 * A PNG datastream that cannot be read or baked safely (bad signature, truncation, CRC mismatch,
 * two badge chunks, an oversized compressed text...). `details.offset` gives the byte offset.
 *
 * @example
 * ```ts
 * try { extractFromPng(bytes) } catch (e) { if (e instanceof PngError) console.log(e.code) }
 * ```
 */
export class PngError extends OpenBadgesError {
  declare readonly code: PngErrorCode
  constructor(code: PngErrorCode, message: string, options?: OpenBadgesErrorOptions) {
    super(code, message, options)
    this.name = 'PngError'
  }
}

/**
 * An SVG document that is refused (DOCTYPE, unknown entity, too large, not well-formed enough to
 * scan, not an `<svg>` root, two assertion elements...). `details.offset` gives the byte offset.
 *
 * @example
 * ```ts
 * try { extractFromSvg(bytes) } catch (e) { if (e instanceof SvgError && e.code === 'SVG_DOCTYPE_REFUSED') ... }
 * ```
 */
export class SvgError extends OpenBadgesError {
  declare readonly code: SvgErrorCode
  constructor(code: SvgErrorCode, message: string, options?: OpenBadgesErrorOptions) {
    super(code, message, options)
    this.name = 'SvgError'
  }
}

/**
 * A baking request that cannot be honoured whatever the image: the bytes are neither PNG nor SVG,
 * or the badge text cannot be carried (empty, lone surrogates, characters XML forbids, a hosted
 * assertion without an id for SVG).
 *
 * @example
 * ```ts
 * try { bake(bytes, '') } catch (e) { if (e instanceof BakeError) console.log(e.code) } // BAKE_INVALID_BADGE
 * ```
 */
export class BakeError extends OpenBadgesError {
  declare readonly code: BakeErrorCode
  constructor(code: BakeErrorCode, message: string, options?: OpenBadgesErrorOptions) {
    super(code, message, options)
    this.name = 'BakeError'
  }
}
