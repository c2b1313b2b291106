/**
 * Writing the files `omc` commands produce (keys, assertions, JWS, baked images, revocation lists,
 * reports) so that a crash or a power cut leaves either the old file or the new one, never a mix.
 */
import { writeFileAtomic as writeAtomic } from '../host/atomic-write.js'

/**
 * Writes a file atomically and durably (temporary file, fsync, rename, directory fsync: see
 * src/host/atomic-write.ts). On any error the temporary file is removed and `path` is left as it was.
 * `mode` (subject to the umask) applies to the new file, e.g. 0o600 for private keys.
 *
 * @throws the underlying file-system error (`ENOENT` for a missing directory, `EISDIR` when `path` is a
 *   directory, `EACCES`...).
 * @example
 * ```ts
 * await writeFileAtomic('keys/private.pem', pem, 0o600)
 * ```
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o644): Promise<void> {
  return writeAtomic(path, data, { mode })
}
