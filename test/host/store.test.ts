import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createFsStore } from '../../src/host/fs-store.js'
import { createMemoryStore } from '../../src/host/memory-store.js'
import type { BadgeStore } from '../../src/host/store.js'
import { assertion } from './fixtures.js'

const dirs: string[] = []
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'omc-store-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes)

describe.each([
  ['fs store', () => createFsStore(tempDir())],
  ['memory store', () => createMemoryStore()],
] as Array<[string, () => BadgeStore]>)('%s contract', (_name, make) => {
  it('puts and gets bytes with the content type of the extension', async () => {
    const store = make()
    await store.put('assertions/a.json', '{"a":1}')
    await store.put('images/i.png', new Uint8Array([1, 2, 3]))
    expect(text((await store.get('assertions/a.json'))?.body)).toBe('{"a":1}')
    expect((await store.get('assertions/a.json'))?.contentType).toBe('application/ld+json')
    expect((await store.get('images/i.png'))?.contentType).toBe('image/png')
    expect([...((await store.get('images/i.png'))?.body ?? [])]).toEqual([1, 2, 3])
    await store.put('assertions/a.json', '{"a":2}')
    expect(text((await store.get('assertions/a.json'))?.body)).toBe('{"a":2}')
    expect(await store.get('assertions/missing.json')).toBeNull()
    expect(await store.get('assertions')).toBeNull()
  })

  it('lists public keys in order, under a prefix, never the private area', async () => {
    const store = make()
    for (const k of ['b/2.json', 'a.json', 'b/1.json', 'c/d/e.png', '.omc/secret']) await store.put(k, 'x')
    const all: string[] = []
    for await (const k of store.list()) all.push(k)
    expect(all).toEqual(['a.json', 'b/1.json', 'b/2.json', 'c/d/e.png'])
    const some: string[] = []
    for await (const k of store.list('b/')) some.push(k)
    expect(some).toEqual(['b/1.json', 'b/2.json'])
    const none: string[] = []
    for await (const k of store.list('.omc/')) none.push(k)
    expect(none).toEqual([])
  })

  it('deletes', async () => {
    const store = make()
    await store.put('a.json', 'x')
    expect(await store.delete('a.json')).toBe(true)
    expect(await store.delete('a.json')).toBe(false)
    expect(await store.get('a.json')).toBeNull()
  })

  it('revokes: a minimal public stub, the original archived, a new reason updates the stub', async () => {
    const store = make()
    await store.put('assertions/a1.json', JSON.stringify(assertion))
    await store.revoke('assertions/a1.json', 'Issued in error')
    const stub = JSON.parse(text((await store.get('assertions/a1.json'))?.body)) as Record<string, unknown>
    expect(stub).toEqual({
      '@context': assertion['@context'],
      type: 'Assertion',
      id: assertion.id,
      badge: assertion.badge,
      revoked: true,
      revocationReason: 'Issued in error',
    })
    expect(JSON.parse(text((await store.get('.omc/revoked/assertions/a1.json'))?.body))).toEqual(assertion)
    await store.revoke('assertions/a1.json', 'Plagiarism')
    expect(JSON.parse(text((await store.get('assertions/a1.json'))?.body)).revocationReason).toBe('Plagiarism')
    expect(JSON.parse(text((await store.get('.omc/revoked/assertions/a1.json'))?.body))).toEqual(assertion)
  })

  it('refuses to revoke what is missing or not an assertion', async () => {
    const store = make()
    await expect(store.revoke('assertions/none.json')).rejects.toMatchObject({ code: 'HOST_NOT_FOUND' })
    await store.put('badges/b.json', JSON.stringify({ id: 'x', type: 'BadgeClass' }))
    await expect(store.revoke('badges/b.json')).rejects.toMatchObject({ code: 'HOST_NOT_AN_ASSERTION' })
    await store.put('images/i.png', new Uint8Array([0x89, 0x50]))
    await expect(store.revoke('images/i.png')).rejects.toMatchObject({ code: 'HOST_NOT_AN_ASSERTION' })
  })

  it.each(['../x.json', '/etc/passwd', 'a/../../b', '.hidden', 'a\\b', ''])('refuses the key %j', async (key) => {
    const store = make()
    await expect(store.put(key, 'x')).rejects.toMatchObject({ code: 'HOST_INVALID_KEY' })
    await expect(store.get(key)).rejects.toMatchObject({ code: 'HOST_INVALID_KEY' })
    await expect(store.delete(key)).rejects.toMatchObject({ code: 'HOST_INVALID_KEY' })
  })
})

describe('fs store', () => {
  it('lays files out at their key: the directory is a static export', async () => {
    const dir = tempDir()
    const store = createFsStore(dir)
    await store.put('assertions/a1.json', '{"ok":true}')
    expect(readFileSync(join(dir, 'assertions', 'a1.json'), 'utf8')).toBe('{"ok":true}')
  })

  it('leaves no temp file after many concurrent writes to one key, and the last write is whole', async () => {
    const dir = tempDir()
    const store = createFsStore(dir)
    const bodies = Array.from({ length: 40 }, (_, i) => JSON.stringify({ i, pad: 'x'.repeat(10_000 + i) }))
    await Promise.all(bodies.map((b) => store.put('assertions/same.json', b)))
    const final = readFileSync(join(dir, 'assertions', 'same.json'), 'utf8')
    expect(bodies).toContain(final)
    expect(readdirSync(join(dir, 'assertions'))).toEqual(['same.json'])
  })

  it('cleans its temp file when the rename fails', async () => {
    const dir = tempDir()
    const store = createFsStore(dir)
    mkdirSync(join(dir, 'assertions', 'dir.json', 'inside'), { recursive: true })
    await expect(store.put('assertions/dir.json', 'x')).rejects.toMatchObject({ code: 'HOST_STORE_IO' })
    expect(readdirSync(join(dir, 'assertions'))).toEqual(['dir.json'])
  })

  it('does not follow a symlink at the requested key', async () => {
    const dir = tempDir()
    const outside = join(tempDir(), 'secret.json')
    writeFileSync(outside, '{"secret":true}')
    mkdirSync(join(dir, 'assertions'))
    symlinkSync(outside, join(dir, 'assertions', 'link.json'))
    expect(await createFsStore(dir).get('assertions/link.json')).toBeNull()
  })

  it('recover() removes temp files of dead writers and keeps live ones', async () => {
    const dir = tempDir()
    const store = createFsStore(dir)
    await store.put('assertions/a.json', '{}')
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
    const deadPid = Number(dead.stdout)
    const stale = `.a.json.${deadPid}.0123456789abcdef.omc-tmp`
    const live = `.a.json.${process.pid}.fedcba9876543210.omc-tmp`
    writeFileSync(join(dir, 'assertions', stale), '{"partial')
    writeFileSync(join(dir, 'assertions', live), '{"in flight')
    expect(await store.recover()).toBe(1)
    expect(readdirSync(join(dir, 'assertions')).sort()).toEqual([live, 'a.json'])
    const listed: string[] = []
    for await (const k of store.list()) listed.push(k)
    expect(listed).toEqual(['assertions/a.json'])
  })
})
