/**
 * The default store: a directory on disk whose layout is the URL space under the host's base URL
 * (`<dir>/assertions/abc.json` is served at `<baseUrl>assertions/abc.json`), so the directory is also a
 * static export (docs/hosting.md). Every write is atomic and durable: a temp file in the same directory,
 * fsync, rename over the target, fsync the directory. A crash leaves either the old file or the new one,
 * never a partial one; stale temp files are dot-files (never served) that {@link FsBadgeStore.recover}
 * removes.
 */
import { constants } from 'node:fs'
import { mkdir, readFile, readdir, unlink } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { OpenBadgesError } from '../errors.js'
import { TEMP_FILE_PATTERN, syncDirectory, writeFileAtomic } from './atomic-write.js'
import { PRIVATE_PREFIX, assertStoreKey, isPublicKey } from './paths.js'
import { contentTypeForKey, isRevokedDocument, revokedStub, toBytes, type BadgeStore, type PutOptions, type StoredResource } from './store.js'

/** A directory-backed store. */
export interface FsBadgeStore extends BadgeStore {
  /** The absolute path of the store directory. */
  readonly root: string
  /**
   * Removes temp files left by writers that died mid-write (their process is gone) and returns how many
   * were removed. Safe to run while other processes write: live writers' temp files are kept.
   */
  recover(): Promise<number>
}

/** Options for {@link createFsStore}. */
export interface FsStoreOptions {
  /** Skip fsync (tests and benchmarks on throwaway directories only): writes stay atomic, not durable. */
  durable?: boolean
  /**
   * Keep what `get` read (and what was not found) in memory for this many milliseconds (default 0: no
   * cache). This process's own `put`/`delete`/`revoke` update the cache at once; changes made by other
   * processes (another `omc` command writing the directory) show after at most this long.
   */
  cacheTtlMs?: number
  /** Most bytes the cache holds (default 64 MiB); the oldest entries go first. */
  cacheMaxBytes?: number
}

const NOT_FOUND = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'ELOOP'])
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0)

function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? (error as { code?: string }).code : undefined
}

function processIsAlive(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return errnoCode(error) === 'EPERM'
  }
}

/**
 * Opens (creating when needed) a directory store.
 *
 * @throws OpenBadgesError `HOST_INVALID_KEY` from any method given an unsafe key; `HOST_NOT_FOUND`,
 *   `HOST_NOT_AN_ASSERTION` from `revoke`; I/O errors from the file system pass through as their cause
 *   inside `HOST_STORE_IO`.
 * @example
 * const store = createFsStore('./badges')
 * await store.put('assertions/1.json', JSON.stringify(assertion))
 */
