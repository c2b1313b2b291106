/**
 * A tiny PNG encoder and chunk parser for tests and benchmarks, written independently of src/bake
 * (CRCs come from node:zlib) so that it can serve as an oracle.
 */
import { crc32, deflateSync } from 'node:zlib'

export interface RawChunk {
  type: string
  data: Uint8Array
}

const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0))
const utf8 = (s: string) => new TextEncoder().encode(s)

/** Serialises one chunk: length, type, data, CRC. */
export function encodeChunk(c: RawChunk): Uint8Array {
  const out = new Uint8Array(12 + c.data.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, c.data.length)
  out.set(latin1(c.type), 4)
  out.set(c.data, 8)
  view.setUint32(8 + c.data.length, crc32(out.subarray(4, 8 + c.data.length)))
  return out
}

export function textChunk(keyword: string, text: string): RawChunk {
  return { type: 'tEXt', data: Uint8Array.from([...latin1(keyword), 0, ...latin1(text)]) }
}

export function ztxtChunk(keyword: string, text: string): RawChunk {
  return { type: 'zTXt', data: Uint8Array.from([...latin1(keyword), 0, 0, ...deflateSync(latin1(text))]) }
}

export function itxtChunk(keyword: string, text: string | Uint8Array, opts: { compressed?: boolean; lang?: string; translated?: string } = {}): RawChunk {
  const body = typeof text === 'string' ? utf8(text) : text
  const payload = opts.compressed ? new Uint8Array(deflateSync(body)) : body
  const head = [...latin1(keyword), 0, opts.compressed ? 1 : 0, 0, ...latin1(opts.lang ?? ''), 0, ...utf8(opts.translated ?? ''), 0]
  const data = new Uint8Array(head.length + payload.length)
  data.set(head)
  data.set(payload, head.length)
  return { type: 'iTXt', data }
}

/** A deterministic PRNG (mulberry32) so generated images are reproducible from a seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export type ColorType = 0 | 2 | 3 | 4 | 6
const CHANNELS: Record<ColorType, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }

export interface PngSpec {
  width: number
  height: number
  colorType: ColorType
  /** 8 by default; 1/2/4/8 for color types 0 and 3, 8/16 for the others (16 also for 0). */
  bitDepth?: number
  seed?: number
  /** Pixel bytes: random noise (incompressible) or a smooth gradient (compresses well). */
  noise?: boolean
  /** Ancillary chunks placed before the image data. */
  before?: RawChunk[]
  /** Ancillary chunks placed after the image data. */
  after?: RawChunk[]
  /** Split the zlib stream into IDAT chunks of at most this many bytes. */
  idatSize?: number
  /** deflate level (0..9). */
  level?: number
}

/** Encodes a valid PNG whose pixels come from a seeded PRNG. */
export function encodePng(spec: PngSpec): Uint8Array {
  const depth = spec.bitDepth ?? 8
  const rowBytes = Math.ceil((spec.width * CHANNELS[spec.colorType] * depth) / 8)
  const raw = new Uint8Array((rowBytes + 1) * spec.height)
  const rand = prng(spec.seed ?? 1)
  for (let y = 0; y < spec.height; y++) {
    const row = y * (rowBytes + 1)
    raw[row] = 0 // filter: none
    for (let x = 0; x < rowBytes; x++) raw[row + 1 + x] = spec.noise ? (rand() * 256) | 0 : (x + y) & 0xff
  }
  const ihdr = new Uint8Array(13)
  const v = new DataView(ihdr.buffer)
  v.setUint32(0, spec.width)
  v.setUint32(4, spec.height)
  ihdr[8] = depth
  ihdr[9] = spec.colorType
  const chunks: RawChunk[] = [{ type: 'IHDR', data: ihdr }]
  if (spec.colorType === 3) {
    const entries = 1 << Math.min(depth, 8)
    const plte = new Uint8Array(entries * 3)
    for (let i = 0; i < plte.length; i++) plte[i] = (rand() * 256) | 0
    chunks.push({ type: 'PLTE', data: plte })
  }
  chunks.push(...(spec.before ?? []))
  const z = new Uint8Array(deflateSync(raw, { level: spec.level ?? 6 }))
  const size = spec.idatSize ?? 8192
  for (let i = 0; i < z.length; i += size) chunks.push({ type: 'IDAT', data: z.subarray(i, i + size) })
  chunks.push(...(spec.after ?? []))
  chunks.push({ type: 'IEND', data: new Uint8Array(0) })
  const parts = [new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]), ...chunks.map(encodeChunk)]
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

/** Splits a PNG into its raw chunks (each with its full bytes), checking every CRC with node:zlib. */
export function parseChunks(png: Uint8Array): Array<{ type: string; bytes: Uint8Array; data: Uint8Array }> {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  const out: Array<{ type: string; bytes: Uint8Array; data: Uint8Array }> = []
  let pos = 8
  while (pos < png.length) {
    const len = view.getUint32(pos)
    const type = String.fromCharCode(...png.subarray(pos + 4, pos + 8))
    const crc = view.getUint32(pos + 8 + len)
    if (crc !== crc32(png.subarray(pos + 4, pos + 8 + len))) throw new Error(`bad CRC in ${type} at ${pos}`)
    out.push({ type, bytes: png.subarray(pos, pos + 12 + len), data: png.subarray(pos + 8, pos + 8 + len) })
    pos += 12 + len
    if (type === 'IEND') break
  }
  return out
}

/** True when the chunk is an openbadges tEXt/iTXt chunk. */
export function isBadge(c: { type: string; data: Uint8Array }): boolean {
  if (c.type !== 'iTXt' && c.type !== 'tEXt') return false
  return String.fromCharCode(...c.data.subarray(0, 11)) === 'openbadges\0'
}
