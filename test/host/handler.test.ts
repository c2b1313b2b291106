import { describe, expect, it } from 'vitest'
import { createBadgeHost } from '../../src/host/handler.js'
import { createMemoryStore } from '../../src/host/memory-store.js'
import type { BadgeStore } from '../../src/host/store.js'
import { assertion, fixtureEntries } from './fixtures.js'

const req = (url: string, init: RequestInit = {}) => new Request(url, init)

describe('createBadgeHost (called directly, as a framework would)', () => {
  it('routes under a base path and ignores the request origin', async () => {
    const host = createBadgeHost({ store: createMemoryStore(fixtureEntries()), baseUrl: 'https://badges.example.org/mc/' })
    expect((await host(req('http://127.0.0.1:9/mc/assertions/a1.json'))).status).toBe(200)
    expect((await host(req('http://127.0.0.1:9/assertions/a1.json'))).status).toBe(404)
  })

  it('refuses encoded separators that survive URL parsing', async () => {
    const host = createBadgeHost({ store: createMemoryStore(fixtureEntries()), baseUrl: 'https://b.example/' })
    for (const path of ['/assertions/..%2fkeys%2f1.json', '/assertions%5c..%5ckeys', '/a%00.json', '/.omc/x']) {
      const res = await host(req(`https://b.example${path}`))
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({ code: 'HOST_PATH_REFUSED' })
    }
  })

  it('answers 500 with a JSON body when the store fails, without leaking the error', async () => {
    const broken: BadgeStore = {
      ...createMemoryStore(),
      get: () => Promise.reject(new Error('disk on fire at /secret/path')),
    }
    const res = await createBadgeHost({ store: broken, baseUrl: 'https://b.example/' })(req('https://b.example/a.json'))
    expect(res.status).toBe(500)
    const body = await res.text()
    expect(JSON.parse(body)).toMatchObject({ code: 'HOST_STORE_IO' })
    expect(body).not.toContain('secret')
  })

  it('serves JSON to browsers when HTML pages are disabled', async () => {
    const host = createBadgeHost({ store: createMemoryStore(fixtureEntries()), baseUrl: 'https://b.example/', html: false })
    const res = await host(req('https://b.example/assertions/a1.json', { headers: { accept: 'text/html' } }))
    expect(res.headers.get('content-type')).toBe('application/ld+json')
    expect(await res.json()).toEqual(assertion)
  })

  it('can omit CORS and serve extra fixed documents', async () => {
    const host = createBadgeHost({
      store: createMemoryStore(),
      baseUrl: 'https://b.example/',
      cors: false,
      documents: [{ path: '/ctx/v1.jsonld', contentType: 'application/ld+json', document: { '@context': { a: 'b' } } }],
    })
    const res = await host(req('https://b.example/ctx/v1.jsonld', { headers: { accept: 'application/json' } }))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json')
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    expect(res.headers.get('cache-control')).toContain('max-age=86400')
  })

  it('marks an assertion past its expiry date as expired on its page, by the injected clock', async () => {
    const store = createMemoryStore({ ...fixtureEntries(), 'assertions/a1.json': JSON.stringify({ ...assertion, expires: '2026-06-01T00:00:00Z' }) })
    const at = (iso: string) =>
      createBadgeHost({ store, baseUrl: 'https://badges.example.org/', now: () => new Date(iso) })(
        req('https://badges.example.org/assertions/a1.json', { headers: { accept: 'text/html' } }),
      ).then((r) => r.text())
    expect(await at('2026-07-01T00:00:00Z')).toContain('class="status expired"')
    expect(await at('2026-05-01T00:00:00Z')).toContain('class="status active"')
  })

  it('refuses a base URL that is not http(s)', () => {
    expect(() => createBadgeHost({ store: createMemoryStore(), baseUrl: 'file:///tmp/' })).toThrow(
      expect.objectContaining({ code: 'HOST_INVALID_BASE_URL' }),
    )
  })
})
