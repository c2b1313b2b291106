/**
 * `omc issue --batch roster.csv --issuer issuer.json --mc mc.json --dir ./badges [--key private.pem
 * --key-id URL] [--bake badge.png]`: issues one micro-credential per roster row into a badge directory,
 * optionally signed and baked, with a progress bar on a terminal and a summary. Re-running after a
 * crash or an interruption issues nothing twice and skips nothing (see src/host/batch.ts).
 */
import { createReadStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { isOpenBadgesError } from '../errors.js'
import { baseUrlOf } from '../issue/index.js'
import { importPrivateKey, isSignatureAlgorithm, SIGNATURE_ALGORITHMS, type SigningKey } from '../sign/index.js'
import { issueBatch, type RowOutcome } from '../host/batch.js'
import { formatCsvRecord, parseCsv } from '../host/csv.js'
import { createFsStore } from '../host/fs-store.js'
import { writeStoreConfig } from '../host/publish.js'
import { readRoster, rowToAward, type RosterRow } from '../host/roster.js'
import { prepareIssuance, printProblems, readJsonFile } from './commands/issue.js'
import { parseCommandArgs } from './args.js'
import { writeFileAtomic } from './files.js'
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliIo } from './io.js'
import { acquireLock, DIRECTORY_LOCK } from './lock.js'
import { createProgress } from './progress.js'

/** Usage of `omc issue --batch`. */
const batchUsage = `Usage: omc issue --batch ROSTER.csv --issuer FILE --mc FILE --dir DIR [options]

Issues the micro-credential to every row of a CSV roster and writes each assertion into DIR (a badge
directory: serve it with omc serve, or copy it to a static host). Re-running the same command after a
crash or Ctrl-C issues nothing twice and skips nothing: each row is keyed by its "key" column, or by
its email and the MC id.

Roster columns (header row required; case-insensitive):
  email (required), key, evidence_url, evidence_narrative, evidence_name, evidence_description,
  evidence_genre, evidence_audience (add _2, _3... for more evidence), narrative,
  score_<n> and feedback_<n> (rubric criterion n, 1-based, or its identifier), assessor, assessor_id,
  assessor_email, assessed_on, issued_on, expires, attempt

Options:
  --batch FILE        the roster (- reads standard input)
  --issuer FILE       issuer definition (JSON)
  --mc FILE           micro-credential definition (JSON)
  --dir DIR           the badge directory (created when missing)
  --base-url URL      where DIR is published (default: the issuer's base URL)
  --key FILE          sign every assertion with this private key (PEM); needs --key-id
  --key-id URL        the CryptographicKey id listed in the issuer's publicKey
  --alg ALG           ${SIGNATURE_ALGORITHMS.join(', ')} (default: by key type)
  --bake FILE         bake every assertion (or its JWS) into this PNG or SVG
  --plain             do not hash recipient emails
  --concurrency N     rows in flight (default 8)
  --report FILE       write a CSV of every row's outcome (line, email, status, assertion URL, image URL)
`

const batchOptionSpec = {
  batch: { type: 'string' },
  issuer: { type: 'string' },
  mc: { type: 'string' },
  dir: { type: 'string' },
  'base-url': { type: 'string' },
  key: { type: 'string' },
  'key-id': { type: 'string' },
  alg: { type: 'string' },
  bake: { type: 'string' },
  plain: { type: 'boolean', default: false },
  concurrency: { type: 'string', default: '8' },
  report: { type: 'string' },
} as const


async function countRecords(file: string): Promise<number | undefined> {
  try {
    let n = -1 // the header
    for await (const _ of parseCsv(createReadStream(file))) n++
    return Math.max(0, n)
  } catch {
    return undefined // the real pass reports the problem with its line
  }
}

