import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/run.js'
import { verifySignature } from '../../src/sign/index.js'
import { captureIo } from '../cli-test-io.js'

const KEY_ID = 'https://example.org/keys/1'
const assertion = {
  '@context': 'https://w3id.org/openbadges/v2',
  type: 'Assertion',
  id: 'urn:uuid:0f8c7b52-0c52-4e55-9a83-5b4f3f4a8d11',
  recipient: { type: 'email', hashed: false, identity: 'teacher@example.org' },
  badge: 'https://example.org/badges/coaching.json',
  issuedOn: '2026-01-15T12:00:00Z',
  verification: { type: 'HostedBadge' },
}

let dir: string
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'omc-sign-'))
  writeFileSync(join(dir, 'a.json'), JSON.stringify(assertion))
  expect(await runCli(['keys', 'generate', '--alg', 'ES256', '--out', 'k'], captureIo({ cwd: dir }))).toBe(0)
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const resolveKey = async () => readFileSync(join(dir, 'k', 'public.pem'), 'utf8')

describe('omc sign', () => {
  it('writes a JWS that verifies with the public key, to --out', async () => {
    const io = captureIo({ cwd: dir })
    expect(await runCli(['sign', '--assertion', 'a.json', '--key', 'k/private.pem', '--key-id', KEY_ID, '--out', 'a.jws'], io)).toBe(0)
    const jws = readFileSync(join(dir, 'a.jws'), 'utf8').trim()
    const check = await verifySignature(jws, { resolveKey })
    expect(check).toMatchObject({ ok: true, alg: 'ES256', header: { kid: KEY_ID } })
    if (check.ok) expect(check.payload.verification).toEqual({ type: 'SignedBadge', creator: KEY_ID })
  })

  it('prints the JWS to stdout, reading the assertion from stdin with -', async () => {
    const io = captureIo({ cwd: dir, readStdin: async () => new TextEncoder().encode(JSON.stringify(assertion)) })
    expect(await runCli(['sign', '--assertion', '-', '--key', 'k/private.pem', '--key-id', KEY_ID], io)).toBe(0)
    expect((await verifySignature(io.out().trim(), { resolveKey })).ok).toBe(true)
  })

  it('exit 1: missing file, non-JSON assertion, not an assertion, bad key, alg not fitting the key', async () => {
    writeFileSync(join(dir, 'bad.json'), '{nope')
    writeFileSync(join(dir, 'array.json'), '[]')
    writeFileSync(join(dir, 'bad.pem'), 'not a key')
    const cases = [
      ['--assertion', 'missing.json', '--key', 'k/private.pem', '--key-id', KEY_ID],
      ['--assertion', 'bad.json', '--key', 'k/private.pem', '--key-id', KEY_ID],
      ['--assertion', 'array.json', '--key', 'k/private.pem', '--key-id', KEY_ID],
      ['--assertion', 'a.json', '--key', 'bad.pem', '--key-id', KEY_ID],
      ['--assertion', 'a.json', '--key', 'k/public.pem', '--key-id', KEY_ID],
      ['--assertion', 'a.json', '--key', 'k/private.pem', '--key-id', KEY_ID, '--alg', 'RS256'],
      ['--assertion', 'a.json', '--key', 'k/private.pem', '--key-id', 'relative/key'],
    ]
    for (const args of cases) {
      const io = captureIo({ cwd: dir })
      expect(await runCli(['sign', ...args], io), args.join(' ')).toBe(1)
      expect(io.out()).toBe('')
    }
  })

  it('exit 2: missing options, unknown --alg', async () => {
    for (const args of [[], ['--assertion', 'a.json'], ['--assertion', 'a.json', '--key', 'k/private.pem', '--key-id', KEY_ID, '--alg', 'HS256']]) {
      expect(await runCli(['sign', ...args], captureIo({ cwd: dir }))).toBe(2)
    }
  })
})
