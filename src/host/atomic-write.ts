/**
 * Atomic, durable file writes, shared by the directory store (src/host/fs-store.ts) and the files `omc`
 * commands produce (src/cli/files.ts): a crash or a power cut leaves either the old file or the new
 * one, never a mix.
 */
import { randomBytes } from 'node:crypto'
import { open, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/**
 * The name of a temporary file {@link writeFileAtomic} leaves behind when its process dies mid-write:
 * a dot-file (never served) carrying the writer's pid (group 1), so a recovery pass can tell a dead
 * writer's leftovers from a live writer's file.
 */
export const TEMP_FILE_PATTERN = /^\..+\.(\d+)\.[0-9a-f]{16}\.omc-tmp$/

/** Directory fsync is not supported everywhere (Windows, some network and FUSE file systems). */
const DIRECTORY_SYNC_UNSUPPORTED = new Set(['EINVAL', 'EPERM', 'EISDIR', 'ENOTSUP', 'EACCES'])

/**
 * Flushes a directory's entries (a rename in it) to disk. Best effort where the platform cannot
 * fsync a directory; other errors are thrown.
 *
 * @throws the underlying file-system error other than "directory fsync unsupported".
 * @example
 * ```ts
 * await syncDirectory('./badges/assertions')
 * ```
 */
export async function syncDirectory(dir: string): Promise<void> {
  let handle
  try {
    handle = await open(dir, 'r')
    await handle.sync()
  } catch (error) {
    if (!DIRECTORY_SYNC_UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '')) throw error
  } finally {
    await handle?.close().catch(() => undefined)
  }
}

/** Options for {@link writeFileAtomic}. */
export interface AtomicWriteOptions {
  /** Mode of the new file, subject to the umask (default 0o644; e.g. 0o600 for private keys). */
  mode?: number
  /** Skip every fsync (throwaway directories only): the write stays atomic, not durable. Default true. */
  durable?: boolean
  /** Flushes the directory after the rename (default {@link syncDirectory}; a store may share fsyncs). */
  syncDirectory?: (dir: string) => Promise<void>
}

/**
 * Writes a file atomically and durably: the data goes to a new temporary file in the same directory
 * (created exclusively, see {@link TEMP_FILE_PATTERN}), which is fsynced, then renamed over `path`;
 * then the directory is fsynced so the rename survives a power cut. Readers never see a half-written
 * file, and an existing file is only replaced once the new content is on disk. On any error the
 * temporary file is removed and `path` is left as it was.
 *
 * @throws the underlying file-system error (`ENOENT` for a missing directory, `EISDIR` when `path` is a
 *   directory, `EACCES`...).
 * @example
 * ```ts
 * await writeFileAtomic('keys/private.pem', pem, { mode: 0o600 })
 * ```
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const durable = options.durable ?? true
  const dir = dirname(path)
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(8).toString('hex')}.omc-tmp`)
  const handle = await open(temp, 'wx', options.mode ?? 0o644)
  try {
    try {
      await handle.writeFile(data)
      if (durable) await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, path)
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    throw error
  }
  if (durable) await (options.syncDirectory ?? syncDirectory)(dir)
}
