/** The complete example micro-credential (examples/complete-mc) and a deterministic issuing setup. */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { AwardInput, IssueOptions } from '../../src/issue/index.js'

const dir = fileURLToPath(new URL('../../examples/complete-mc/', import.meta.url))
export const readExample = <T = Record<string, unknown>>(file: string): T => JSON.parse(readFileSync(`${dir}${file}`, 'utf8')) as T

export const fixedClock = () => new Date('2026-01-15T12:00:00Z')

/** Injected clock and generators: every output is deterministic. */
export function deterministic(): IssueOptions {
  let n = 0
  return {
    now: fixedClock,
    generateId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    generateSalt: () => `salt${n}`,
  }
}

export const completeAward = (): AwardInput => ({
  ...readExample('results.json'),
  recipient: 'J.Rivera@School.example.net',
  evidence: readExample<AwardInput['evidence']>('evidence.json'),
})
