import { mkdtempSync, rmSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { projectDocuments } from '../../src/jsonld/index.js'
import { createBadgeHost } from '../../src/host/handler.js'
import { createFsStore, type FsBadgeStore } from '../../src/host/fs-store.js'
import { listen, type RunningServer } from '../../src/host/node.js'
import { BASE, PNG, SVG, assertion, badgeClass, fixtureEntries, issuer, key, revocationList } from './fixtures.js'

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8'

let dir: string
let store: FsBadgeStore
let running: RunningServer

/** A GET with the path sent exactly as given (fetch would normalise `..` away). */
function raw(path: string, method = 'GET', headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: running.port, path, method, headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
    })
    req.on('error', reject)
    req.end()
  })
}

function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Response> {
  return fetch(new URL(path, running.url), { headers, method })
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'omc-host-'))
  store = createFsStore(dir, { durable: false })
  for (const [k, v] of Object.entries(fixtureEntries())) await store.put(k, v)
  running = await listen(createBadgeHost({ store, baseUrl: BASE, now: () => new Date('2026-02-01T00:00:00Z') }))
})

afterAll(async () => {
  await running.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('badge host on node:http: every document type', () => {
  const docs: Array<[string, string, { id: string }]> = [
    ['issuer Profile', 'issuers/main.json', issuer],
    ['BadgeClass', 'badges/questioning.json', badgeClass],
    ['Assertion', 'assertions/a1.json', assertion],
    ['CryptographicKey', 'keys/1.json', key],
    ['RevocationList', 'revocations/main.json', revocationList],
  ]
  it.each(docs)('serves the %s as application/ld+json by default', async (_name, path, doc) => {
    const res = await get(path)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/ld+json')
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('vary')).toBe('Accept')
    expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]+-ldjson"$/)
    expect(res.headers.get('cache-control')).toContain('no-cache')
    expect(await res.json()).toEqual(doc)
  })

  it('serves extensionless ids from their .json file', async () => {
    const res = await get('assertions/a1')
    expect(res.status).toBe(200)
    expect((await res.json()).id).toBe(assertion.id)
  })

  it.each([
    ['images/questioning.png', 'image/png', PNG.byteLength],
    ['assertions/a1.png', 'image/png', PNG.byteLength],
    ['images/questioning.svg', 'image/svg+xml', Buffer.byteLength(SVG)],
  ])('serves the image %s as %s', async (path, type, length) => {
    const res = await get(path, { accept: BROWSER_ACCEPT })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe(type)
    expect(res.headers.get('vary')).toBeNull()
    expect(res.headers.get('content-security-policy')).toContain('sandbox')
    expect(new Uint8Array(await res.arrayBuffer()).byteLength).toBe(length)
  })

  it.each(projectDocuments.map((d) => [d.path, d.contentType, d.document] as const))(
    "serves this project's document %s",
    async (path, contentType, document) => {
      const res = await get(path.replace(/^\//, ''))
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe(contentType)
      expect(await res.json()).toEqual(document)
    },
  )
})

describe('content negotiation', () => {
  const cases: Array<[string | undefined, string]> = [
    [undefined, 'application/ld+json'],
    ['', 'application/ld+json'],
    ['*/*', 'application/ld+json'],
    ['application/ld+json', 'application/ld+json'],
    ['application/json', 'application/json'],
    ['application/json, application/ld+json', 'application/ld+json'],
    ['application/ld+json;q=0.5, application/json', 'application/json'],
    ['application/ld+json;q=0, application/json;q=0.1', 'application/json'],
    ['application/*', 'application/ld+json'],
    ['application/json, */*;q=0.1', 'application/json'],
    ['text/html', 'text/html; charset=utf-8'],
    [BROWSER_ACCEPT, 'text/html; charset=utf-8'],
    ['application/xhtml+xml', 'text/html; charset=utf-8'],
    ['text/html;q=0.5, application/ld+json', 'application/ld+json'],
    ['text/html, application/ld+json', 'application/ld+json'],
    ['image/png', 'application/ld+json'],
    ['garbage;;;', 'application/ld+json'],
  ]
  it.each(cases)('Accept %j → %s', async (accept, expected) => {
    const res = await get('assertions/a1.json', accept === undefined ? {} : { accept })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe(expected)
    const body = await res.text()
    if (expected.startsWith('text/html')) expect(body).toMatch(/^<!doctype html>/)
    else expect(JSON.parse(body)).toEqual(assertion)
  })

  it.each([
    ['json', 'application/json'],
    ['jsonld', 'application/ld+json'],
    ['html', 'text/html; charset=utf-8'],
  ])('?format=%s overrides Accept', async (format, expected) => {
    const res = await get(`assertions/a1.json?format=${format}`, { accept: BROWSER_ACCEPT })
    expect(res.headers.get('content-type')).toBe(expected)
  })

  it('gives different ETags to different representations of one document', async () => {
    const tags = new Set<string | null>()
    for (const accept of ['application/ld+json', 'application/json', 'text/html']) {
      tags.add((await get('assertions/a1.json', { accept })).headers.get('etag'))
    }
    expect(tags.size).toBe(3)
  })
})

describe('HTML pages', () => {
  it('shows an assertion with everything a person needs, semantically', async () => {
    const res = await get('assertions/a1.json', { accept: BROWSER_ACCEPT })
    const html = await res.text()
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(html).toContain('<html lang="en">')
    expect(html).toContain('<h1 id="title">Questioning Strategies</h1>')
    expect(html).toContain(`<img src="${badgeClass.image}" alt="Badge image for Questioning Strategies">`)
    expect(html).toContain('higher-order questions') // competency
    expect(html).toContain('InTASC Standard 8') // alignment
    expect(html).toContain('Submit a lesson video') // criteria
    expect(html).toContain('<caption>Questioning rubric</caption>') // rubric
    expect(html).toContain('Asks open-ended questions')
    expect(html).toContain('Lesson video') // evidence
    expect(html).toContain('Example Teacher Academy') // issuer, resolved from the store
    expect(html).toContain('<time datetime="2026-01-10T09:00:00Z">') // dates
    expect(html).toContain('Active: not revoked, not expired') // status
    expect(html).toContain('href="/assertions/a1.json?format=jsonld"') // link to the JSON
    expect(html).toContain(`href="${BASE}assertions/a1.png" download`) // the baked image
    expect(html).not.toMatch(/<script/i)
  })

  it('shows a BadgeClass and an issuer page', async () => {
    const bc = await (await get('badges/questioning.json', { accept: 'text/html' })).text()
    expect(bc).toContain('<h1 id="title">Questioning Strategies</h1>')
    expect(bc).toContain('Example Teacher Academy')
    const is = await (await get('issuers/main.json', { accept: 'text/html' })).text()
    expect(is).toContain('<h1 id="title">Example Teacher Academy</h1>')
    expect(is).toContain(`href="${revocationList.id}"`)
  })

  it('escapes every value: a badge named <script> renders as text', async () => {
    const evil = '<script>alert("x")</script>'
    await store.put(
      'badges/evil.json',
      JSON.stringify({
        ...badgeClass,
        id: `${BASE}badges/evil.json`,
        name: evil,
        description: `<img src=x onerror=alert(1)>`,
        criteria: { id: 'javascript:alert(1)', narrative: '"><script>x</script>' },
        alignment: [{ targetName: '</li><script>', targetUrl: 'javascript:alert(2)' }],
        'extensions:Evil': { type: ['Extension'], note: '<b onmouseover=alert(3)>' },
      }),
    )
    await store.put(
      'assertions/evil.json',
      JSON.stringify({
        ...assertion,
        id: `${BASE}assertions/evil.json`,
        badge: `${BASE}badges/evil.json`,
        image: 'javascript:alert(4)',
        evidence: [{ id: 'javascript:alert(5)', name: '<script>ev</script>', narrative: '<iframe>' }],
      }),
    )
    for (const path of ['assertions/evil.json', 'badges/evil.json']) {
      const html = await (await get(path, { accept: 'text/html' })).text()
      expect(html).not.toMatch(/<script/i)
      expect(html).not.toMatch(/<img src=x/i)
      expect(html).not.toMatch(/<iframe/i)
      expect(html).not.toMatch(/<b onmouseover/i)
      expect(html).not.toContain('href="javascript:')
      expect(html).not.toContain('src="javascript:')
    }
    const html = await (await get('assertions/evil.json', { accept: 'text/html' })).text()
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })
})

describe('revocation', () => {
  it('answers 410 Gone with {id, revoked: true, revocationReason} once revoked', async () => {
    await store.put('assertions/r1.json', JSON.stringify({ ...assertion, id: `${BASE}assertions/r1.json` }))
    expect((await get('assertions/r1.json')).status).toBe(200)
    await store.revoke('assertions/r1.json', 'Issued in error')
    for (const [accept, type] of [
      [undefined, 'application/ld+json'],
      ['application/json', 'application/json'],
    ] as const) {
      const res = await get('assertions/r1.json', accept ? { accept } : {})
      expect(res.status).toBe(410)
      expect(res.headers.get('content-type')).toBe(type)
      expect(res.headers.get('access-control-allow-origin')).toBe('*')
      const body = (await res.json()) as Record<string, unknown>
      expect(body).toMatchObject({ id: `${BASE}assertions/r1.json`, revoked: true, revocationReason: 'Issued in error' })
      expect(body.recipient).toBeUndefined()
    }
  })

  it('answers 410 with a readable page for browsers', async () => {
    await store.put('assertions/r2.json', JSON.stringify({ ...assertion, id: `${BASE}assertions/r2.json` }))
    await store.revoke('assertions/r2.json', '<b>plagiarised</b>')
    const res = await get('assertions/r2.json', { accept: BROWSER_ACCEPT })
    expect(res.status).toBe(410)
    const html = await res.text()
    expect(html).toContain('revoked')
    expect(html).toContain('&lt;b&gt;plagiarised&lt;/b&gt;')
    expect(html).toContain('Questioning Strategies')
  })

  it('treats a stored document that declares revoked: true as revoked, however it spells the key', async () => {
    await store.put('assertions/r3.json', `{"id":"${BASE}assertions/r3.json","type":"Assertion","\\u0072evoked":true}`)
    expect((await get('assertions/r3.json')).status).toBe(410)
  })
})

describe('HTTP semantics', () => {
  it('answers If-None-Match with 304 and no body', async () => {
    const first = await get('assertions/a1.json')
    const etag = first.headers.get('etag')!
    await first.arrayBuffer()
    const second = await get('assertions/a1.json', { 'if-none-match': etag })
    expect(second.status).toBe(304)
    expect(second.headers.get('etag')).toBe(etag)
    expect(await second.text()).toBe('')
    const weak = await get('assertions/a1.json', { 'if-none-match': `"nope", W/${etag}` })
    expect(weak.status).toBe(304)
    const stale = await get('assertions/a1.json', { 'if-none-match': '"nope"' })
    expect(stale.status).toBe(200)
  })

  it('answers HEAD with the headers of GET and no body', async () => {
    const head = await raw('/assertions/a1.json', 'HEAD')
    const full = await raw('/assertions/a1.json')
    expect(head.status).toBe(200)
    expect(head.body).toBe('')
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(full.body)))
    expect(head.headers.etag).toBe(full.headers.etag)
  })

  it('answers a JSON 404 for unknown paths and for the base path itself', async () => {
    for (const path of ['assertions/missing.json', 'nothing/here', '']) {
      const res = await get(path, { accept: BROWSER_ACCEPT })
      expect(res.status).toBe(404)
      expect(res.headers.get('content-type')).toBe('application/json')
      expect(await res.json()).toMatchObject({ status: 404, code: 'HOST_NOT_FOUND' })
    }
  })

  it.each(['POST', 'PUT', 'DELETE', 'PATCH'])('answers %s with 405 and Allow', async (method) => {
    const res = await raw('/assertions/a1.json', method)
    expect(res.status).toBe(405)
    expect(res.headers.allow).toBe('GET, HEAD, OPTIONS')
    expect(JSON.parse(res.body)).toMatchObject({ code: 'HOST_METHOD_NOT_ALLOWED' })
  })

  it('answers a CORS preflight', async () => {
    const res = await raw('/assertions/a1.json', 'OPTIONS', { origin: 'https://verifier.example', 'access-control-request-method': 'GET' })
    expect(res.status).toBe(204)
    expect(res.headers['access-control-allow-origin']).toBe('*')
    expect(res.headers['access-control-allow-methods']).toContain('GET')
  })
})

