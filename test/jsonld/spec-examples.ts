/**
 * Reads the fenced JSON examples from the Open Badges 2.0 specification's examples page
 * (`{% highlight json %}` blocks). Several are not strict JSON as published (trailing commas, line breaks
 * inside strings, a missing closing brace); `repairJson` fixes exactly those, and reports what it fixed.
 */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const sharedSpecDir = fileURLToPath(new URL('../../../shared/spec/ob_v2p0/', import.meta.url))
export const sharedAvailable = existsSync(sharedSpecDir)

export interface SpecExample {
  index: number
  line: number
  source: string
  json: unknown
  repaired: string[]
}

export function repairJson(source: string): { text: string; repaired: string[] } {
  const repaired: string[] = []
  let out = ''
  let inString = false
  let escaped = false
  const stack: string[] = []
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string
    if (inString) {
      if (escaped) escaped = false
      else if (ch === '\\') escaped = true
      else if (ch === '"') inString = false
      else if (ch === '\n' || ch === '\r') {
        // A line break inside a string: the published example wrapped a long line.
        while (source[i + 1] === ' ' || source[i + 1] === '\n' || source[i + 1] === '\r') i++
        out += ' '
        if (!repaired.includes('line break in string')) repaired.push('line break in string')
        continue
      }
      out += ch
      continue
    }
    if (ch === '"') inString = true
    else if (ch === '{') stack.push('}')
    else if (ch === '[') stack.push(']')
    else if (ch === '}' || ch === ']') stack.pop()
    out += ch
  }
  const withoutTrailing = out.replace(/,(\s*[}\]])/g, '$1')
  if (withoutTrailing !== out) repaired.push('trailing comma')
  out = withoutTrailing
  if (stack.length > 0) {
    out += stack.reverse().join('')
    repaired.push('missing closing bracket')
  }
  return { text: out, repaired }
}

export function readSpecExamples(): SpecExample[] {
  const md = readFileSync(`${sharedSpecDir}examples/index.md`, 'utf8')
  const examples: SpecExample[] = []
  const re = /\{% highlight json %\}\n([\s\S]*?)\{% endhighlight %\}/g
  for (let m = re.exec(md); m !== null; m = re.exec(md)) {
    const source = m[1] as string
    const line = md.slice(0, m.index).split('\n').length
    let json: unknown
    let repaired: string[] = []
    try {
      json = JSON.parse(source)
    } catch {
      const fixed = repairJson(source)
      repaired = fixed.repaired
      json = JSON.parse(fixed.text)
    }
    examples.push({ index: examples.length, line, source, json, repaired })
  }
  return examples
}
