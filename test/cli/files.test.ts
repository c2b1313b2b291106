import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeFileAtomic } from '../../src/cli/files.js'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'omc-files-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const posix = process.platform !== 'win32'

describe('writeFileAtomic', () => {
  it('writes a new file (text or bytes) and leaves no temporary file', async () => {
    await writeFileAtomic(join(dir, 'a.json'), '{"a":1}\n')
    await writeFileAtomic(join(dir, 'b.bin'), Uint8Array.of(0, 1, 2, 255))
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('{"a":1}\n')
    expect([...readFileSync(join(dir, 'b.bin'))]).toEqual([0, 1, 2, 255])
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'b.bin'])
  })

  it('replaces the content of an existing file, with the new mode', async () => {
    const path = join(dir, 'key.pem')
    writeFileSync(path, 'old content that is longer than the new one', { mode: 0o644 })
    await writeFileAtomic(path, 'new', 0o600)
    expect(readFileSync(path, 'utf8')).toBe('new')
    if (posix) expect(statSync(path).mode & 0o777).toBe(0o600)
    expect(readdirSync(dir)).toEqual(['key.pem'])
  })

  it.skipIf(!posix)('honours the mode (never more permissive than asked)', async () => {
    await writeFileAtomic(join(dir, 'private.pem'), 'secret', 0o600)
    await writeFileAtomic(join(dir, 'public.pem'), 'public')
    expect(statSync(join(dir, 'private.pem')).mode & 0o777).toBe(0o600)
    expect(statSync(join(dir, 'public.pem')).mode & 0o777 & ~0o644).toBe(0) // 0644 minus the umask
    expect(statSync(join(dir, 'public.pem')).mode & 0o600).toBe(0o600)
  })

  it('removes the temporary file and keeps the target when the rename fails', async () => {
    const target = join(dir, 'target')
    mkdirSync(target) // renaming a file over a directory fails (EISDIR), after the temporary file was written
    writeFileSync(join(target, 'inside'), 'kept')
    await expect(writeFileAtomic(target, 'data')).rejects.toMatchObject({ code: expect.stringMatching(/^E[A-Z]+$/) })
    expect(readdirSync(dir)).toEqual(['target'])
    expect(readFileSync(join(target, 'inside'), 'utf8')).toBe('kept')
  })

  it('fails with ENOENT for a missing directory, creating nothing', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'a.json'), '{}')).rejects.toMatchObject({ code: 'ENOENT' })
    expect(readdirSync(dir)).toEqual([])
  })
})
