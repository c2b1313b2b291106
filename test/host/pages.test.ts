import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createBadgeHost } from '../../src/host/handler.js'
import { createMemoryStore } from '../../src/host/memory-store.js'
import { publishDocument } from '../../src/host/publish.js'
import { defineIssuer, defineMicroCredential, issueAssertion } from '../../src/issue/index.js'

const example = (name: string) => JSON.parse(readFileSync(new URL(`../../examples/complete-mc/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>
const BASE = 'https://mc.example.org/'

type Doc = Record<string, unknown>

/** The HTML page of an assertion issued from the complete example; `tamper` edits the stored documents. */
async function pageFor(tamper: (badgeClass: Doc, assertion: Doc) => void = () => undefined) {
  const issuer = defineIssuer(example('issuer.json') as never)
  const badgeClass = defineMicroCredential(issuer, example('mc.json') as never)
  const results = example('results.json')
  const assertion = issueAssertion(
    badgeClass,
    { recipient: 'jrivera@school.example', evidence: example('evidence.json') as never, ...results } as never,
    { now: () => new Date('2026-01-15T12:00:00Z') },
  )
  tamper(badgeClass as Doc, assertion as Doc)
  const store = createMemoryStore()
  for (const doc of [issuer, badgeClass, assertion]) await publishDocument(store, BASE, doc)
  const host = createBadgeHost({ store, baseUrl: BASE, now: () => new Date('2026-02-01T00:00:00Z') })
  const res = await host(new Request(assertion.id, { headers: { accept: 'text/html' } }))
  expect(res.status).toBe(200)
  return res.text()
}

describe('pages for micro-credentials issued by this library', () => {
  it('show the rubric results, assessors, research basis, resources, stacks and renewal', async () => {
    const html = await pageFor()
    expect(html).toContain('<caption>Rubric results</caption>')
    expect(html).toMatch(/<th scope="row">Modeling<\/th><td>Exemplary<\/td><td>4 of 4<\/td><td>Clear first-person modeling/)
    expect(html).toContain('Dana Okafor')
    expect(html).toContain('<h3>Research basis</h3>')
    expect(html).toContain('href="https://doi.org/10.3102/00346543067003271"')
    expect(html).toContain('<h3>Support resources</h3>')
    expect(html).toContain('<h3>Stacks</h3>')
    expect(html).toContain('<dt>Renewal credits</dt>')
    expect(html).toContain('Lesson plan: The Name Jar') // evidence
    expect(html).toContain('<h1 id="title">Modeling Comprehension Through Think-Alouds</h1>')
  })

  it('escape hostile values inside the extensions (documents edited after building, as a hostile store could hold them)', async () => {
    const html = await pageFor((badgeClass, assertion) => {
      badgeClass.name = '<img src=x onerror=alert(3)>'
      const mc = badgeClass['extensions:MicroCredentialExtension'] as Doc
      mc.researchBasis = [{ citation: '<script>alert(1)</script>', url: 'javascript:alert(2)', doi: '"><script>' }]
      const results = assertion['extensions:MicroCredentialResultExtension'] as Doc
      results.rubricResults = [{ criterion: 'x', name: '<b>n</b>', score: 3, feedback: '</td><script>alert(4)</script>' }]
      results.assessors = [{ name: '<i>a</i>', url: 'javascript:alert(5)' }]
    })
    expect(html).not.toMatch(/<script|<img src=x|href="javascript:|<b>n|<i>a/i)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('&lt;/td&gt;&lt;script&gt;alert(4)&lt;/script&gt;')
    expect(html).toContain('<h1 id="title">&lt;img src=x onerror=alert(3)&gt;</h1>')
  })
})
