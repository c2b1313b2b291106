/** Result and option types shared by the PNG and SVG bakers. */

/** The image formats the baking module reads and writes. */
export type ImageFormat = 'png' | 'svg'

/**
 * Where the baked text was found:
 * - `itxt`: a PNG `iTXt` chunk with keyword `openbadges` (Open Badges 1.1/2.0: assertion JSON or JWS);
 * - `text`: a PNG `tEXt` chunk with keyword `openbadges` (the pre-1.0 form: the hosted assertion URL);
 * - `svg-body`: the body (CDATA or character data) of `<openbadges:assertion>` (hosted assertion JSON);
 * - `svg-verify`: the `verify` attribute of a body-less `<openbadges:assertion>` (a JWS, or a URL).
 */
export type BakedForm = 'itxt' | 'text' | 'svg-body' | 'svg-verify'

/** What `extract()` found: the baked text and where it was, or that the image holds no badge. */
export type ExtractResult =
  | { baked: true; format: ImageFormat; text: string; form: BakedForm }
  | { baked: false; format: ImageFormat }

/** Limits for reading untrusted images. */
export interface ExtractOptions {
  /** Largest inflated size of a compressed PNG `iTXt` badge text, in bytes. Default 1 MiB. */
  maxInflatedBytes?: number
  /** Largest SVG document accepted, in bytes. Default 10 MiB. */
  maxSvgBytes?: number
}

/** Default for {@link ExtractOptions.maxInflatedBytes}. */
export const DEFAULT_MAX_INFLATED_BYTES = 1024 * 1024
/** Default for {@link ExtractOptions.maxSvgBytes}. */
export const DEFAULT_MAX_SVG_BYTES = 10 * 1024 * 1024
