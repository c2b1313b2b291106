/**
 * `omc revoke`: revokes a badge, either in a badge directory (`--dir`: the hosted assertion becomes a
 * 410 Gone stub and the issuer's RevocationList in the directory lists it) or in a RevocationList file
 * (`--list`: created when missing, written atomically).
 */
import { existsSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { isOpenBadgesError } from '../../errors.js'
import { createFsStore } from '../../host/fs-store.js'
import { readStoreConfig } from '../../host/publish.js'
import { revokeAssertion } from '../../host/revoke.js'
import { createRevocationList, isRevoked, revoke } from '../../issue/revocation.js'
import type { RevocationList } from '../../model/openbadges.js'
import { parseCommandArgs, usageError } from '../args.js'
import { writeFileAtomic } from '../files.js'
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliCommand, type CliIo } from '../io.js'
import { acquireLock, DIRECTORY_LOCK } from '../lock.js'

/** How long a revoke waits for another batch or revoke holding the same directory or list. */
const LOCK_WAIT_MS = 30_000

const usage = `Usage:
  omc revoke --dir DIR --id ASSERTION_URL [--reason TEXT] [--base-url URL]
  omc revoke --list FILE --id ASSERTION_ID [--reason TEXT] [--list-id URL] [--issuer URL]

With --dir, revokes a badge held in a badge directory (the one omc issue --batch writes and omc serve
serves): the hosted assertion is replaced by a revoked stub (served as 410 Gone) and, when the issuer's
revocationList is in the directory, the assertion is listed there (created when missing).

With --list, adds an assertion to a RevocationList document (the file the issuer Profile's
revocationList points to). The file is created when missing and always rewritten atomically.
Revoking an id twice keeps one entry.

Options:
  --dir DIR        the badge directory
  --base-url URL   the URL DIR is published under (default: remembered from the last batch or publish)
  --list FILE      the RevocationList JSON file
  --id ID          the id of the revoked assertion (e.g. urn:uuid:..., or its URL with --dir)
  --reason TEXT    the published revocation reason (optional)
  --list-id URL    with --list: id of a newly created list (its public URL)
  --issuer URL     with --list: issuer of a newly created list
`

/** Reads a RevocationList file; `undefined` when it does not exist. */
async function readList(path: string): Promise<RevocationList | undefined> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  return JSON.parse(text) as RevocationList
}

function failure(io: CliIo, error: unknown, where: string): number {
  const label = isOpenBadgesError(error) ? `${error.code}: ` : ''
  io.stderr(`omc revoke: ${label}${(error as Error).message} (${where})\n`)
  return EXIT_FAILURE
}

async function revokeInList(io: CliIo, file: string, id: string, values: { reason?: string; 'list-id'?: string; issuer?: string }): Promise<number> {
  const path = resolve(io.cwd, file)
  let release
  try {
    release = await acquireLock(`${path}.lock`, { waitMs: LOCK_WAIT_MS, holder: 'another revoke' })
  } catch (error) {
    return failure(io, error, path)
  }
  try {
    return await updateList(io, path, id, values)
  } finally {
    await release()
  }
}

/** Read-modify-write of the list file, under its lock. */
async function updateList(io: CliIo, path: string, id: string, values: { reason?: string; 'list-id'?: string; issuer?: string }): Promise<number> {
  let list: RevocationList | undefined
  try {
    list = await readList(path)
  } catch (error) {
    io.stderr(`omc revoke: cannot read ${path}: ${(error as Error).message}\n`)
    return EXIT_FAILURE
  }
  const created = list === undefined
  list ??= createRevocationList({ id: values['list-id'], issuer: values.issuer })
  try {
    const already = isRevoked(list, id)
    const next = revoke(list, id, values.reason)
    await writeFileAtomic(path, `${JSON.stringify(next, null, 2)}\n`)
    const what = already.revoked ? (values.reason ? 'updated the reason of' : 'already revoked:') : 'revoked'
    io.stdout(`${created ? `created ${path}; ` : ''}${what} ${id}\n`)
    return EXIT_OK
  } catch (error) {
    return failure(io, error, path)
  }
}

async function revokeInDirectory(io: CliIo, directory: string, id: string, values: { reason?: string; 'base-url'?: string }): Promise<number> {
  const dir = resolve(io.cwd, directory)
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    io.stderr(`omc revoke: no such directory: ${dir}\n`)
    return EXIT_FAILURE
  }
  const store = createFsStore(dir)
  try {
    const baseUrl = values['base-url'] ?? (await readStoreConfig(store)).baseUrl
    if (baseUrl === undefined) {
      io.stderr(`omc revoke: give --base-url (the URL ${dir} is published under)\n`)
      return EXIT_USAGE
    }
    const release = await acquireLock(join(dir, DIRECTORY_LOCK), { waitMs: LOCK_WAIT_MS, holder: 'another batch or revoke' })
    let result
    try {
      result = await revokeAssertion({ store, baseUrl, assertionId: id, ...(values.reason !== undefined ? { reason: values.reason } : {}) })
    } finally {
      await release()
    }
    io.stdout(`revoked ${id}: the hosted assertion is now a revoked stub (410 Gone)${result.revocationList ? `; listed in ${result.revocationList}` : ''}\n`)
    return EXIT_OK
  } catch (error) {
    return failure(io, error, dir)
  }
}

async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(io, {
    command: 'revoke', usage, args,
    options: {
      dir: { type: 'string' }, 'base-url': { type: 'string' }, // --dir
      list: { type: 'string' }, 'list-id': { type: 'string' }, issuer: { type: 'string' }, // --list
      id: { type: 'string' }, reason: { type: 'string' },
    },
    required: ['id'],
    missingMessage: '--id and one of --dir or --list are required',
  })
  if (!parsed) return EXIT_USAGE
  const { values } = parsed
  if (Boolean(values.dir) === Boolean(values.list)) return usageError(io, 'revoke', usage, 'give one of --dir DIR or --list FILE')
  if (values.dir) {
    if (values['list-id'] !== undefined || values.issuer !== undefined) {
      return usageError(io, 'revoke', usage, '--list-id and --issuer go with --list (with --dir the issuer names its list)')
    }
    return revokeInDirectory(io, values.dir, values.id, values)
  }
  if (values['base-url'] !== undefined) return usageError(io, 'revoke', usage, '--base-url goes with --dir')
  return revokeInList(io, values.list!, values.id, values)
}

/** The `omc revoke` command. */
export const revokeCommand: CliCommand = {
  name: 'revoke',
  summary: 'revoke a badge in a badge directory or a RevocationList file',
  usage,
  run,
}