describe('path traversal is refused', () => {
  const attacks = [
    '/../../../etc/passwd',
    '/assertions/../../etc/passwd',
    '/assertions/%2e%2e/%2e%2e/etc/passwd',
    '/assertions/%2E%2E/keys/1.json',
    '/assertions/.%2e/issuers/main.json',
    '/assertions/..%2fissuers%2fmain.json',
    '/assertions/..%5cissuers%5cmain.json',
    '/assertions\\..\\issuers\\main.json',
    '/assertions/a1.json%00.png',
    '/./assertions/a1.json',
    '/.omc/revoked/assertions/r1.json',
    '/assertions/.a1.json.123.0000000000000000.omc-tmp',
  ]
  it.each(attacks)('refuses %s', async (path) => {
    const res = await raw(path)
    expect([400, 404]).toContain(res.status)
    expect(res.body).not.toContain('root:')
    expect(JSON.parse(res.body).code).toMatch(/^HOST_(PATH_REFUSED|NOT_FOUND)$/)
    if (/\.\.|%2e|%5c|\\|%00|\/\.\//i.test(path)) expect(res.status).toBe(400)
  })

  it('refuses hidden and private paths even when a file exists there', async () => {
    const res = await raw('/.omc/revoked/assertions/r1.json')
    expect(res.status).toBe(400)
  })
})

describe('node adapter with a plain Request → Response handler (no host core)', () => {
  it('serves GET, HEAD, 410 and 404 through Fetch objects', async () => {
    const host = createBadgeHost({ store, baseUrl: BASE })
    const plain = (request: Request) => host(request) // a wrapper, as middleware would be
    const other = await listen(plain)
    try {
      const ok = await fetch(`${other.url}assertions/a1.json`, { headers: { accept: 'application/json' } })
      expect(ok.status).toBe(200)
      expect(ok.headers.get('content-type')).toBe('application/json')
      expect(await ok.json()).toEqual(assertion)
      const head = await fetch(`${other.url}assertions/a1.json`, { method: 'HEAD' })
      expect(head.status).toBe(200)
      expect(head.headers.get('content-length')).toBe(String(JSON.stringify(assertion).length))
      expect((await fetch(`${other.url}assertions/r1.json`)).status).toBe(410)
      expect((await fetch(`${other.url}assertions/none.json`)).status).toBe(404)
    } finally {
      await other.close()
    }
  })
})
