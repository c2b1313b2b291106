/**
 * zlib inflation with a hard output cap, for compressed PNG text chunks. The input is pushed through
 * fflate's streaming inflater in small slices, so one push can produce at most about a megabyte, and
 * inflation stops at the first slice that takes the output past the cap: a 200 MB "zip bomb" never
 * allocates much more than the cap.
 */
import { Unzlib } from 'fflate'

/** Largest input slice pushed at once. Deflate expands at most ~1032:1, so a slice yields <= ~1 MB. */
const SLICE = 1024

/** Why {@link inflateCapped} failed. */
export type InflateFailure = { ok: false; reason: 'too-large' | 'corrupt'; cause?: unknown }

/**
 * Inflates a zlib datastream, refusing output larger than `cap` bytes.
 * Returns the output, or why it failed; never throws for bad data.
 */
export function inflateCapped(data: Uint8Array, cap: number): { ok: true; bytes: Uint8Array } | InflateFailure {
  const parts: Uint8Array[] = []
  let total = 0
  let tooLarge = false
  let ended = false
  const inflater = new Unzlib((chunk, final) => {
    if (tooLarge) return
    total += chunk.length
    if (total > cap) {
      tooLarge = true
      parts.length = 0
      return
    }
    if (chunk.length > 0) parts.push(chunk)
    if (final) ended = true
  })
  try {
    if (data.length === 0) return { ok: false, reason: 'corrupt' }
    for (let at = 0; at < data.length && !tooLarge; at += SLICE) {
      const end = Math.min(at + SLICE, data.length)
      inflater.push(data.subarray(at, end), end === data.length)
    }
  } catch (cause) {
    return tooLarge ? { ok: false, reason: 'too-large' } : { ok: false, reason: 'corrupt', cause }
  }
  if (tooLarge) return { ok: false, reason: 'too-large' }
  if (!ended) return { ok: false, reason: 'corrupt' }
  const out = new Uint8Array(total)
  let pos = 0
  for (const p of parts) {
    out.set(p, pos)
    pos += p.length
  }
  return { ok: true, bytes: out }
}
