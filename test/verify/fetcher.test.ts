import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Fetcher, contentTypeAllowed } from '../../src/verify/fetcher.js'
import { createVerifyCache } from '../../src/verify/cache.js'
import { json, mapFetch } from './helpers.js'

const DOC = { '@context': 'https://w3id.org/openbadges/v2', id: 'https://example.org/a', type: 'Assertion' }

describe('Fetcher: URL policy (nothing is requested)', () => {
  it.each([
    ['file:///etc/passwd', 'FETCH_SCHEME_NOT_ALLOWED'],
    ['ftp://example.org/x', 'FETCH_SCHEME_NOT_ALLOWED'],
    ['data:application/json,{}', 'FETCH_SCHEME_NOT_ALLOWED'],
    ['javascript:alert(1)', 'FETCH_SCHEME_NOT_ALLOWED'],
    ['not a url', 'FETCH_INVALID_URL'],
    ['https://user:pass@example.org/', 'FETCH_INVALID_URL'],
    ['http://127.0.0.1/', 'FETCH_ADDRESS_REFUSED'],
    ['http://127.1/', 'FETCH_ADDRESS_REFUSED'],
    ['http://2130706433/', 'FETCH_ADDRESS_REFUSED'],
    ['http://0x7f.0.0.1/', 'FETCH_ADDRESS_REFUSED'],
    ['http://0177.0.0.1/', 'FETCH_ADDRESS_REFUSED'],
    ['http://169.254.169.254/latest/meta-data/', 'FETCH_ADDRESS_REFUSED'],
    ['http://10.0.0.5:8080/', 'FETCH_ADDRESS_REFUSED'],
    ['http://192.168.0.1/', 'FETCH_ADDRESS_REFUSED'],
    ['http://0.0.0.0/', 'FETCH_ADDRESS_REFUSED'],
    ['http://[::1]/', 'FETCH_ADDRESS_REFUSED'],
    ['http://[::]/', 'FETCH_ADDRESS_REFUSED'],
    ['http://[::ffff:127.0.0.1]/', 'FETCH_ADDRESS_REFUSED'],
    ['http://[::ffff:169.254.169.254]/', 'FETCH_ADDRESS_REFUSED'],
    ['http://[fd00::1]/', 'FETCH_ADDRESS_REFUSED'],
    ['http://[fe80::1]/', 'FETCH_ADDRESS_REFUSED'],
    ['http://[ff02::1]/', 'FETCH_ADDRESS_REFUSED'],
    ['http://localhost/', 'FETCH_ADDRESS_REFUSED'],
    ['http://LocalHost./', 'FETCH_ADDRESS_REFUSED'],
    ['http://admin.localhost:3000/', 'FETCH_ADDRESS_REFUSED'],
  ])('%s → %s', async (url, code) => {
    const { fetch, calls } = mapFetch({ [url]: json(DOC) })
    const result = await new Fetcher({ fetch }).get(url, 'json')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe(code)
    expect(calls).toEqual([])
  })

  it('allowPrivateNetwork lets loopback through', async () => {
    const { fetch, calls } = mapFetch({ 'http://127.0.0.1/a': json(DOC) })
    const result = await new Fetcher({ fetch, allowPrivateNetwork: true }).get('http://127.0.0.1/a', 'json')
    expect(result.ok).toBe(true)
    expect(calls).toEqual(['http://127.0.0.1/a'])
  })

  it('refuses a host that resolves to a private address (injected resolver) without requesting it', async () => {
    const { fetch, calls } = mapFetch({ 'https://rebind.example/a': json(DOC) })
    const fetcher = new Fetcher({ fetch, resolveHost: async () => ['93.184.216.34', '10.0.0.7'] })
    const result = await fetcher.get('https://rebind.example/a', 'json')
    expect(!result.ok && result.error.code).toBe('FETCH_ADDRESS_REFUSED')
    expect(calls).toEqual([])
  })

  it('requests a host whose addresses are all global', async () => {
    const { fetch, calls } = mapFetch({ 'https://ok.example/a': json(DOC) })
    const fetcher = new Fetcher({ fetch, resolveHost: async () => ['93.184.216.34', '2606:4700::1111'] })
    expect((await fetcher.get('https://ok.example/a', 'json')).ok).toBe(true)
    expect(calls).toEqual(['https://ok.example/a'])
  })

  it('reports a resolver failure as FETCH_DNS_FAILED', async () => {
    const { fetch } = mapFetch({})
    const fetcher = new Fetcher({ fetch, resolveHost: async () => Promise.reject(new Error('ENOTFOUND')) })
    const result = await fetcher.get('https://nowhere.example/a', 'json')
    expect(!result.ok && result.error.code).toBe('FETCH_DNS_FAILED')
  })
})

