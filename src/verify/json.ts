/**
 * Bounded JSON parsing for untrusted text: a nesting limit checked before parsing, so no later
 * recursive walk (schema validation, JSON-LD, our own walkers) can exhaust the stack.
 */

/** Deepest nesting of arrays/objects the verifier accepts in a badge document. */
export const MAX_JSON_DEPTH = 64

export type JsonParseResult =
  | { ok: true; value: unknown }
  | { ok: false; code: 'INPUT_JSON_INVALID' | 'INPUT_JSON_TOO_DEEP'; message: string }

/** Maximum nesting depth of `text` (strings skipped); stops counting once `limit` is exceeded. */
export function jsonDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0
  let max = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
      continue
    }
    if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) {
      depth++
      if (depth > max) {
        max = depth
        if (max > limit) return max
      }
    } else if (c === 0x5d || c === 0x7d) depth--
  }
  return max
}

/** Parses untrusted JSON text with a nesting limit. Never throws. */
export function parseJson(text: string, maxDepth = MAX_JSON_DEPTH): JsonParseResult {
  if (jsonDepth(text, maxDepth) > maxDepth) {
    return { ok: false, code: 'INPUT_JSON_TOO_DEEP', message: `JSON nested deeper than ${maxDepth} levels` }
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch (error) {
    return { ok: false, code: 'INPUT_JSON_INVALID', message: `not valid JSON: ${error instanceof Error ? error.message.slice(0, 160) : 'parse error'}` }
  }
}

const decoder = new TextDecoder('utf-8', { fatal: false })

/** Decodes UTF-8 bytes (a leading BOM is dropped). */
export function decodeUtf8(bytes: Uint8Array): string {
  const text = decoder.decode(bytes)
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/** True for a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * True when `value` nests deeper than `limit`; iterative. With `mayHaveCycles` (caller-built objects) a
 * cycle or shared reference also counts as too deep; JSON.parse output has neither.
 */
export function exceedsDepth(value: unknown, limit = MAX_JSON_DEPTH, mayHaveCycles = true): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]]
  const seen = mayHaveCycles ? new Set<object>() : undefined
  let visited = 0
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number]
    if (current === null || typeof current !== 'object') continue
    if (depth >= limit || seen?.has(current)) return true
    if (++visited > 1_000_000) return true
    seen?.add(current)
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1])
    }
  }
  return false
}
