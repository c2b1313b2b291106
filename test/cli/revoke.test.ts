import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/run.js'
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
