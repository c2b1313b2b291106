/**
 * Exclusive lock files for the CLI's read-modify-write operations (a batch into a badge directory,
 * revoking into a directory or a RevocationList file), so two `omc` processes never lose each other's
 * writes. A lock is a file created with O_EXCL holding the owner's pid; a lock whose process is gone is
 * stale and replaced.
 */
import { mkdir, open, readFile, stat, unlink } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { OpenBadgesError } from '../errors.js'

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

/** How old a lock file without a pid may be before it counts as stale. */
const UNWRITTEN_LOCK_GRACE_MS = 10_000

async function recentlyCreated(path: string): Promise<boolean> {
  const info = await stat(path).catch(() => undefined)
  return info !== undefined && Date.now() - info.mtimeMs < UNWRITTEN_LOCK_GRACE_MS
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Takes the lock file at `path`. A lock left by a dead process is replaced; a live holder is waited for
 * up to `waitMs`, then the call fails with OpenBadgesError `LOCK_HELD` (details: path, pid).
 */
export async function acquireLock(path: string, options: AcquireLockOptions = {}): Promise<ReleaseLock> {
  const deadline = Date.now() + (options.waitMs ?? 0)
  await mkdir(dirname(path), { recursive: true })
  for (;;) {
    try {
      const handle = await open(path, 'wx')
      try {
        await handle.writeFile(String(process.pid))
      } catch (error) {
        await handle.close()
        await unlink(path).catch(() => undefined)
        throw error
      }
      await handle.close()
      return () => unlink(path).catch(() => undefined)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim())
    // No pid yet: a holder between creating the file and writing its pid (live), unless the file is
    // older than any such moment (a crash right after creating it: stale).
    const alive = Number.isInteger(pid) && pid > 0 ? processAlive(pid) : await recentlyCreated(path)
    if (!alive) {
      await unlink(path).catch(() => undefined)
      continue
    }
    // Same process (concurrent calls in one process, e.g. tests or a library host) or another live one.
    if (Date.now() >= deadline) {
      throw new OpenBadgesError('LOCK_HELD', `${options.holder ?? 'another omc process'} (process ${pid || 'starting'}) holds ${path}; wait for it or stop it`, {
        details: { path, pid: pid || undefined },
      })
    }
    await new Promise((r) => setTimeout(r, options.pollMs ?? 25))
  }
}
