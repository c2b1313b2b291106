import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  bundledContexts,
  bundledSchemas,
  contextUrls,
  createDocumentLoader,
  documentLoader,
  expandDocument,
  isBundled,
  MC_CONTEXT_URL,
  MC_RESULT_SCHEMA_URL,
  MC_SCHEMA_URL,
  OB_V1_CONTEXT,
  OB_V2_CONTEXT,
  OB_V2_CONTEXT_ALT,
  projectDocuments,
  usesOnlyBundledContexts,
} from '../../src/jsonld/index.js'
import { sharedAvailable, sharedSpecDir } from './spec-examples.js'

beforeEach(() => {
  vi.stubGlobal('fetch', () => {
    throw new Error('network access in a test')
  })
})
afterEach(() => {
  vi.unstubAllGlobals()
})

describe('documentLoader', () => {
  it('answers the OB v2 context under both of its URLs, with the same content', async () => {
    const a = await documentLoader(OB_V2_CONTEXT)
    const b = await documentLoader(OB_V2_CONTEXT_ALT)
    expect(a.document).toEqual(b.document)
    expect(a.documentUrl).toBe(OB_V2_CONTEXT)
  })

  it('refuses an unknown URL with JSONLD_CONTEXT_NOT_BUNDLED and never fetches', async () => {
    await expect(documentLoader('https://example.org/context.json')).rejects.toMatchObject({ code: 'JSONLD_CONTEXT_NOT_BUNDLED' })
  })

  it('hands out copies: changing a loaded document leaves the bundle intact', async () => {
    const loaded = await documentLoader(OB_V2_CONTEXT)
    ;(loaded.document['@context'] as Record<string, unknown>).name = 'tampered'
    const again = await documentLoader(OB_V2_CONTEXT)
    expect((again.document['@context'] as Record<string, unknown>).name).toEqual({ '@id': 'schema:name' })
    expect(Object.isFrozen(bundledContexts[OB_V2_CONTEXT])).toBe(true)
  })

  it('ignores a fragment in the URL', async () => {
    expect((await documentLoader(`${MC_CONTEXT_URL}#x`)).document).toEqual(bundledContexts[MC_CONTEXT_URL])
  })

  it('createDocumentLoader: caller documents first, then bundle, then fallback', async () => {
    const fallback = vi.fn(async (url: string) => ({ documentUrl: url, document: { '@context': { z: 'https://z.example/z' } } }))
    const loader = createDocumentLoader({ documents: { 'https://x.example/ctx': { '@context': { x: 'https://x.example/x' } } }, fallback })
    expect((await loader('https://x.example/ctx')).document).toEqual({ '@context': { x: 'https://x.example/x' } })
    expect((await loader(OB_V2_CONTEXT)).document).toEqual(bundledContexts[OB_V2_CONTEXT])
    expect(fallback).not.toHaveBeenCalled()
    await loader('https://z.example/ctx')
    expect(fallback).toHaveBeenCalledWith('https://z.example/ctx')
  })

  it('a prototype key is not a bundled document', async () => {
    await expect(documentLoader('constructor')).rejects.toMatchObject({ code: 'JSONLD_CONTEXT_NOT_BUNDLED' })
    expect(isBundled('__proto__')).toBe(false)
  })
})

