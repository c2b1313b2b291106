/** Format detection from the bytes themselves (never from a file name or a media type). */
import type { ImageFormat } from './types.js'

const isSpace = (c: number | undefined): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d

/**
 * Guesses the image format from its first bytes: `png` when it starts like the PNG signature
 * (`\x89PNG`), `svg` when, after an optional byte-order mark and white space, it starts with `<`
 * (the SVG reader then decides whether the root really is `<svg>`), otherwise null.
 *
 * @example
 * ```ts
 * detectImageFormat(new TextEncoder().encode('<svg/>')) // 'svg'
 * ```
 */
export function detectImageFormat(bytes: Uint8Array): ImageFormat | null {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png'
  if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe)) return 'svg' // UTF-16: refused by the SVG reader
  let p = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  const limit = Math.min(bytes.length, p + 4096)
  while (p < limit && isSpace(bytes[p])) p++
  return bytes[p] === 0x3c ? 'svg' : null
}