describe('Fetcher: redirects', () => {
  const redirect = (to: string, status = 302) => ({ status, headers: { location: to } })

  it.each([
    'http://127.0.0.1/admin',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]/',
    'http://localhost:8080/',
    'file:///etc/passwd',
    '//127.0.0.1/x',
  ])('a redirect to %s is refused and never requested', async (target) => {
    const { fetch, calls } = mapFetch({ 'https://evil.example/badge': redirect(target) })
    const result = await new Fetcher({ fetch }).get('https://evil.example/badge', 'json')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(['FETCH_ADDRESS_REFUSED', 'FETCH_SCHEME_NOT_ALLOWED']).toContain(result.error.code)
    expect(calls).toEqual(['https://evil.example/badge'])
  })

  it('follows up to 5 redirects, re-checking each hop, and refuses the 6th', async () => {
    const routes: Record<string, ReturnType<typeof redirect> | ReturnType<typeof json>> = {}
    for (let i = 0; i < 6; i++) routes[`https://a.example/${i}`] = redirect(`/${i + 1}`, i % 2 ? 301 : 307)
    routes['https://a.example/6'] = json(DOC)
    routes['https://a.example/x5'] = redirect('/1')
    const { fetch, calls } = mapFetch(routes)
    const tooMany = await new Fetcher({ fetch }).get('https://a.example/0', 'json')
    expect(!tooMany.ok && tooMany.error.code).toBe('FETCH_TOO_MANY_REDIRECTS')
    expect(calls).toHaveLength(6)
    const five = await new Fetcher({ fetch }).get('https://a.example/1', 'json')
    expect(five.ok).toBe(true)
    if (five.ok) {
      expect(five.resource.url).toBe('https://a.example/1')
      expect(five.resource.finalUrl).toBe('https://a.example/6')
    }
  })

  it('a fetch that follows redirects itself is judged by where it landed', async () => {
    const calls: string[] = []
    const fetch = async (url: string) => {
      calls.push(url)
      const response = new Response(JSON.stringify(DOC), { headers: { 'content-type': 'application/json' } })
      Object.defineProperty(response, 'redirected', { value: true })
      Object.defineProperty(response, 'url', { value: 'http://169.254.169.254/latest/meta-data/' })
      return response
    }
    const result = await new Fetcher({ fetch }).get('https://a.example/auto', 'json')
    expect(!result.ok && result.error.code).toBe('FETCH_ADDRESS_REFUSED')
  })

  it('a redirect without Location is invalid', async () => {
    const { fetch } = mapFetch({ 'https://a.example/r': { status: 302 } })
    const result = await new Fetcher({ fetch }).get('https://a.example/r', 'json')
    expect(!result.ok && result.error.code).toBe('FETCH_REDIRECT_INVALID')
  })
})

describe('Fetcher: limits', () => {
  it('stops a fetch that never answers (and ignores its signal) at the deadline', async () => {
    const fetch = () => new Promise<Response>(() => undefined)
    const result = await new Fetcher({ fetch, timeoutMs: 50 }).get('https://slow.example/a', 'json')
    expect(!result.ok && result.error.code).toBe('FETCH_TIMEOUT')
  })

  it('stops a body that never ends at the deadline', async () => {
    const fetch = async () =>
      new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{')) }), {
        headers: { 'content-type': 'application/json' },
      })
    const result = await new Fetcher({ fetch, timeoutMs: 50 }).get('https://slow.example/b', 'json')
    expect(!result.ok && result.error.code).toBe('FETCH_TIMEOUT')
  })

  it('stops an endless body at the byte cap', async () => {
    let pulled = 0
    const fetch = async () =>
      new Response(
        new ReadableStream({
          pull: (c) => {
            pulled++
            c.enqueue(new Uint8Array(64 * 1024).fill(0x20))
          },
        }),
        { headers: { 'content-type': 'application/json' } },
      )
    const result = await new Fetcher({ fetch, maxBytes: 256 * 1024 }).get('https://big.example/a', 'json')
    expect(!result.ok && result.error.code).toBe('FETCH_TOO_LARGE')
    expect(pulled).toBeLessThan(10)
  })

  it('refuses a declared Content-Length over the cap without reading', async () => {
    const { fetch } = mapFetch({ 'https://big.example/b': { contentType: 'application/json', body: '{}', headers: { 'content-length': '999999999' } } })
    const result = await new Fetcher({ fetch }).get('https://big.example/b', 'json')
    expect(!result.ok && result.error.code).toBe('FETCH_TOO_LARGE')
  })

  it('checks the content type per expected kind', async () => {
    const { fetch } = mapFetch({
      'https://a.example/html': { contentType: 'text/html', body: '<html>' },
      'https://a.example/img': { contentType: 'image/jpeg', body: 'x' },
    })
    const fetcher = new Fetcher({ fetch })
    const html = await fetcher.get('https://a.example/html', 'json')
    expect(!html.ok && html.error.code).toBe('FETCH_CONTENT_TYPE')
    const img = await fetcher.get('https://a.example/img', 'image')
    expect(!img.ok && img.error.code).toBe('FETCH_CONTENT_TYPE')
    expect(contentTypeAllowed('application/ld+json; charset=utf-8', 'json')).toBe(true)
    expect(contentTypeAllowed('application/activity+json', 'json')).toBe(true)
    expect(contentTypeAllowed('image/svg+xml', 'image')).toBe(true)
    expect(contentTypeAllowed('', 'json')).toBe(false)
  })

  it('keeps status and body of an HTTP error (a 410 may say why)', async () => {
    const { fetch } = mapFetch({ 'https://a.example/gone': json({ id: 'https://a.example/gone', revoked: true }, 410) })
    const result = await new Fetcher({ fetch }).get('https://a.example/gone', 'json')
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('FETCH_HTTP_ERROR')
      expect(result.error.status).toBe(410)
      expect(JSON.parse(new TextDecoder().decode(result.error.body))).toMatchObject({ revoked: true })
    }
  })

  it('an unreachable host is FETCH_UNREACHABLE', async () => {
    const { fetch } = mapFetch({})
    const result = await new Fetcher({ fetch }).get('https://gone.example/a', 'json')
    expect(!result.ok && result.error.code).toBe('FETCH_UNREACHABLE')
  })
})

