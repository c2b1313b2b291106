import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createDocumentLoader, expandDocument, OB_V2_CONTEXT } from '../../src/jsonld/index.js'
import { readSpecExamples, sharedAvailable, sharedSpecDir } from './spec-examples.js'

if (!sharedAvailable) console.warn(`[skip] ${sharedSpecDir} is absent: the spec-example expansion tests are skipped`)

describe.skipIf(!sharedAvailable)('every example of the OB 2.0 spec expands identically with the bundled and the published v2 context', () => {
  beforeAll(() => {
    vi.stubGlobal('fetch', () => {
      throw new Error('network access in a test')
    })
  })
  afterAll(() => {
    vi.unstubAllGlobals()
  })

  const examples = sharedAvailable ? readSpecExamples() : []
  const published = sharedAvailable
    ? (JSON.parse(readFileSync(`${sharedSpecDir}v2/context.json`, 'utf8')) as { '@context': Record<string, unknown> })
    : { '@context': {} }
  // jsonld caches resolved remote contexts by URL across calls, so the published context is inlined in
  // place of the v2 URL: the reference expansion can only use the published term definitions.
  const withPublishedContext = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(withPublishedContext)
    if (value === null || typeof value !== 'object') return value
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => {
        if (k !== '@context') return [k, withPublishedContext(v)]
        const list = (Array.isArray(v) ? v : [v]).map((c) => (c === OB_V2_CONTEXT ? published['@context'] : c))
        return [k, Array.isArray(v) ? list : list[0]]
      }),
    )
  }
  const noNetworkLoader = createDocumentLoader({
    fallback: async (url) => {
      throw new Error(`not available: ${url}`)
    },
  })

  it('found the examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(20)
  })

  for (const example of examples) {
    const label = `example #${example.index} (examples/index.md line ${example.line})${example.repaired.length ? ` [repaired: ${example.repaired.join(', ')}]` : ''}`
    it(label, async () => {
      const bundled = await expandDocument(example.json)
      const reference = await expandDocument(withPublishedContext(example.json), { documentLoader: noNetworkLoader })
      expect(bundled).toEqual(reference)
      if (typeof example.json === 'object' && example.json !== null && '@context' in example.json) {
        expect(bundled.length).toBeGreaterThan(0)
      }
    })
  }
})
