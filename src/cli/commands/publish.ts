/**
 * `omc publish`: put badge documents into a badge directory at the paths their ids name, or export a
 * badge directory as a static site.
 */
import { existsSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { resolve, sep } from 'node:path'
import { isOpenBadgesError } from '../../errors.js'
import { exportStaticSite } from '../../host/export.js'
import { createFsStore } from '../../host/fs-store.js'
import { keyForId } from '../../host/paths.js'
import { publishDocument, readStoreConfig, writeStoreConfig } from '../../host/publish.js'
import { validate } from '../../schema/index.js'
import { parseCommandArgs, usageError } from '../args.js'
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliCommand, type CliIo } from '../io.js'

const usage = `Usage:
  omc publish --dir DIR [--base-url URL] FILE.json... [--image URL=FILE]...
  omc publish --dir DIR --out SITE [--base-url URL] [--html] [--no-extensionless]

Adds Open Badges documents to a badge directory (the directory omc serve serves and omc issue --batch
writes), each at the path its id names under the base URL: an issuer Profile at https://x.org/issuer
goes to DIR/issuer.json, a CryptographicKey at https://x.org/keys/1 to DIR/keys/1.json. Documents are
validated first; an invalid one is refused with its problems.

With --out, exports the directory as a static site instead: every public file (never DIR/.omc), this
project's JSON-LD contexts and schemas, a copy of each document at its extensionless id path, and with
--html a readable page beside each issuer, micro-credential and assertion. Upload SITE to any static
host or object store; docs/hosting.md lists the content types to set.

Options:
  --dir DIR            the badge directory (created when missing)
  --base-url URL       the URL DIR is published under (default: remembered from the last batch or publish)
  --image URL=FILE     also put an image (PNG/SVG) at the path URL names (repeatable)
  --force              publish documents even when they do not validate
  --out SITE           export a static site into SITE
  --html               with --out: write an HTML page beside each issuer, MC and assertion
  --no-extensionless   with --out: no extensionless copies
`

async function baseUrlFor(io: CliIo, dir: string, given: string | undefined): Promise<string | undefined> {
  if (given !== undefined) return given
  return (await readStoreConfig(createFsStore(dir))).baseUrl
}

async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(io, {
    command: 'publish', usage, args,
    options: {
      dir: { type: 'string' }, 'base-url': { type: 'string' },
      image: { type: 'string', multiple: true }, force: { type: 'boolean', default: false }, // adding documents
      out: { type: 'string' }, html: { type: 'boolean', default: false }, 'no-extensionless': { type: 'boolean', default: false }, // exporting
    },
    allowPositionals: true,
    required: ['dir'],
    missingMessage: '--dir is required',
  })
  if (!parsed) return EXIT_USAGE
  const { values, positionals } = parsed
  const dir = resolve(io.cwd, values.dir)
  const baseUrl = await baseUrlFor(io, dir, values['base-url'])
  if (baseUrl === undefined) {
    io.stderr(`omc publish: give --base-url (the URL ${dir} is published under)\n`)
    return EXIT_USAGE
  }
  try {
    if (values.out) {
      if (positionals.length > 0 || values.image) {
        io.stderr(`omc publish: --out exports the directory; add documents in a separate run\n`)
        return EXIT_USAGE
      }
      const out = resolve(io.cwd, values.out)
      if (out === dir || out.startsWith(`${dir}${sep}`) || dir.startsWith(`${out}${sep}`)) {
        io.stderr(`omc publish: --out and --dir must not contain each other\n`)
        return EXIT_USAGE
      }
      if (!existsSync(dir) || !statSync(dir).isDirectory()) {
        io.stderr(`omc publish: no such directory: ${dir}\n`)
        return EXIT_FAILURE
      }
      const summary = await exportStaticSite(createFsStore(dir), createFsStore(out), {
        baseUrl,
        html: values.html,
        extensionless: !values['no-extensionless'],
        now: io.now,
      })
      io.stdout(
        `exported ${summary.files} file(s) to ${out}: ${summary.documents} document(s), ` +
          `${summary.extensionless} extensionless copies, ${summary.pages} HTML page(s)\n` +
          `publish it at ${baseUrl} (content types: docs/hosting.md)\n`,
      )
      return EXIT_OK
    }

    if (positionals.length === 0 && !values.image) {
      return usageError(io, 'publish', usage, 'name the documents to publish (or --out SITE to export)')
    }
    const store = createFsStore(dir)
    await writeStoreConfig(store, { baseUrl })
    let failed = false
    for (const file of positionals) {
      let doc: unknown
      try {
        doc = JSON.parse(await readFile(resolve(io.cwd, file), 'utf8'))
      } catch (error) {
        io.stderr(`omc publish: ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'not JSON'}\n`)
        failed = true
        continue
      }
      const result = validate(doc)
      const errors = result.problems.filter((p) => p.severity !== 'warning')
      if (errors.length > 0 && !values.force) {
        io.stderr(`omc publish: ${file}: ${errors.length} problem(s), not published (--force to publish anyway):\n`)
        for (const p of errors) io.stderr(`  ${p.code}  ${p.path || '(root)'}  ${p.message}\n`)
        failed = true
        continue
      }
      try {
        const published = await publishDocument(store, baseUrl, doc)
        io.stdout(`${published.status === 'written' ? 'published' : 'unchanged'} ${published.id} -> ${resolve(dir, published.key)}\n`)
      } catch (error) {
        io.stderr(`omc publish: ${file}: ${isOpenBadgesError(error) ? `${error.code}: ` : ''}${(error as Error).message}\n`)
        failed = true
      }
    }
    for (const spec of values.image ?? []) {
      const eq = spec.lastIndexOf('=')
      const url = eq > 0 ? spec.slice(0, eq) : ''
      const key = url ? keyForId(url, baseUrl) : null
      if (key === null || !/\.(png|svg)$/i.test(key)) {
        io.stderr(`omc publish: --image ${spec}: expected URL=FILE with a .png or .svg URL under ${baseUrl}\n`)
        failed = true
        continue
      }
      await store.put(key, new Uint8Array(await readFile(resolve(io.cwd, spec.slice(eq + 1)))))
      io.stdout(`published ${url} -> ${resolve(dir, key)}\n`)
    }
    return failed ? EXIT_FAILURE : EXIT_OK
  } catch (error) {
    io.stderr(`omc publish: ${isOpenBadgesError(error) ? `${error.code}: ` : ''}${(error as Error).message}\n`)
    return EXIT_FAILURE
  }
}

/** The `omc publish` command. */
export const publishCommand: CliCommand = {
  name: 'publish',
  summary: 'add badge documents to a badge directory, or export it as a static site',
  usage,
  run,
}
