import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { defineIssuer, defineMicroCredential, issueAssertion } from '../../src/issue/index.js'
import { validate } from '../../src/schema/index.js'
import { completeAward, fixedClock, readExample } from './helpers.js'

const doc = readFileSync(new URL('../../docs/metadata-mapping.md', import.meta.url), 'utf8')
const blocks = [...doc.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => JSON.parse(m[1] as string) as Record<string, unknown>)

describe('docs/metadata-mapping.md', () => {
  it('shows exactly what the builders produce from examples/complete-mc', () => {
    const issuer = defineIssuer(readExample('issuer.json') as never)
    const mc = defineMicroCredential(issuer, readExample('mc.json') as never)
    const assertion = issueAssertion(mc, completeAward(), {
      now: fixedClock,
      generateId: () => '3f2b8c1e-5d4a-4e7b-9c6f-1a2b3c4d5e6f',
      generateSalt: () => '8d1f0c2a9b7e4f3a',
    })
    expect(blocks).toEqual([issuer, mc, assertion])
    for (const b of blocks) expect(validate(b).problems).toEqual([])
  })
})