describe('expandDocument', () => {
  it('expands a v1.1 document through the v1 and legacy-v1 contexts offline', async () => {
    const expanded = await expandDocument({ '@context': OB_V1_CONTEXT, type: 'Assertion', uid: 'abc', issuedOn: '2016-01-01T00:00:00Z' })
    expect(expanded[0]?.['@type']).toEqual(['https://w3id.org/openbadges#Assertion'])
    expect(expanded[0]?.['https://w3id.org/openbadges#uid']).toEqual([{ '@value': 'abc' }])
  })

  it('reports an unbundled context with JSONLD_CONTEXT_NOT_BUNDLED', async () => {
    await expect(expandDocument({ '@context': 'https://evil.example/ctx', name: 'x' })).rejects.toMatchObject({
      code: 'JSONLD_CONTEXT_NOT_BUNDLED',
    })
  })

  it('reports invalid JSON-LD with JSONLD_EXPANSION_FAILED', async () => {
    await expect(expandDocument({ '@context': 42, name: 'x' })).rejects.toMatchObject({ code: 'JSONLD_EXPANSION_FAILED' })
  })

  it('expands the MC extension context terms to this project vocabulary', async () => {
    const expanded = await expandDocument({
      '@context': OB_V2_CONTEXT,
      id: 'https://example.org/badges/1',
      type: 'BadgeClass',
      'extensions:MicroCredentialExtension': {
        '@context': MC_CONTEXT_URL,
        type: ['Extension', 'extensions:MicroCredentialExtension'],
        keyMethod: 'Plan lessons',
        stacks: [{ id: 'https://example.org/stacks/1', name: 'Stack', position: 2 }],
      },
    })
    const ext = (expanded[0]?.['https://w3id.org/openbadges/extensions#MicroCredentialExtension'] as Record<string, unknown>[])[0]
    expect(ext?.['@type']).toEqual(['https://w3id.org/openbadges#Extension', 'https://w3id.org/openbadges/extensions#MicroCredentialExtension'])
    expect(ext?.['https://w3id.org/openmicrocredentials/vocab#keyMethod']).toEqual([{ '@value': 'Plan lessons' }])
    const stack = (ext?.['https://w3id.org/openmicrocredentials/vocab#stackMembership'] as Record<string, unknown>[])[0]
    expect(stack?.['@id']).toBe('https://example.org/stacks/1')
  })
})

describe('context inventory', () => {
  it('lists context URLs, nested ones included, and knows which are bundled', () => {
    const doc = { '@context': [OB_V2_CONTEXT, { foo: 'https://x/foo' }], ext: { '@context': MC_CONTEXT_URL } }
    expect(contextUrls(doc).sort()).toEqual([MC_CONTEXT_URL, OB_V2_CONTEXT].sort())
    expect(usesOnlyBundledContexts(doc)).toBe(true)
    expect(usesOnlyBundledContexts({ '@context': 'https://other.example/ctx' })).toBe(false)
  })

  it('projectDocuments: this project context and both schemas, served under their IRI paths', () => {
    expect(projectDocuments.map((d) => d.url).sort()).toEqual([MC_CONTEXT_URL, MC_RESULT_SCHEMA_URL, MC_SCHEMA_URL].sort())
    for (const d of projectDocuments) {
      expect(new URL(d.url).pathname).toBe(d.path)
      expect(d.document).toBe(bundledContexts[d.url] ?? bundledSchemas[d.url])
    }
  })
})

describe.skipIf(!sharedAvailable)('bundled documents match the specification files', () => {
  const read = (p: string) => JSON.parse(readFileSync(`${sharedSpecDir}${p}`, 'utf8')) as unknown
  it('v2 context', () => expect(bundledContexts[OB_V2_CONTEXT]).toEqual(read('v2/context.json')))
  it('v1 context and legacy-v1', () => {
    expect(bundledContexts[OB_V1_CONTEXT]).toEqual(read('v1/context.json'))
    expect(bundledContexts['https://w3id.org/openbadges/legacy-v1']).toEqual(read('v1/legacy-v1.json'))
  })
  it('assessment extension context and schema', () => {
    expect(bundledContexts['https://openbadgespec.org/extensions/assessmentExtension/context.json']).toEqual(
      read('extensions/assessmentExtension/context.json'),
    )
    expect(bundledSchemas['http://purl.imsglobal.org/spec/ob-assessment/v1p0/schema/']).toEqual(read('extensions/assessmentExtension/schema.json'))
  })
})