describe('Fetcher: caching and the document cap', () => {
  it('fetches each URL once per verification, concurrent callers included', async () => {
    const { fetch, calls } = mapFetch({ 'https://a.example/doc': json(DOC) })
    const fetcher = new Fetcher({ fetch })
    const [a, b] = await Promise.all([fetcher.get('https://a.example/doc', 'json'), fetcher.get('https://a.example/doc', 'json')])
    await fetcher.get('https://a.example/doc', 'json')
    expect(a.ok && b.ok).toBe(true)
    expect(calls).toEqual(['https://a.example/doc'])
  })

  it('refuses documents beyond maxDocuments without requesting them', async () => {
    const { fetch, calls } = mapFetch({ 'https://a.example/1': json(DOC), 'https://a.example/2': json(DOC), 'https://a.example/3': json(DOC) })
    const fetcher = new Fetcher({ fetch, maxDocuments: 2 })
    await fetcher.get('https://a.example/1', 'json')
    await fetcher.get('https://a.example/2', 'json')
    const third = await fetcher.get('https://a.example/3', 'json')
    expect(!third.ok && third.error.code).toBe('FETCH_DOCUMENT_LIMIT')
    expect(calls).toEqual(['https://a.example/1', 'https://a.example/2'])
  })

  it('a shared cache serves later verifications, separately for the private-network policy', async () => {
    const { fetch, calls } = mapFetch({ 'https://a.example/doc': json(DOC) })
    const cache = createVerifyCache()
    await new Fetcher({ fetch }, cache.documents).get('https://a.example/doc', 'json')
    const again = await new Fetcher({ fetch }, cache.documents).get('https://a.example/doc', 'json')
    expect(again.ok).toBe(true)
    expect(calls).toHaveLength(1)
    await new Fetcher({ fetch, allowPrivateNetwork: true }, cache.documents).get('https://a.example/doc', 'json')
    expect(calls).toHaveLength(2)
  })
})

describe('Fetcher: the default (global) fetch against a real server on 127.0.0.1', () => {
  let server: Server
  let port = 0
  let hits = 0
  beforeAll(async () => {
    server = createServer((req, res) => {
      hits++
      res.writeHead(200, { 'content-type': 'application/ld+json' })
      res.end(JSON.stringify(DOC))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.address() as AddressInfo).port
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('refuses 127.0.0.1 and localhost by default: the server sees no request', async () => {
    const fetcher = new Fetcher()
    const a = await fetcher.get(`http://127.0.0.1:${port}/a`, 'json')
    const b = await fetcher.get(`http://localhost:${port}/b`, 'json')
    expect(!a.ok && a.error.code).toBe('FETCH_ADDRESS_REFUSED')
    expect(!b.ok && b.error.code).toBe('FETCH_ADDRESS_REFUSED')
    expect(hits).toBe(0)
  })

  it('fetches it with allowPrivateNetwork', async () => {
    const result = await new Fetcher({ allowPrivateNetwork: true }).get(`http://127.0.0.1:${port}/a`, 'json')
    expect(result.ok).toBe(true)
    expect(hits).toBe(1)
  })
})
