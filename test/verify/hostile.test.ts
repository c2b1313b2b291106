/**
 * Hostile badges: SSRF targets are never requested (wherever the badge names them, and behind
 * redirects), oversize/deep/garbage input gives an invalid report (no crash, no hang).
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verify, type VerificationReport } from '../../src/verify/index.js'
import { json, TINY_PNG } from './helpers.js'
import { BADGE_ID, HOSTED_ID, ISSUER_ID, NOW, makeWorld, serve, sign } from './world.js'

const codes = (r: VerificationReport) => r.messages.map((m) => m.code)
const errors = (r: VerificationReport) => r.messages.filter((m) => m.severity === 'error').map((m) => m.code)

const TARGETS = [
  'http://127.0.0.1/admin',
  'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
  'http://[::1]:8080/',
  'http://localhost:9200/_cat/indices',
  'http://[::ffff:169.254.169.254]/',
  'http://0x7f000001/',
  'file:///etc/passwd',
]

/** True when a URL names one of the refused hosts or a non-http scheme. */
function isForbidden(url: string): boolean {
  const u = new URL(url)
  return u.protocol !== 'https:' && u.protocol !== 'http:' ? true : /^(127\.|169\.254\.|\[|localhost|0x)/.test(u.hostname) || u.hostname === 'localhost'
}

describe('SSRF: refused targets are never requested', () => {
  it.each(TARGETS)('as the URL handed over: %s', async (target) => {
    const world = await makeWorld()
    const { fetch, calls } = serve(world)
    const report = await verify(target, { fetch, now: NOW })
    expect(report.valid).toBe(false)
    expect(calls).toEqual([])
  })

  it.each(TARGETS)('as the badge, issuer, key, revocation list, image or extension context: %s', async (target) => {
    const placements: Array<(w: Awaited<ReturnType<typeof makeWorld>>) => void> = [
      (w) => void (w.hosted.badge = target),
      (w) => void (w.badgeClass.issuer = target),
      (w) => void (w.badgeClass.image = target),
      (w) => void (w.badgeClass['extensions:Evil'] = { '@context': target, type: ['Extension', 'extensions:Evil'] }),
    ]
    for (const place of placements) {
      const world = await makeWorld()
      place(world)
      const { fetch, calls } = serve(world)
      const report = await verify(HOSTED_ID, { fetch, now: NOW })
      expect(calls.filter(isForbidden)).toEqual([])
      expect(codes(report).some((c) => c === 'FETCH_ADDRESS_REFUSED' || c === 'FETCH_SCHEME_NOT_ALLOWED' || c === 'DOCUMENT_LINK_INVALID' || c === 'JSONLD_INVALID' || c === 'IMAGE_UNREACHABLE' || c === 'EXTENSION_CONTEXT_UNAVAILABLE')).toBe(true)
    }
    for (const place of [(w: Awaited<ReturnType<typeof makeWorld>>) => void (w.issuer.publicKey = target), (w: Awaited<ReturnType<typeof makeWorld>>) => void (w.issuer.revocationList = target)]) {
      const world = await makeWorld()
      place(world)
      const payload = { ...world.signedPayload, verification: { type: 'SignedBadge' } }
      const { fetch, calls } = serve(world)
      const report = await verify(await sign(payload), { fetch, now: NOW })
      expect(report.valid).toBe(false)
      expect(calls.filter(isForbidden)).toEqual([])
    }
  })

  it.each(TARGETS)('behind a redirect: %s', async (target) => {
    const world = await makeWorld()
    for (const link of [HOSTED_ID, BADGE_ID, ISSUER_ID]) {
      const { fetch, calls } = serve(world, { [link]: { status: 302, headers: { location: target } } })
      const report = await verify(HOSTED_ID, { fetch, now: NOW })
      expect(report.valid).toBe(false)
      expect(calls.filter(isForbidden)).toEqual([])
    }
  })
})

describe('oversize, deep and garbage input', () => {
  it('an oversize hosted document is refused at the byte cap', async () => {
    const world = await makeWorld()
    const big = JSON.stringify({ ...world.hosted, narrative: 'x'.repeat(3 * 1024 * 1024) })
    const report = await verify(HOSTED_ID, { fetch: serve(world, { [HOSTED_ID]: { contentType: 'application/ld+json', body: big } }).fetch, now: NOW })
    expect(errors(report)).toEqual(['FETCH_TOO_LARGE'])
    const small = await verify(HOSTED_ID, { fetch: serve(world).fetch, now: NOW, maxBytes: 64 })
    expect(errors(small)).toContain('FETCH_TOO_LARGE')
  })

  it('oversize input is refused', async () => {
    const report = await verify(`{"a":"${'x'.repeat(2048)}"}`, { maxInputBytes: 1024 })
    expect(errors(report)).toEqual(['INPUT_TOO_LARGE'])
  })

  it('deeply nested JSON is refused as text, as a fetched document, as a JWS payload and as an object', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
    const text = `{"a":${deep}}`
    expect(errors(await verify(text))).toEqual(['INPUT_JSON_TOO_DEEP'])

    const world = await makeWorld()
    const fetched = await verify(HOSTED_ID, { fetch: serve(world, { [HOSTED_ID]: { contentType: 'application/json', body: text } }).fetch, now: NOW })
    expect(errors(fetched)).toEqual(['DOCUMENT_JSON_INVALID'])

    const header = Buffer.from('{"alg":"ES256"}').toString('base64url')
    const jws = `${header}.${Buffer.from(`{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`).toString('base64url')}.AAAA`
    const signed = await verify(jws)
    expect(signed.valid).toBe(false)

    let nested: Record<string, unknown> = {}
    const root = nested
    for (let i = 0; i < 10_000; i++) {
      const next = {}
      nested.a = next
      nested = next
    }
    expect(errors(await verify(root))).toEqual(['INPUT_JSON_TOO_DEEP'])
    const cyclic: Record<string, unknown> = { type: 'Assertion' }
    cyclic.self = cyclic
    expect(errors(await verify(cyclic))).toEqual(['INPUT_JSON_TOO_DEEP'])
  })

  it('garbage bytes, a corrupt PNG and an SVG with entities give an invalid report', async () => {
    const corrupt = TINY_PNG.slice()
    corrupt[20] = (corrupt[20] ?? 0) ^ 0xff
    const laughs = new TextEncoder().encode(
      '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><svg xmlns="http://www.w3.org/2000/svg">&b;</svg>',
    )
    for (const input of [new Uint8Array([0, 1, 2, 3, 255, 254]), corrupt, TINY_PNG.slice(0, 12), laughs, new Uint8Array(0), '', '   ', 'hello', '{', '[1,2]', 'null']) {
      const report = await verify(input)
      expect(report.valid).toBe(false)
      expect(report.errorCount).toBeGreaterThan(0)
    }
  })

  it('random strings, bytes and JSON never throw and never validate (property)', async () => {
    const { fetch, calls } = serve(await makeWorld())
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.uint8Array({ maxLength: 256 }), fc.json(), fc.object()), async (input) => {
        const report = await verify(input as string, { fetch, now: NOW })
        expect(report.valid).toBe(false)
        expect(Array.isArray(report.messages)).toBe(true)
      }),
      { numRuns: 150 },
    )
    expect(calls.filter(isForbidden)).toEqual([])
  })

  it('a fetch that never answers is cut at the deadline', async () => {
    const world = await makeWorld()
    const { fetch } = serve(world)
    const hanging = (url: string, init?: RequestInit) => (url === BADGE_ID ? new Promise<Response>(() => undefined) : fetch(url, init))
    const report = await verify(HOSTED_ID, { fetch: hanging, now: NOW, timeoutMs: 50 })
    expect(errors(report)).toContain('FETCH_TIMEOUT')
  })

  it('an issuer declaring hundreds of keys hits the document cap', async () => {
    const world = await makeWorld()
    world.issuer.publicKey = Array.from({ length: 200 }, (_, i) => `https://issuer.example/keys/k${i}`)
    const payload = { ...world.signedPayload, verification: { type: 'SignedBadge' } }
    const { fetch, calls } = serve(world)
    const report = await verify(await sign(payload), { fetch, now: NOW, maxDocuments: 10 })
    expect(report.valid).toBe(false)
    expect(codes(report)).toContain('FETCH_DOCUMENT_LIMIT')
    expect(new Set(calls).size).toBeLessThanOrEqual(10)
  })
})

