/**
 * PNG baking: one `iTXt` chunk with keyword `openbadges` right after IHDR; every other chunk kept byte
 * for byte; image data never decoded, copied chunk by chunk, or checksummed.
 */
import { BakeError, PngError } from './errors.js'
import { crc32 } from './crc32.js'
import { inflateCapped } from './inflate.js'
import { ITXT, KEYWORD, isBadgeChunk, walkPng, writeU32, type ChunkRef } from './png-chunks.js'
import { assertBytes, badgeText, byteString, concatBytes, utf8Decoder, utf8Encoder, type BadgeInput } from './text.js'
import { DEFAULT_MAX_INFLATED_BYTES, type ExtractOptions, type ExtractResult } from './types.js'

/** Builds the complete iTXt chunk (length, type, data, CRC) for `text`, uncompressed. */
function itxtChunk(text: Uint8Array): Uint8Array {
  // data = keyword NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL, text
  const dataLength = KEYWORD.length + 4 + text.length
  if (dataLength > 0x7fffffff) throw new BakeError('BAKE_INVALID_BADGE', 'the badge text is too long for a PNG chunk')
  const chunk = new Uint8Array(12 + dataLength)
  writeU32(chunk, 0, dataLength)
  writeU32(chunk, 4, ITXT)
  chunk.set(KEYWORD, 8)
  // the four zero bytes after the keyword are already zero
  chunk.set(text, 8 + KEYWORD.length + 4)
  writeU32(chunk, 8 + dataLength, crc32(chunk, 4, 8 + dataLength))
  return chunk
}

/**
 * Bakes `badge` into a PNG: inserts one uncompressed `iTXt` chunk with keyword `openbadges` after IHDR
 * and drops any existing `openbadges` iTXt/tEXt chunk, so the result holds exactly one. Every other
 * chunk (and any bytes after IEND) is kept byte for byte; image data is never decoded.
 *
 * @param png the PNG bytes (a Node Buffer works too).
 * @param badge a JWS compact string, assertion JSON text, or an assertion object (JSON-serialised).
 * @returns a new Uint8Array; the input is not modified.
 * @throws PngError PNG_BAD_SIGNATURE, PNG_TRUNCATED, PNG_BAD_CHUNK, PNG_BAD_CRC, PNG_NO_IHDR, PNG_NO_IEND
 * @throws BakeError BAKE_INVALID_BADGE (empty text, lone surrogates, unserialisable object)
 * @example
 * ```ts
 * const baked = bakePng(pngBytes, signedJws)
 * extractFromPng(baked) // { baked: true, format: 'png', form: 'itxt', text: signedJws }
 * ```
 */
export function bakePng(png: Uint8Array, badge: BadgeInput): Uint8Array {
  assertBytes(png, 'png')
  const chunk = itxtChunk(utf8Encoder.encode(badgeText(badge)))
  const chunks = walkPng(png)
  const ihdr = chunks[0] as ChunkRef
  const afterIhdr = ihdr.offset + 12 + ihdr.length
  // Everything up to the end of IHDR, the new chunk, then the rest of the input minus its badge chunks.
  const parts: Uint8Array[] = [png.subarray(0, afterIhdr), chunk]
  let from = afterIhdr
  for (let i = 1; i < chunks.length; i++) {
    const c = chunks[i] as ChunkRef
    if (!isBadgeChunk(png, c)) continue
    parts.push(png.subarray(from, c.offset))
    from = c.offset + 12 + c.length
  }
  parts.push(png.subarray(from))
  return concatBytes(parts)
}

function utf8(bytes: Uint8Array, offset: number): string {
  try {
    return utf8Decoder.decode(bytes)
  } catch (cause) {
    throw new PngError('PNG_BAD_UTF8', 'the openbadges iTXt text is not valid UTF-8', { cause, details: { offset } })
  }
}

function itxtMalformed(c: ChunkRef, why: string): PngError {
  return new PngError('PNG_ITXT_MALFORMED', `malformed openbadges iTXt chunk: ${why}`, { details: { offset: c.offset } })
}

