import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { acquireLock } from '../../src/cli/lock.js'
import { runCli } from '../../src/cli/run.js'
import { isRevoked } from '../../src/issue/revocation.js'
import type { RevocationList } from '../../src/model/openbadges.js'
import { captureIo } from '../cli-test-io.js'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'omc-lock-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('acquireLock', () => {
  it('creates the lock file (and its directory) with the pid, and removes it on release', async () => {
    const path = join(dir, '.omc', 'batch.lock')
    const release = await acquireLock(path)
    expect(readFileSync(path, 'utf8')).toBe(String(process.pid))
    await release()
    expect(existsSync(path)).toBe(false)
  })

  it('replaces a stale lock whose process is gone', async () => {
    const path = join(dir, 'x.lock')
    writeFileSync(path, '2147483646')
    const release = await acquireLock(path)
    expect(readFileSync(path, 'utf8')).toBe(String(process.pid))
    await release()
  })

  it('treats a lock without a pid as live while fresh and as stale once old', async () => {
    const path = join(dir, 'x.lock')
    writeFileSync(path, '')
    await expect(acquireLock(path)).rejects.toMatchObject({ code: 'LOCK_HELD' })
    const old = new Date(Date.now() - 60_000)
    utimesSync(path, old, old)
    const release = await acquireLock(path)
    expect(readFileSync(path, 'utf8')).toBe(String(process.pid))
    await release()
  })

  it('fails at once on a live holder without waitMs, and waits for it with waitMs', async () => {
    const path = join(dir, 'x.lock')
    const first = await acquireLock(path)
    await expect(acquireLock(path)).rejects.toMatchObject({ code: 'LOCK_HELD' })
    const second = acquireLock(path, { waitMs: 5_000, pollMs: 5 })
    setTimeout(() => void first(), 30)
    const release = await second
    expect(existsSync(path)).toBe(true)
    await release()
  })
})

describe('omc revoke under concurrency', () => {
  it('loses no entry when many revokes write one RevocationList file at once', async () => {
    const list = join(dir, 'revocations.json')
    const ids = Array.from({ length: 12 }, (_, i) => `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`)
    const codes = await Promise.all(ids.map((id) => runCli(['revoke', '--list', list, '--id', id], captureIo({ cwd: dir }))))
    expect(codes.every((c) => c === 0)).toBe(true)
    const doc = JSON.parse(readFileSync(list, 'utf8')) as RevocationList
    expect(doc.revokedAssertions).toHaveLength(ids.length)
    for (const id of ids) expect(isRevoked(doc, id).revoked).toBe(true)
    expect(existsSync(`${list}.lock`)).toBe(false)
  })
})
