/**
 * `omc extract baked.png [--json]`: prints the Open Badges data baked into a PNG or SVG image.
 */
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { extract } from '../../bake/index.js'
import { isOpenBadgesError } from '../../errors.js'
import { parseCommandArgs, usageError } from '../args.js'
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliCommand, type CliIo } from '../io.js'

const usage = `Usage: omc extract IMAGE [--json]

Prints the Open Badges data baked into a PNG or SVG image: the hosted assertion JSON, the signed
assertion (JWS), or for legacy PNGs the assertion URL. "-" reads the image from standard input.

Options:
  --json   print {"format", "form", "text"} as JSON instead of the bare text
           (form: itxt | text | svg-body | svg-verify)

Exit codes: 0 found, 1 no badge in the image or a malformed image (the error code is printed), 2 usage.
`

async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(io, { command: 'extract', usage, args, options: { json: { type: 'boolean', default: false } }, allowPositionals: true })
  if (!parsed) return EXIT_USAGE
  const [file, ...extra] = parsed.positionals
  if (file === undefined || extra.length > 0) return usageError(io, 'extract', usage, 'expected exactly one image file')
  let image: Uint8Array
  try {
    image = file === '-' ? await io.readStdin() : new Uint8Array(await readFile(resolve(io.cwd, file)))
  } catch (error) {
    io.stderr(`omc extract: ${(error as Error).message}\n`)
    return EXIT_FAILURE
  }
  let found
  try {
    found = extract(image)
  } catch (error) {
    if (!isOpenBadgesError(error)) throw error
    io.stderr(`omc extract: ${error.code}: ${error.message}\n`)
    return EXIT_FAILURE
  }
  if (!found.baked) {
    io.stderr(`omc extract: ${file === '-' ? 'the image' : file} is a ${found.format.toUpperCase()} without baked Open Badges data\n`)
    return EXIT_FAILURE
  }
  const { format, form, text } = found
  io.stdout(parsed.values.json ? `${JSON.stringify({ format, form, text })}\n` : `${text}\n`)
  return EXIT_OK
}

/** The `omc extract` command. */
export const extractCommand: CliCommand = {
  name: 'extract',
  summary: 'print the assertion baked into a PNG or SVG badge image',
  usage,
  run,
}