/** Offset of the first NUL in `png[from, end)`, or -1. */
function nul(png: Uint8Array, from: number, end: number): number {
  for (let i = from; i < end; i++) if (png[i] === 0) return i
  return -1
}

/** Reads the text of an openbadges iTXt chunk (keyword already matched). */
function readItxt(png: Uint8Array, c: ChunkRef, maxInflated: number): string {
  const start = c.offset + 8
  const end = start + c.length
  let at = start + KEYWORD.length
  if (at + 2 > end) throw itxtMalformed(c, 'missing compression flag and method')
  const flag = png[at] as number
  const method = png[at + 1] as number
  if (flag > 1) throw itxtMalformed(c, `compression flag ${flag}`)
  if (flag === 1 && method !== 0) throw itxtMalformed(c, `compression method ${method}`)
  const langEnd = nul(png, at + 2, end)
  if (langEnd < 0) throw itxtMalformed(c, 'unterminated language tag')
  const transEnd = nul(png, langEnd + 1, end)
  if (transEnd < 0) throw itxtMalformed(c, 'unterminated translated keyword')
  at = transEnd + 1
  const data = png.subarray(at, end)
  if (flag === 0) return utf8(data, c.offset)
  const inflated = inflateCapped(data, maxInflated)
  if (!inflated.ok) {
    if (inflated.reason === 'too-large') {
      throw new PngError('PNG_ITXT_TOO_LARGE', `the compressed openbadges text inflates past ${maxInflated} bytes`, {
        details: { offset: c.offset, maxInflatedBytes: maxInflated },
      })
    }
    throw new PngError('PNG_BAD_COMPRESSED_TEXT', 'the compressed openbadges text is not a valid zlib stream', {
      cause: inflated.cause,
      details: { offset: c.offset },
    })
  }
  return utf8(inflated.bytes, c.offset)
}

/**
 * Extracts the badge baked into a PNG: the text of its `openbadges` iTXt chunk (form `itxt`: assertion
 * JSON or JWS) or legacy tEXt chunk (form `text`: the hosted assertion URL). Walks chunk headers only,
 * skipping image data; checks the signature, every chunk length, and the CRC of the chunks it reads.
 * A compressed iTXt is inflated with a hard cap.
 *
 * @returns `{ baked: true, format: 'png', form, text }`, or `{ baked: false, format: 'png' }` when the PNG holds no badge.
 * @throws PngError PNG_BAD_SIGNATURE, PNG_TRUNCATED, PNG_BAD_CHUNK, PNG_BAD_CRC, PNG_NO_IHDR, PNG_NO_IEND,
 *   PNG_DUPLICATE_BADGE, PNG_ITXT_MALFORMED, PNG_ITXT_TOO_LARGE, PNG_BAD_COMPRESSED_TEXT, PNG_BAD_UTF8
 * @example
 * ```ts
 * const found = extractFromPng(bytes)
 * if (found.baked) console.log(found.form, found.text)
 * ```
 */
export function extractFromPng(png: Uint8Array, options: ExtractOptions = {}): ExtractResult {
  assertBytes(png, 'png')
  const maxInflated = options.maxInflatedBytes ?? DEFAULT_MAX_INFLATED_BYTES
  const chunks = walkPng(png)
  let found: ChunkRef | undefined
  for (const c of chunks) {
    if (!isBadgeChunk(png, c)) continue
    if (found) {
      throw new PngError('PNG_DUPLICATE_BADGE', 'the PNG holds more than one openbadges chunk', {
        details: { offset: c.offset, first: found.offset },
      })
    }
    found = c
  }
  if (!found) return { baked: false, format: 'png' }
  if (found.type === ITXT) return { baked: true, format: 'png', form: 'itxt', text: readItxt(png, found, maxInflated) }
  const start = found.offset + 8 + KEYWORD.length
  return { baked: true, format: 'png', form: 'text', text: byteString(png.subarray(start, found.offset + 8 + found.length), null) }
}
