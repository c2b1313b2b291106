/**
 * Exclusive lock files for the CLI's read-modify-write operations (a batch into a badge directory,
 * revoking into a directory or a RevocationList file), so two `omc` processes never lose each other's
 * writes. A lock is a file created with O_EXCL holding the owner's pid; a lock whose process is gone is
 * stale and replaced.
 */
import { mkdir, open, readFile, unlink } from 'node:fs/promises'
import { dirname, join } from 'node:path'

/** A badge directory's write lock (relative to the directory): one batch or revoke at a time. */
export const DIRECTORY_LOCK = join('.omc', 'batch.lock')

/** Releases a lock taken by {@link acquireLock}. */
export type ReleaseLock = () => Promise<void>

export interface AcquireLockOptions {
  /** How long to wait for a live holder to finish (default 0: fail at once). */
  waitMs?: number
  /** Poll interval while waiting (default 25 ms). */
  pollMs?: number
  /** Names the holder in the error message, e.g. "another batch". */
  holder?: string
}

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Takes the lock file at `path`. A lock left by a dead process is replaced; a live holder is waited for
 * up to `waitMs`, then the call fails with an Error naming the holder's pid.
 */
export async function acquireLock(path: string, options: AcquireLockOptions = {}): Promise<ReleaseLock> {
  const deadline = Date.now() + (options.waitMs ?? 0)
  await mkdir(dirname(path), { recursive: true })
  for (;;) {
    try {
      const handle = await open(path, 'wx')
      try {
        await handle.writeFile(String(process.pid))
      } finally {
        await handle.close()
      }
      return () => unlink(path).catch(() => undefined)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim())
    // A lock file whose pid is not written yet belongs to a holder that is still creating it: live.
    const alive = Number.isNaN(pid) || pid === 0 ? true : processAlive(pid)
    if (!alive) {
      await unlink(path).catch(() => undefined)
      continue
    }
    // Same process (concurrent calls in one process, e.g. tests or a library host) or another live one.
    if (Date.now() >= deadline) {
      throw new Error(`${options.holder ?? 'another omc process'} (process ${pid || 'starting'}) holds ${path}; wait for it or stop it`)
    }
    await new Promise((r) => setTimeout(r, options.pollMs ?? 25))
  }
}
