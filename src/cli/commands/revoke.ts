/**
 * `omc revoke --list revocations.json --id ASSERTION_ID [--reason TEXT]`: adds a signed badge to the
 * issuer's RevocationList file (created when missing), written atomically.
 */
import { randomBytes } from 'node:crypto'
import { readFile, rename, unlink, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { isOpenBadgesError } from '../../errors.js'
import { createRevocationList, isRevoked, revoke } from '../../issue/revocation.js'
import type { RevocationList } from '../../model/openbadges.js'
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliCommand, type CliIo } from '../io.js'

const usage = `Usage: omc revoke --list FILE --id ASSERTION_ID [--reason TEXT] [--list-id URL] [--issuer URL]

Adds an assertion to a RevocationList document (the file the issuer Profile's revocationList points to).
The file is created when missing and always rewritten atomically. Revoking an id twice keeps one entry.

Options:
  --list FILE      the RevocationList JSON file
  --id ID          the id of the revoked assertion (e.g. urn:uuid:...)
  --reason TEXT    the published revocation reason (optional)
  --list-id URL    id of a newly created list (its public URL)
  --issuer URL     issuer of a newly created list
`

/**
 * Writes a file atomically: a temporary file in the same directory, then a rename over the target, so
 * readers never see a half-written file. `mode` applies to the new file (e.g. 0o600 for private keys).
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o644): Promise<void> {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`
  try {
    await writeFile(tmp, data, { mode, flag: 'wx' })
    await rename(tmp, path)
  } catch (error) {
    await unlink(tmp).catch(() => undefined)
    throw error
  }
}

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

async function run(args: string[], io: CliIo): Promise<number> {
  let values
  try {
    values = parseArgs({
      args,
      options: {
        list: { type: 'string' },
        id: { type: 'string' },
        reason: { type: 'string' },
        'list-id': { type: 'string' },
        issuer: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }).values
  } catch (error) {
    io.stderr(`omc revoke: ${(error as Error).message}\n\n${usage}`)
    return EXIT_USAGE
  }
  if (!values.list || !values.id) {
    io.stderr(`omc revoke: --list and --id are required\n\n${usage}`)
    return EXIT_USAGE
  }
  const path = resolve(io.cwd, values.list)
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
    const already = isRevoked(list, values.id)
    const next = revoke(list, values.id, values.reason)
    await writeFileAtomic(path, `${JSON.stringify(next, null, 2)}\n`)
    const what = already.revoked ? (values.reason ? 'updated the reason of' : 'already revoked:') : 'revoked'
    io.stdout(`${created ? `created ${path}; ` : ''}${what} ${values.id}\n`)
    return EXIT_OK
  } catch (error) {
    const label = isOpenBadgesError(error) ? `${error.code}: ` : ''
    io.stderr(`omc revoke: ${label}${(error as Error).message} (${path})\n`)
    return EXIT_FAILURE
  }
}

/** The `omc revoke` command. */
export const revokeCommand: CliCommand = {
  name: 'revoke',
  summary: 'add a signed badge to the issuer RevocationList file',
  usage,
  run,
}
