/**
 * Writing the files `omc` commands produce (keys, assertions, JWS, baked images, revocation lists,
 * reports) so that a crash or a power cut leaves either the old file or the new one, never a mix.
 */
import { randomBytes } from 'node:crypto'
import { open, rename, unlink, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** Directory fsync is not supported everywhere (Windows, some network and FUSE file systems). */
const DIRECTORY_SYNC_UNSUPPORTED = new Set(['EINVAL', 'EPERM', 'EISDIR', 'ENOTSUP', 'EACCES'])

/**
 * Flushes a directory's entries (a rename in it) to disk. Best effort where the platform cannot
 * fsync a directory; other errors are thrown.
 */
async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | undefined
  try {
    handle = await open(dir, 'r')
    await handle.sync()
  } catch (error) {
    if (!DIRECTORY_SYNC_UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '')) throw error
  } finally {
    await handle?.close().catch(() => undefined)
  }
}

/**
 * Writes a file atomically and durably: the data goes to a new temporary file in the same directory
 * (created exclusively, with `mode`), which is fsynced, then renamed over `path`; then the directory is
 * fsynced so the rename survives a power cut. Readers never see a half-written file, and an existing
 * file is only replaced once the new content is on disk. On any error the temporary file is removed
 * and `path` is left as it was. `mode` (subject to the umask) applies to the new file, e.g. 0o600 for
 * private keys.
 *
 * @throws the underlying file-system error (`ENOENT` for a missing directory, `EISDIR` when `path` is a
 *   directory, `EACCES`...).
 * @example
 * ```ts
 * await writeFileAtomic('keys/private.pem', pem, 0o600)
 * ```
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o644): Promise<void> {
  const dir = dirname(path)
  const tmp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  let handle: FileHandle | undefined
  try {
    handle = await open(tmp, 'wx', mode)
    await handle.writeFile(data)
    await handle.sync()
    await handle.close()
    handle = undefined
    await rename(tmp, path)
  } catch (error) {
    await handle?.close().catch(() => undefined)
    await unlink(tmp).catch(() => undefined)
    throw error
  }
  await syncDirectory(dir)
}
