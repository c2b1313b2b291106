/**
 * Draws a small badge image as a PNG (RGBA, anti-aliased rings and a check mark) with nothing but
 * zlib (fflate) and a CRC: the demo and the batch benchmark need an image to bake, and must work
 * offline with no image files shipped.
 */
import { zlibSync } from 'fflate'
import { crc32 } from '../src/bake/crc32.js'

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, data.length)
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i)
  out.set(data, 8)
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length))
  return out
}

/** Distance from point (px, py) to the segment (ax, ay)-(bx, by). */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax
  const dy = by - ay
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy))
}

/**
 * A `size`×`size` PNG: a teal medal with a gold ring and a white check mark.
 *
 * @example
 * const png = badgePng(256)
 */
export function badgePng(size = 256): Uint8Array {
  const c = size / 2
  const raw = new Uint8Array(size * (size * 4 + 1))
  const cover = (d: number) => Math.max(0, Math.min(1, 0.5 - d)) // signed distance → coverage
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1)
    raw[row] = 0 // filter: none
    for (let x = 0; x < size; x++) {
      const px = x + 0.5
      const py = y + 0.5
      const r = Math.hypot(px - c, py - c)
      const outer = cover(r - size * 0.47)
      const ring = cover(Math.abs(r - size * 0.43) - size * 0.03)
      const tick = Math.min(
        segmentDistance(px, py, c - size * 0.17, c + size * 0.01, c - size * 0.05, c + size * 0.13),
        segmentDistance(px, py, c - size * 0.05, c + size * 0.13, c + size * 0.19, c - size * 0.13),
      )
      const check = cover(tick - size * 0.045)
      // Layers: teal disc, gold ring, white check.
      let [red, green, blue] = [18, 122, 130]
      const mix = (to: [number, number, number], a: number) => {
        red += (to[0] - red) * a
        green += (to[1] - green) * a
        blue += (to[2] - blue) * a
      }
      mix([232, 178, 48], ring)
      mix([255, 255, 255], check)
      const i = row + 1 + x * 4
      raw[i] = Math.round(red)
      raw[i + 1] = Math.round(green)
      raw[i + 2] = Math.round(blue)
      raw[i + 3] = Math.round(outer * 255)
    }
  }
  const header = new Uint8Array(13)
  const view = new DataView(header.buffer)
  view.setUint32(0, size)
  view.setUint32(4, size)
  header.set([8, 6, 0, 0, 0], 8) // 8-bit RGBA, no interlace
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlibSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let offset = 0
  for (const p of parts) {
    out.set(p, offset)
    offset += p.length
  }
  return out
}
