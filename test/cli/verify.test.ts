/**
 * `omc verify` in-process, against a real badge host on 127.0.0.1 (so --allow-private-network is needed,
 * and its absence is tested too).
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bake } from '../../src/bake/index.js'
import { parseRecipients } from '../../src/cli/commands/verify.js'
import { runCli } from '../../src/cli/run.js'
import { exportPublicKeyPem, generateKeyPair, signAssertion } from '../../src/sign/index.js'
import { captureIo } from '../cli-test-io.js'
import { TINY_PNG } from '../verify/helpers.js'

let server: Server
let base = ''
let dir = ''
let jwsFile = ''
let pngFile = ''
let expiredFile = ''
const docs = new Map<string, unknown>()
const NOW = '2026-01-15T12:00:00Z'

beforeAll(async () => {
  server = createServer((req, res) => {
    const doc = docs.get(req.url ?? '')
    if (doc === undefined) return void res.writeHead(404).end()
    if (doc instanceof Uint8Array) return void res.writeHead(200, { 'content-type': 'image/png' }).end(doc)
    res.writeHead(200, { 'content-type': 'application/ld+json' }).end(JSON.stringify(doc))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const pair = await generateKeyPair('ES256')
  const ctx = 'https://w3id.org/openbadges/v2'
  docs.set('/issuer', { '@context': ctx, type: 'Issuer', id: `${base}/issuer`, name: 'Example MC Lab', url: 'https://example.org', email: 'badges@example.org', publicKey: `${base}/key` })
  docs.set('/key', { '@context': ctx, type: 'CryptographicKey', id: `${base}/key`, owner: `${base}/issuer`, publicKeyPem: exportPublicKeyPem(pair.publicKey) })
  docs.set('/badge', {
    '@context': ctx,
    type: 'BadgeClass',
    id: `${base}/badge`,
    name: 'Think-Alouds',
    description: 'Models comprehension strategies aloud.',
    image: `${base}/badge.png`,
    criteria: { narrative: 'Submit a lesson video.' },
    issuer: `${base}/issuer`,
    alignment: [{ targetName: 'Reading strategies', targetUrl: 'https://standards.example/rs-1', targetCode: 'RS.1' }],
    'extensions:MicroCredentialExtension': {
      '@context': 'https://w3id.org/openmicrocredentials/v1/context.json',
      type: ['Extension', 'extensions:MicroCredentialExtension'],
      keyMethod: 'Think-aloud modelling',
      renewalCredits: 12,
      stacks: [{ id: 'https://example.org/stacks/literacy', name: 'Early literacy', position: 2 }],
    },
  })
  docs.set('/badge.png', TINY_PNG)
  const assertion = {
    '@context': ctx,
    type: 'Assertion',
    id: 'urn:uuid:0f0e0d0c-0b0a-4090-8070-605040302010',
    recipient: { type: 'email', hashed: false, identity: 'teacher@example.org' },
    badge: `${base}/badge`,
    issuedOn: '2025-12-01T10:00:00Z',
    evidence: [{ id: 'https://portfolio.example/video-1', name: 'Lesson video' }],
  }
  const jws = await signAssertion(assertion, { privateKey: pair.privateKey, id: `${base}/key` })
  const expired = await signAssertion({ ...assertion, expires: '2026-01-01T00:00:00Z' }, { privateKey: pair.privateKey, id: `${base}/key` })
  docs.set('/hosted', { ...assertion, id: `${base}/hosted`, verification: { type: 'HostedBadge' } })
  dir = mkdtempSync(join(tmpdir(), 'omc-verify-'))
  jwsFile = join(dir, 'badge.jws')
  pngFile = join(dir, 'badge.png')
  expiredFile = join(dir, 'expired.jws')
  writeFileSync(jwsFile, jws)
  writeFileSync(pngFile, bake(TINY_PNG, jws))
  writeFileSync(expiredFile, expired)
  writeFileSync(join(dir, 'garbage.bin'), new Uint8Array([0, 1, 2, 3]))
})
afterAll(() => new Promise<void>((r) => server.close(() => r())))

const omc = async (args: string[], stdin?: Uint8Array) => {
  const io = captureIo({ cwd: dir, ...(stdin ? { readStdin: async () => stdin } : {}) })
  const code = await runCli(['verify', ...args], io)
  return { code, out: io.out(), err: io.err() }
}

describe('omc verify', () => {
  it('verifies a signed badge file and prints a readable summary (exit 0)', async () => {
    const { code, out } = await omc([jwsFile, '--allow-private-network', '--now', NOW, '--recipient', 'Teacher@Example.org'])
    expect(code).toBe(0)
    expect(out).toMatch(/^VALID/)
    expect(out).toContain('Think-Alouds')
    expect(out).toContain('Models comprehension strategies aloud.')
    expect(out).toContain('Reading strategies [RS.1]')
    expect(out).toMatch(/Key method\s+Think-aloud modelling/)
    expect(out).toMatch(/Renewal\s+12 credit/)
    expect(out).toContain('Early literacy #2')
    expect(out).toContain('Example MC Lab')
    expect(out).toMatch(/Recipient\s+matches/)
    expect(out).toContain('2025-12-01T10:00:00Z')
    expect(out).toContain('Lesson video')
    expect(out).toContain('SIGNED_VERIFIED')
  })

  it('verifies a baked PNG and stdin, and a hosted URL', async () => {
    expect((await omc(['badge.png', '--allow-private-network', '--now', NOW])).code).toBe(0)
    const png = new Uint8Array(bake(TINY_PNG, (await import('node:fs')).readFileSync(jwsFile, 'utf8')))
    expect((await omc(['-', '--allow-private-network', '--now', NOW], png)).code).toBe(0)
    const hosted = await omc([`${base}/hosted`, '--allow-private-network', '--now', NOW])
    expect(hosted.code).toBe(0)
    expect(hosted.out).toContain('HOSTED_VERIFIED')
  })

  it('--json prints the report', async () => {
    const { code, out } = await omc([jwsFile, '--allow-private-network', '--now', NOW, '--json', '--recipient', 'email:someone@example.org'])
    expect(code).toBe(1)
    const report = JSON.parse(out) as { valid: boolean; recipientMatched: boolean; messages: Array<{ code: string }> }
    expect(report.valid).toBe(false)
    expect(report.recipientMatched).toBe(false)
    expect(report.messages.map((m) => m.code)).toContain('RECIPIENT_MISMATCH')
  })

  it('exit 1 for an invalid badge: expired, private network refused, garbage', async () => {
    const expired = await omc([expiredFile, '--allow-private-network', '--now', NOW])
    expect(expired.code).toBe(1)
    expect(expired.out).toMatch(/^INVALID/)
    expect(expired.out).toContain('ASSERTION_EXPIRED')
    expect(expired.out).toContain('(EXPIRED)')
    const refused = await omc([jwsFile, '--now', NOW])
    expect(refused.code).toBe(1)
    expect(refused.out).toContain('FETCH_ADDRESS_REFUSED')
    expect((await omc(['garbage.bin'])).code).toBe(1)
  })

  it('--now moves the clock', async () => {
    const later = await omc([expiredFile, '--allow-private-network', '--now', '2025-12-15T00:00:00Z'])
    expect(later.code).toBe(0)
  })

  it.each([
    [[]],
    [['a', 'b']],
    [['x.jws', '--now', 'yesterday']],
    [['x.jws', '--recipient', 'not an identity']],
    [['x.jws', '--timeout', '-5']],
    [['x.jws', '--bogus']],
    [['does-not-exist.jws']],
  ])('usage errors exit 2: %j', async (args) => {
    const { code, err } = await omc(args)
    expect(code).toBe(2)
    expect(err).toContain('Usage: omc verify')
  })

  it('parses recipients', () => {
    expect(parseRecipients(['a@b.org', 'https://x.example/me', '+1 617 555 1212', 'id:urn:uuid:1'])).toEqual({
      email: 'a@b.org',
      url: 'https://x.example/me',
      telephone: '+1 617 555 1212',
      id: 'urn:uuid:1',
    })
    expect(parseRecipients(['url:https://x.example/me'])).toEqual({ url: 'https://x.example/me' })
    expect(parseRecipients(['nope'])).toBeNull()
  })

  it('--help prints the usage', async () => {
    const { code, out } = await omc(['--help'])
    expect(code).toBe(0)
    expect(out).toContain('--allow-private-network')
  })
})