describe('API misuse throws; nothing else does', () => {
  it.each([
    [undefined, {}],
    [null, {}],
    [42, {}],
    [['array'], {}],
    ['{}', { fetch: 'nope' }],
    ['{}', { now: 'not a date' }],
    ['{}', { timeoutMs: -1 }],
    ['{}', { recipient: 'teacher@example.org' }],
    ['{}', { recipient: {} }],
    ['{}', { recipient: { phone: '+1' } }],
    ['{}', { cache: {} }],
  ])('verify(%j, %j) rejects with TypeError/RangeError', async (input, options) => {
    await expect(verify(input as string, options as object)).rejects.toSatisfy((e: unknown) => e instanceof TypeError || e instanceof RangeError)
  })
})

describe('the default (global) fetch against a real server on 127.0.0.1', () => {
  let server: Server
  let base = ''
  let hits = 0
  const docs = new Map<string, unknown>()
  beforeAll(async () => {
    server = createServer((req, res) => {
      hits++
      const doc = docs.get(req.url ?? '')
      if (doc === undefined) {
        res.writeHead(404).end()
        return
      }
      if (doc instanceof Uint8Array) {
        res.writeHead(200, { 'content-type': 'image/png' }).end(doc)
        return
      }
      res.writeHead(200, { 'content-type': 'application/ld+json' }).end(JSON.stringify(doc))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const world = await makeWorld()
    const swap = (v: unknown): unknown => JSON.parse(JSON.stringify(v).replaceAll('https://issuer.example', base))
    docs.set('/assertions/1', swap(world.hosted))
    docs.set('/badges/reading', swap(world.badgeClass))
    docs.set('/issuer', swap({ ...world.issuer, url: 'https://issuer.example' }))
    docs.set('/badges/reading.png', TINY_PNG)
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('is refused by default: the server sees no request', async () => {
    const report = await verify(`${base}/assertions/1`, { now: NOW })
    expect(errors(report)).toEqual(['FETCH_ADDRESS_REFUSED'])
    expect(hits).toBe(0)
  })

  it('verifies with allowPrivateNetwork: true', async () => {
    const report = await verify(`${base}/assertions/1`, { now: NOW, allowPrivateNetwork: true })
    expect(errors(report)).toEqual([])
    expect(report.valid).toBe(true)
    expect(hits).toBeGreaterThanOrEqual(3)
  })
})

describe('hosted verification from JSON never trusts the local copy', () => {
  it('a hosted badge whose id points at a private address is not fetched', async () => {
    const world = await makeWorld()
    const { fetch, calls } = serve(world, { 'http://127.0.0.1/a': json(world.hosted) })
    const report = await verify({ ...world.hosted, id: 'http://127.0.0.1/a' }, { fetch, now: NOW })
    expect(errors(report)).toEqual(['FETCH_ADDRESS_REFUSED'])
    expect(calls).toEqual([])
  })
})