export function createFsStore(dir: string, options: FsStoreOptions = {}): FsBadgeStore {
  const root = resolve(dir)
  const durable = options.durable ?? true
  const knownDirs = new Set<string>()
  const cache = createReadCache(options.cacheTtlMs ?? 0, options.cacheMaxBytes ?? 64 * 1024 * 1024)

  const pathOf = (key: string): string => {
    assertStoreKey(key)
    return join(root, ...key.split('/'))
  }

  // Directory fsyncs are shared (group commit): a caller whose rename is done waits for an fsync that
  // starts after its rename. While one fsync of a directory runs, every new caller joins a single
  // follow-up fsync, so concurrent writers into one directory do not each pay for their own.
  const dirSyncs = new Map<string, { running: Promise<void>; queued?: Promise<void> | undefined }>()

  function startDirSync(path: string): Promise<void> {
    const running = syncDirectory(path).finally(() => {
      const state = dirSyncs.get(path)
      if (state && state.running === running && !state.queued) dirSyncs.delete(path)
    })
    const state = dirSyncs.get(path)
    if (state) state.running = running
    else dirSyncs.set(path, { running })
    return running
  }

  function syncDir(path: string): Promise<void> {
    if (!durable || process.platform === 'win32') return Promise.resolve()
    const state = dirSyncs.get(path)
    if (!state) return startDirSync(path)
    state.queued ??= state.running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        state.queued = undefined
        return startDirSync(path)
      })
    return state.queued
  }

  async function ensureDir(path: string): Promise<void> {
    if (knownDirs.has(path)) return
    const first = await mkdir(path, { recursive: true })
    if (first !== undefined) {
      // Make each new directory entry durable: fsync the parent of every directory just created.
      await syncDir(dirname(first))
      for (let d = path; d !== first && d.length > first.length; d = dirname(d)) await syncDir(dirname(d))
    }
    knownDirs.add(path)
  }

  async function writeAtomic(path: string, bytes: Uint8Array): Promise<void> {
    await ensureDir(dirname(path))
    await writeFileAtomic(path, bytes, { durable, syncDirectory: syncDir })
  }

  const io = async <T>(what: string, key: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn()
    } catch (error) {
      if (error instanceof OpenBadgesError) throw error
      throw new OpenBadgesError('HOST_STORE_IO', `store ${what} failed for ${key}: ${(error as Error).message}`, {
        cause: error,
        details: { key, errno: errnoCode(error) },
      })
    }
  }

  async function* walk(directory: string, prefix: string): AsyncGenerator<string> {
    let names: string[]
    try {
      names = (await readdir(directory, { withFileTypes: true }))
        .filter((d) => !d.name.startsWith('.') && (d.isFile() || d.isDirectory()))
        .map((d) => (d.isDirectory() ? `${d.name}/` : d.name))
        .sort()
    } catch (error) {
      if (NOT_FOUND.has(errnoCode(error) ?? '')) return
      throw error
    }
    for (const name of names) {
      if (name.endsWith('/')) yield* walk(join(directory, name.slice(0, -1)), `${prefix}${name}`)
      else if (isPublicKey(`${prefix}${name}`)) yield `${prefix}${name}`
    }
  }

  const store: FsBadgeStore = {
    root,
    async get(key) {
      const path = pathOf(key)
      const cached = cache.get(key)
      if (cached !== undefined) return cached
      let found: StoredResource | null
      try {
        const body = await readFile(path, { flag: READ_FLAGS })
        found = { body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength), contentType: contentTypeForKey(key) }
      } catch (error) {
        if (!NOT_FOUND.has(errnoCode(error) ?? '')) {
          throw new OpenBadgesError('HOST_STORE_IO', `store read failed for ${key}`, { cause: error, details: { key } })
        }
        found = null
      }
      cache.set(key, found)
      return found
    },
    async put(key, body, _options?: PutOptions) {
      const path = pathOf(key)
      const bytes = toBytes(body)
      cache.delete(key)
      try {
        await io('write', key, () => writeAtomic(path, bytes))
      } finally {
        cache.delete(key)
      }
    },
    async *list(prefix = '') {
      if (prefix.startsWith(PRIVATE_PREFIX)) return
      // Walk from the deepest directory the prefix names, then filter by the full prefix.
      const slash = prefix.lastIndexOf('/')
      const dirPart = slash === -1 ? '' : prefix.slice(0, slash + 1)
      if (dirPart !== '' && !isPublicKey(dirPart.slice(0, -1))) return
      const start = dirPart === '' ? root : join(root, ...dirPart.slice(0, -1).split('/'))
      for await (const key of walk(start, dirPart)) if (key.startsWith(prefix)) yield key
    },
    async delete(key) {
      const path = pathOf(key)
      cache.delete(key)
      return io('delete', key, async () => {
        try {
          await unlink(path)
        } catch (error) {
          if (NOT_FOUND.has(errnoCode(error) ?? '')) return false
          throw error
        }
        await syncDir(dirname(path))
        return true
      })
    },
    async revoke(key, reason) {
      const current = await store.get(key)
      if (!current) throw new OpenBadgesError('HOST_NOT_FOUND', `nothing stored at ${key}`, { details: { key } })
      const stub = revokedStub(current.body, reason)
      // Archive the original first: a crash between the two writes leaves the original in place and the
      // archive written, and revoking again completes the job.
      if (!isRevokedDocument(current.body)) await store.put(`${PRIVATE_PREFIX}revoked/${key}`, current.body)
      await store.put(key, `${JSON.stringify(stub, null, 2)}\n`)
    },
    async recover() {
      let removed = 0
      const visit = async (directory: string): Promise<void> => {
        let entries
        try {
          entries = await readdir(directory, { withFileTypes: true })
        } catch (error) {
          if (NOT_FOUND.has(errnoCode(error) ?? '')) return
          throw error
        }
        for (const entry of entries) {
          const full = join(directory, entry.name)
          if (entry.isDirectory()) await visit(full)
          else if (entry.isFile()) {
            const match = TEMP_FILE_PATTERN.exec(entry.name)
            if (match && !processIsAlive(Number(match[1]))) {
              await unlink(full).catch(() => undefined)
              removed++
            }
          }
        }
      }
      await io('recover', '', () => visit(root))
      return removed
    },
  }
  return store
}

interface ReadCache {
  get(key: string): StoredResource | null | undefined
  set(key: string, value: StoredResource | null): void
  delete(key: string): void
}

/** A TTL cache bounded in bytes (Map insertion order = age; the oldest entries are evicted first). */
function createReadCache(ttlMs: number, maxBytes: number): ReadCache {
  if (!(ttlMs > 0)) return { get: () => undefined, set: () => undefined, delete: () => undefined }
  const entries = new Map<string, { value: StoredResource | null; expires: number; size: number }>()
  let bytes = 0
  const drop = (key: string) => {
    const entry = entries.get(key)
    if (entry) {
      bytes -= entry.size
      entries.delete(key)
    }
  }
  return {
    get(key) {
      const entry = entries.get(key)
      if (!entry) return undefined
      if (performance.now() >= entry.expires) {
        drop(key)
        return undefined
      }
      return entry.value
    },
    set(key, value) {
      drop(key)
      const size = (value?.body.byteLength ?? 0) + key.length + 64
      if (size > maxBytes) return
      entries.set(key, { value, expires: performance.now() + ttlMs, size })
      bytes += size
      for (const oldest of entries.keys()) {
        if (bytes <= maxBytes) break
        drop(oldest)
      }
    },
    delete: drop,
  }
}
