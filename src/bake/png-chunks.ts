/**
 * The PNG chunk walker shared by `bakePng` and `extractFromPng`. It reads chunk headers and skips
 * chunk data by length (image data is never copied, decoded or checksummed); it checks the CRC of
 * the chunks it reads: IHDR, IEND and the text chunks (tEXt, zTXt, iTXt).
 */
import { crc32 } from './crc32.js'
import { PngError } from './errors.js'

/** The 8-byte PNG signature. */
export const PNG_SIGNATURE: Uint8Array = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10])

/** Chunk type codes as big-endian uint32. */
export const IHDR = 0x49484452
export const IEND = 0x49454e44
export const TEXT = 0x74455874 // tEXt
export const ZTXT = 0x7a545874 // zTXt
export const ITXT = 0x69545874 // iTXt

/** The `openbadges` keyword followed by its NUL separator. */
export const KEYWORD = new Uint8Array([111, 112, 101, 110, 98, 97, 100, 103, 101, 115, 0])

/** One chunk: its type code, the offset of its length field, and its data length. */
export interface ChunkRef {
  type: number
  offset: number
  length: number
}

function u32(b: Uint8Array, at: number): number {
  return (((b[at] as number) << 24) | ((b[at + 1] as number) << 16) | ((b[at + 2] as number) << 8) | (b[at + 3] as number)) >>> 0
}

/** Writes a big-endian uint32. */
export function writeU32(b: Uint8Array, at: number, value: number): void {
  b[at] = value >>> 24
  b[at + 1] = (value >>> 16) & 0xff
  b[at + 2] = (value >>> 8) & 0xff
  b[at + 3] = value & 0xff
}

function typeName(type: number): string {
  return String.fromCharCode(type >>> 24, (type >>> 16) & 0xff, (type >>> 8) & 0xff, type & 0xff)
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
}

function checksWanted(type: number): boolean {
  return type === IHDR || type === IEND || type === TEXT || type === ITXT || type === ZTXT
}

/**
 * Walks the chunks of `png`: every chunk up to and including IEND (bytes after IEND are not part of
 * the datastream).
 * @throws PngError PNG_BAD_SIGNATURE, PNG_TRUNCATED, PNG_BAD_CHUNK, PNG_BAD_CRC, PNG_NO_IHDR, PNG_NO_IEND
 */
export function walkPng(png: Uint8Array): ChunkRef[] {
  const n = png.length
  for (let i = 0; i < 8; i++) {
    if (i >= n) throw new PngError('PNG_TRUNCATED', 'the data ends inside the PNG signature', { details: { offset: n } })
    if (png[i] !== PNG_SIGNATURE[i]) throw new PngError('PNG_BAD_SIGNATURE', 'not a PNG: the 8-byte signature does not match', { details: { offset: i } })
  }
  const chunks: ChunkRef[] = []
  let pos = 8
  while (true) {
    if (pos === n) throw new PngError('PNG_NO_IEND', 'the PNG ends without an IEND chunk', { details: { offset: pos } })
    if (pos + 12 > n) throw new PngError('PNG_TRUNCATED', 'the PNG ends inside a chunk header', { details: { offset: pos } })
    const length = u32(png, pos)
    const type = u32(png, pos + 4)
    if (length > 0x7fffffff) throw new PngError('PNG_BAD_CHUNK', `chunk length ${length} exceeds 2^31-1`, { details: { offset: pos } })
    for (let i = 4; i < 8; i++) {
      if (!isLetter(png[pos + i] as number)) throw new PngError('PNG_BAD_CHUNK', 'chunk type is not four ASCII letters', { details: { offset: pos + 4 } })
    }
    const end = pos + 12 + length
    if (end > n) {
      throw new PngError('PNG_TRUNCATED', `the PNG ends inside the ${typeName(type)} chunk`, { details: { offset: pos, chunk: typeName(type) } })
    }
    if (chunks.length === 0 && (type !== IHDR || length !== 13)) {
      throw new PngError('PNG_NO_IHDR', 'the first chunk is not a 13-byte IHDR', { details: { offset: pos, chunk: typeName(type) } })
    }
    if (checksWanted(type) && crc32(png, pos + 4, pos + 8 + length) !== u32(png, pos + 8 + length)) {
      throw new PngError('PNG_BAD_CRC', `CRC mismatch in the ${typeName(type)} chunk`, { details: { offset: pos, chunk: typeName(type) } })
    }
    chunks.push({ type, offset: pos, length })
    pos = end
    if (type === IEND) return chunks
  }
}

/** True when the chunk is a tEXt or iTXt chunk with the keyword `openbadges`. */
export function isBadgeChunk(png: Uint8Array, chunk: ChunkRef): boolean {
  if (chunk.type !== ITXT && chunk.type !== TEXT) return false
  if (chunk.length < KEYWORD.length) return false
  const at = chunk.offset + 8
  for (let i = 0; i < KEYWORD.length; i++) if (png[at + i] !== KEYWORD[i]) return false
  return true
}
