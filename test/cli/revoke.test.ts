import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/run.js'
import { createBadgeHost } from '../../src/host/handler.js'
import { createFsStore } from '../../src/host/fs-store.js'
import { publishDocument, writeStoreConfig } from '../../src/host/publish.js'
import { defineIssuer, defineMicroCredential, issueAssertion, type IssuerDefinition, type MicroCredentialDefinition } from '../../src/issue/index.js'
import { isRevoked } from '../../src/issue/revocation.js'
import type { RevocationList } from '../../src/model/openbadges.js'
import { captureIo } from '../cli-test-io.js'

const A = 'urn:uuid:bf8d3c3d-fe60-487c-87a3-06440d0d0163'
const B = 'urn:uuid:6deb4a00-ebce-4b28-8cc2-afa705ef7be4'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'omc-revoke-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const readList = () => JSON.parse(readFileSync(join(dir, 'revocations.json'), 'utf8')) as RevocationList

describe('omc revoke', () => {
  it('creates the list when missing, then adds entries (with and without a reason)', async () => {
    const io = captureIo({ cwd: dir })
    const args = ['revoke', '--list', 'revocations.json', '--id', A, '--reason', 'Issued in error']
    expect(await runCli([...args, '--list-id', 'https://example.org/revocations', '--issuer', 'https://example.org/issuer'], io)).toBe(0)
    expect(readList()).toEqual({
      '@context': 'https://w3id.org/openbadges/v2',
      id: 'https://example.org/revocations',
      type: 'RevocationList',
      issuer: 'https://example.org/issuer',
      revokedAssertions: [{ id: A, revocationReason: 'Issued in error' }],
    })
    expect(await runCli(['revoke', '--list', 'revocations.json', '--id', B], captureIo({ cwd: dir }))).toBe(0)
    expect(await runCli(['revoke', '--list', 'revocations.json', '--id', B], captureIo({ cwd: dir }))).toBe(0)
    const list = readList()
    expect(list.revokedAssertions).toEqual([{ id: A, revocationReason: 'Issued in error' }, B])
    expect(isRevoked(list, A)).toEqual({ revoked: true, reason: 'Issued in error' })
    expect(readdirSync(dir)).toEqual(['revocations.json']) // no temporary files left behind
  })

  it('updates an existing list that holds a single bare entry', async () => {
    writeFileSync(join(dir, 'revocations.json'), JSON.stringify({ type: 'RevocationList', revokedAssertions: A }))
    expect(await runCli(['revoke', '--list', 'revocations.json', '--id', B], captureIo({ cwd: dir }))).toBe(0)
    expect(readList().revokedAssertions).toEqual([A, B])
  })

  it('exit 1 for an unreadable or malformed list, leaving it untouched', async () => {
    for (const content of ['{not json', '{"type":"RevocationList"}', '[]']) {
      writeFileSync(join(dir, 'revocations.json'), content)
      const io = captureIo({ cwd: dir })
      expect(await runCli(['revoke', '--list', 'revocations.json', '--id', A], io), content).toBe(1)
      expect(readFileSync(join(dir, 'revocations.json'), 'utf8')).toBe(content)
    }
  })

  it('exit 2 for missing options', async () => {
    expect(await runCli(['revoke', '--list', 'revocations.json'], captureIo({ cwd: dir }))).toBe(2)
    expect(await runCli(['revoke', '--id', A], captureIo({ cwd: dir }))).toBe(2)
    expect(await runCli(['revoke', '--list', 'r.json', '--id', A, '--extra'], captureIo({ cwd: dir }))).toBe(2)
    expect(readdirSync(dir)).toEqual([])
  })
})

const BASE = 'https://mc.example.org/'
const example = <T>(name: string) => JSON.parse(readFileSync(new URL(`../../examples/complete-mc/${name}`, import.meta.url), 'utf8')) as T

