/**
 * `omc bake --in badge.png --assertion a.json|a.jws --out baked.png`: bakes a hosted assertion (JSON)
 * or a signed one (JWS) into a PNG or SVG image.
 */
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { bake, extract } from '../../bake/index.js'
import { isOpenBadgesError } from '../../errors.js'
import { parseCommandArgs } from '../args.js'
import { writeFileAtomic } from '../files.js'
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliCommand, type CliIo } from '../io.js'

const usage = `Usage: omc bake --in IMAGE --assertion FILE --out FILE

Bakes an Open Badges assertion into a PNG or SVG badge image (the format is detected from the bytes).
PNG: one iTXt chunk with keyword "openbadges"; SVG: an <openbadges:assertion> element. An existing
baked badge is replaced; the rest of the image is kept byte for byte.

Options:
  --in IMAGE         the badge image (PNG or SVG)
  --assertion FILE   the hosted assertion JSON (a.json) or the signed assertion, a JWS (a.jws);
                     "-" reads it from standard input
  --out FILE         where to write the baked image

Exit codes: 0 baked, 1 failure (unreadable files, a malformed image: the error code is printed), 2 usage.
`

const JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/

/** Reads the assertion file and returns the text to bake, or an error message. */
function assertionText(bytes: Uint8Array): { text: string } | { error: string } {
  let raw: string
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return { error: 'the assertion file is not UTF-8 text' }
  }
  const text = raw.trim()
  if (JWS.test(text)) return { text }
  if (text.startsWith('{')) {
    try {
      const doc: unknown = JSON.parse(text)
      if (typeof doc === 'object' && doc !== null && !Array.isArray(doc)) return { text }
    } catch (error) {
      return { error: `the assertion file is not valid JSON: ${(error as Error).message}` }
    }
  }
  return { error: 'the assertion file must hold assertion JSON (an object) or a JWS compact serialization' }
}

async function run(args: string[], io: CliIo): Promise<number> {
  const cli = parseCommandArgs(io, {
    command: 'bake', usage, args,
    options: { in: { type: 'string' }, assertion: { type: 'string' }, out: { type: 'string' } },
    required: ['in', 'assertion', 'out'],
  })
  if (!cli) return EXIT_USAGE
  const { values } = cli
  const inPath = resolve(io.cwd, values.in)
  const outPath = resolve(io.cwd, values.out)
  let image: Uint8Array
  let assertionBytes: Uint8Array
  try {
    image = new Uint8Array(await readFile(inPath))
    assertionBytes = values.assertion === '-' ? await io.readStdin() : new Uint8Array(await readFile(resolve(io.cwd, values.assertion)))
  } catch (error) {
    io.stderr(`omc bake: ${(error as Error).message}\n`)
    return EXIT_FAILURE
  }
  const parsed = assertionText(assertionBytes)
  if ('error' in parsed) {
    io.stderr(`omc bake: ${parsed.error}\n`)
    return EXIT_FAILURE
  }
  let baked: Uint8Array
  try {
    baked = bake(image, parsed.text)
  } catch (error) {
    if (!isOpenBadgesError(error)) throw error
    io.stderr(`omc bake: ${error.code}: ${error.message}\n`)
    return EXIT_FAILURE
  }
  try {
    await writeFileAtomic(outPath, baked)
  } catch (error) {
    io.stderr(`omc bake: ${(error as Error).message}\n`)
    return EXIT_FAILURE
  }
  const found = extract(baked)
  io.stdout(`baked ${found.format} (${found.baked ? found.form : 'unbaked'}), ${baked.length} bytes: ${values.out}\n`)
  return EXIT_OK
}

/** The `omc bake` command. */
export const bakeCommand: CliCommand = {
  name: 'bake',
  summary: 'bake an assertion (JSON or JWS) into a PNG or SVG badge image',
  usage,
  run,
}