/** Runs `omc issue --batch ...`; returns the exit code (1 when any row failed). */
export async function runBatch(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(io, {
    command: 'issue --batch', usage: batchUsage, args: argv,
    options: batchOptionSpec,
    required: ['batch', 'issuer', 'mc', 'dir'],
  })
  if (!parsed) return EXIT_USAGE
  const { values } = parsed
  if (Boolean(values.key) !== Boolean(values['key-id'])) {
    io.stderr(`omc issue --batch: --key and --key-id go together\n`)
    return EXIT_USAGE
  }
  if (values.alg !== undefined && !isSignatureAlgorithm(values.alg)) {
    io.stderr(`omc issue --batch: --alg must be one of ${SIGNATURE_ALGORITHMS.join(', ')}\n`)
    return EXIT_USAGE
  }
  const concurrency = Number(values.concurrency)
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256) {
    io.stderr(`omc issue --batch: --concurrency must be an integer from 1 to 256\n`)
    return EXIT_USAGE
  }

  const dir = resolve(io.cwd, values.dir)
  const store = createFsStore(dir)
  let release: (() => Promise<void>) | undefined
  try {
    const prepared = prepareIssuance(await readJsonFile(io.cwd, values.issuer), await readJsonFile(io.cwd, values.mc), { issuer: values.issuer, mc: values.mc })
    const baseUrl = values['base-url'] ?? baseUrlOf(prepared.issuer.id)
    let signingKey: SigningKey | undefined
    if (values.key) {
      const privateKey = await importPrivateKey(await readFile(resolve(io.cwd, values.key), 'utf8'))
      signingKey = { privateKey, id: values['key-id']!, ...(values.alg && isSignatureAlgorithm(values.alg) ? { alg: values.alg } : {}) }
    }
    const bakeImage = values.bake ? new Uint8Array(await readFile(resolve(io.cwd, values.bake))) : undefined

    await store.put('.omc/README.txt', 'Private state of omc (batch secret, archived revoked badges). Never publish this directory.\n')
    release = await acquireLock(join(dir, DIRECTORY_LOCK), { holder: 'another batch or revoke' })
    await writeStoreConfig(store, { baseUrl })
    await store.recover()

    const fromStdin = values.batch === '-'
    const rosterPath = resolve(io.cwd, values.batch)
    const total = fromStdin ? undefined : await countRecords(rosterPath)
    const source = fromStdin ? [await io.readStdin()] : createReadStream(rosterPath)
    const { header, records } = await readRoster(source)
    if (header.ignored.length > 0) io.stderr(`omc issue --batch: ignoring unknown column(s): ${header.ignored.join(', ')}\n`)
    const hashed = !values.plain
    async function* rows(): AsyncGenerator<RosterRow> {
      for await (const record of records) yield rowToAward(record, { hashed })
    }

    const progress = createProgress(io, total)
    const report: Array<[number, string]> = []
    const emails = new Map<number, string>()
    const failures: RowOutcome[] = []
    const summary = await issueBatch(
      (async function* () {
        for await (const row of rows()) {
          if (values.report && row.email) emails.set(row.line, row.email)
          yield row
        }
      })(),
      {
        store,
        badgeClass: prepared.badgeClass,
        issuer: prepared.issuer,
        baseUrl,
        now: io.now,
        concurrency,
        ...(signingKey ? { signingKey } : {}),
        ...(bakeImage ? { bakeImage } : {}),
        onRow(outcome) {
          progress.update(outcome.status)
          if (outcome.status === 'failed') failures.push(outcome)
          if (values.report) {
            const problems = (outcome.problems ?? []).map((p) => `${p.code} ${p.path}`).join('; ')
            report.push([outcome.line, formatCsvRecord([String(outcome.line), emails.get(outcome.line) ?? '', outcome.status, outcome.assertionId ?? '', outcome.imageUrl ?? '', problems])])
            emails.delete(outcome.line)
          }
        },
      },
    )
    progress.done()

    for (const f of failures.slice(0, 20)) {
      io.stderr(`  line ${f.line}: ${(f.problems ?? []).map((p) => `${p.code} ${p.path} ${p.message}`).join('; ')}\n`)
    }
    if (failures.length > 20) io.stderr(`  ... and ${failures.length - 20} more failed rows\n`)
    if (values.report) {
      const lines = report.sort((a, b) => a[0] - b[0]).map(([, text]) => `${text}\r\n`)
      await writeFileAtomic(resolve(io.cwd, values.report), `line,email,status,assertion,image,problems\r\n${lines.join('')}`)
    }
    io.stdout(
      `${summary.rows} row(s): ${summary.issued} issued, ${summary.skipped} already issued (skipped), ${summary.failed} failed\n` +
        `badges in ${dir}${values.report ? `; report in ${resolve(io.cwd, values.report)}` : ''}\n`,
    )
    return summary.failed > 0 ? EXIT_FAILURE : EXIT_OK
  } catch (error) {
    printProblems(io, error, 'omc issue --batch')
    if (isOpenBadgesError(error) && typeof error.details.line === 'number') io.stderr(`  (roster line ${error.details.line})\n`)
    return EXIT_FAILURE
  } finally {
    await release?.()
  }
}