/** A badge directory holding an issuer (with or without a revocation list), its MC and one assertion. */
async function badgeDirectory(options: { revocationList?: string; rememberBase?: boolean }) {
  const badges = join(dir, 'badges')
  const store = createFsStore(badges, { durable: false })
  const issuer = defineIssuer({ ...example<IssuerDefinition>('issuer.json'), ...(options.revocationList ? { revocationList: options.revocationList } : {}) })
  const badgeClass = defineMicroCredential(issuer, example<MicroCredentialDefinition>('mc.json'))
  const assertion = issueAssertion(badgeClass, { recipient: 'a@school.example', evidence: [{ url: 'https://e.example/1' }] }, { now: () => new Date('2026-01-15T12:00:00Z') })
  for (const doc of [issuer, badgeClass, assertion]) await publishDocument(store, BASE, doc)
  if (options.rememberBase) await writeStoreConfig(store, { baseUrl: BASE })
  const file = join(badges, `${assertion.id.slice(BASE.length)}.json`)
  return { badges, store, assertion, file }
}

describe('omc revoke --dir', () => {
  it('revokes a hosted badge (410 Gone) and lists it in the issuer revocation list, with the remembered base URL', async () => {
    const { assertion, file } = await badgeDirectory({ revocationList: `${BASE}revocations`, rememberBase: true })
    const io = captureIo({ cwd: dir })
    expect(await runCli(['revoke', '--dir', 'badges', '--id', assertion.id, '--reason', 'Issued in error'], io)).toBe(0)
    expect(io.err()).toBe('')
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ id: assertion.id, revoked: true, revocationReason: 'Issued in error' })
    const list = JSON.parse(readFileSync(join(dir, 'badges', 'revocations.json'), 'utf8')) as RevocationList
    expect(isRevoked(list, assertion.id)).toEqual({ revoked: true, reason: 'Issued in error' })
    const res = await createBadgeHost({ store: createFsStore(join(dir, 'badges')), baseUrl: BASE })(new Request(assertion.id))
    expect(res.status).toBe(410)
    // Again: harmless, still one entry.
    expect(await runCli(['revoke', '--dir', 'badges', '--id', assertion.id], captureIo({ cwd: dir }))).toBe(0)
    const again = JSON.parse(readFileSync(join(dir, 'badges', 'revocations.json'), 'utf8')) as RevocationList
    expect([again.revokedAssertions].flat()).toHaveLength(1)
  })

  it('with --base-url and an issuer without a list: revokes the hosted badge only', async () => {
    const { assertion, file } = await badgeDirectory({})
    expect(await runCli(['revoke', '--dir', 'badges', '--base-url', BASE, '--id', assertion.id], captureIo({ cwd: dir }))).toBe(0)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ id: assertion.id, revoked: true })
    expect(existsSync(join(dir, 'badges', 'revocations.json'))).toBe(false)
  })

  it('exit 1 for an unknown assertion, an id outside the base URL or a missing directory; the badge stays', async () => {
    const { file } = await badgeDirectory({ rememberBase: true })
    const before = readFileSync(file, 'utf8')
    const unknown = captureIo({ cwd: dir })
    expect(await runCli(['revoke', '--dir', 'badges', '--id', `${BASE}assertions/nope`], unknown)).toBe(1)
    expect(unknown.err()).toContain('HOST_NOT_FOUND')
    const outside = captureIo({ cwd: dir })
    expect(await runCli(['revoke', '--dir', 'badges', '--id', 'https://elsewhere.example/a'], outside)).toBe(1)
    expect(outside.err()).toContain('HOST_ID_OUTSIDE_BASE')
    expect(await runCli(['revoke', '--dir', 'nowhere', '--id', `${BASE}assertions/x`], captureIo({ cwd: dir }))).toBe(1)
    expect(readFileSync(file, 'utf8')).toBe(before)
  })

  it('exit 2 without a base URL, or with options that do not go together', async () => {
    const { assertion, file } = await badgeDirectory({})
    const before = readFileSync(file, 'utf8')
    const id = assertion.id
    for (const args of [
      ['--dir', 'badges', '--id', id], // no --base-url and none remembered
      ['--id', id], // neither --dir nor --list
      ['--dir', 'badges', '--list', 'r.json', '--id', id],
      ['--dir', 'badges', '--base-url', BASE, '--id', id, '--list-id', `${BASE}revocations`],
      ['--list', 'r.json', '--base-url', BASE, '--id', id],
      ['--dir', 'badges', '--base-url', BASE],
    ]) {
      expect(await runCli(['revoke', ...args], captureIo({ cwd: dir })), args.join(' ')).toBe(2)
    }
    expect(readFileSync(file, 'utf8')).toBe(before)
    expect(existsSync(join(dir, 'r.json'))).toBe(false)
  })
})
