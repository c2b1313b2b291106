/**
 * A compressed iTXt "zip bomb" must be refused without inflating it: the output cap stops inflation
 * early. Kept in its own file so the process (vitest runs each file in its own fork) starts clean and
 * the peak-memory measurement means something.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { createDeflate, createInflate } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { extractFromPng, DEFAULT_MAX_INFLATED_BYTES, PngError } from '../../src/bake/index.js'
import { encodePng } from './png-encoder.js'

const MB = 1024 * 1024

/** zlib-compresses `size` zero bytes through a stream, never holding them all in memory. */
async function zeroBomb(size: number): Promise<Uint8Array> {
  const deflate = createDeflate({ level: 9 })
  const out: Buffer[] = []
  deflate.on('data', (c: Buffer) => out.push(c))
  const done = new Promise((resolve) => deflate.on('end', resolve))
  const block = Buffer.alloc(MB)
  for (let written = 0; written < size; written += MB) {
    if (!deflate.write(block.subarray(0, Math.min(MB, size - written)))) await new Promise((r) => deflate.once('drain', r))
  }
  deflate.end()
  await done
  return new Uint8Array(Buffer.concat(out))
}

/** Counts the inflated size of a zlib stream without keeping the output. */
async function inflatedSize(z: Uint8Array): Promise<number> {
  const inflate = createInflate()
  let n = 0
  inflate.on('data', (c: Buffer) => (n += c.length))
  const done = new Promise((resolve, reject) => {
    inflate.on('end', resolve)
    inflate.on('error', reject)
  })
  inflate.end(z)
  await done
  return n
}

/** A PNG whose openbadges iTXt is compressed and inflates to `size` bytes of zeros. */
function bombPng(z: Uint8Array): Uint8Array {
  const head = [...new TextEncoder().encode('openbadges'), 0, 1, 0, 0, 0]
  const data = new Uint8Array(head.length + z.length)
  data.set(head)
  data.set(z, head.length)
  return encodePng({ width: 1, height: 1, colorType: 0, before: [{ type: 'iTXt', data }] })
}

/**
 * Measures the peak RSS from now on. On Linux the process's high-water mark (VmHWM) is reset first
 * (`/proc/self/clear_refs`), so a peak reached before the measurement (module loading, an earlier test
 * in a reused worker) cannot be mistaken for the call's. Elsewhere it falls back to getrusage's maxRSS,
 * a high-water mark since process start: still an upper bound on the call's peak.
 */
function startPeakRss(): { read: () => number; source: string } {
  try {
    writeFileSync('/proc/self/clear_refs', '5')
    return {
      source: 'VmHWM after reset',
      read: () => {
        const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))
        if (!m) throw new Error('no VmHWM in /proc/self/status')
        return Number(m[1]) * 1024
      },
    }
  } catch {
    return { source: 'maxRSS since start', read: () => process.resourceUsage().maxRSS * 1024 }
  }
}

describe('compressed iTXt bomb', () => {
  it('refuses a 200 MB bomb with PNG_ITXT_TOO_LARGE using far less than 50 MB extra', async () => {
    const z = await zeroBomb(200 * MB)
    const png = bombPng(z)
    const before = process.memoryUsage()
    const peak = startPeakRss()
    let code = 'no error'
    try {
      extractFromPng(png)
    } catch (e) {
      code = e instanceof PngError ? e.code : String(e)
    }
    const after = process.memoryUsage()
    expect(code).toBe('PNG_ITXT_TOO_LARGE')
    // Peak RSS during the call over the RSS just before it, and ArrayBuffer growth (garbage included).
    const rssDelta = peak.read() - before.rss
    const arrayBufferDelta = after.arrayBuffers - before.arrayBuffers
    console.log(`bomb: peak RSS delta ${(rssDelta / MB).toFixed(1)} MB (${peak.source}), arrayBuffers delta ${(arrayBufferDelta / MB).toFixed(1)} MB`)
    expect(rssDelta).toBeLessThan(50 * MB)
    expect(arrayBufferDelta).toBeLessThan(50 * MB)
    // checked last, so its own memory use cannot blur the measurement: the input really is a 200 MB bomb
    expect(await inflatedSize(z)).toBe(200 * MB)
  })

  it('applies the ~1 MB default cap exactly at the boundary', async () => {
    const ok = bombPng(await zeroBomb(DEFAULT_MAX_INFLATED_BYTES))
    expect(extractFromPng(ok)).toMatchObject({ baked: true, form: 'itxt', text: '\0'.repeat(DEFAULT_MAX_INFLATED_BYTES) })
    const over = bombPng(await zeroBomb(DEFAULT_MAX_INFLATED_BYTES + 1))
    expect(() => extractFromPng(over)).toThrow(expect.objectContaining({ code: 'PNG_ITXT_TOO_LARGE' }))
  })
})
