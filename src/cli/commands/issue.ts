/**
 * `omc issue --issuer issuer.json --mc mc.json --email ADDRESS [evidence...] [--out FILE]`: issues one
 * micro-credential assertion and writes its JSON. Bad input prints every problem and exits 1.
 *
 * Batch issuance (src/cli/batch.ts) shares `readJsonFile`, `prepareIssuance` (issuer + BadgeClass from
 * definitions, once per batch) and `printProblems`.
 */
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { isOpenBadgesError, OpenBadgesError, type Problem } from '../../errors.js'
import { defineIssuer, defineMicroCredential, issueAssertion } from '../../issue/index.js'
import type { AwardInput, EvidenceInput, IssuerDefinition, MicroCredentialDefinition } from '../../issue/index.js'
import type { MicroCredentialBadgeClass } from '../../model/microcredential.js'
import type { IssuerProfile } from '../../model/openbadges.js'
import { parseCommandArgs } from '../args.js'
import { writeFileAtomic } from '../files.js'
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliCommand, type CliIo } from '../io.js'
import { runBatch } from '../batch.js'

const usage = `Usage: omc issue --issuer FILE --mc FILE --email ADDRESS [evidence] [options]

Issues one micro-credential assertion (Open Badges 2.0, hosted verification) and writes its JSON.
The recipient email is normalised and hashed (sha256, fresh salt) unless --plain.

Many earners at once: omc issue --batch ROSTER.csv --issuer FILE --mc FILE --dir DIR [--key --key-id --bake]
(run \`omc issue --batch\` alone for the roster columns and options).

Required:
  --issuer FILE              issuer definition (JSON: baseUrl, name, url, email...)
  --mc FILE                  micro-credential definition (JSON; see examples/complete-mc/mc.json)
  --email ADDRESS            the earner's email

Evidence (at least one for a micro-credential; repeatable):
  --evidence-url URL         a URL of submitted evidence
  --evidence-narrative TEXT  a narrative of submitted evidence
  --evidence FILE            JSON: one evidence object or a list ({url, narrative, name, description, genre, audience})

Options:
  --results FILE             JSON {results: [{criterion, score, level?, feedback?}], assessors: [...], assessedOn?, attempt?}
  --narrative TEXT           narrative connecting the evidence
  --expires DATETIME         expiry (ISO 8601 with time zone)
  --plain                    do not hash the recipient email
  --embed-badge              embed the BadgeClass in the assertion
  --out FILE                 write the assertion here (default: standard output)
  --badge-out FILE           also write the BadgeClass JSON
  --issuer-out FILE          also write the issuer Profile JSON
`

/** Parsed `omc issue` arguments. */
export interface IssueArgs {
  issuer: string
  mc: string
  email: string
  evidenceUrls: string[]
  evidenceNarratives: string[]
  evidenceFiles: string[]
  results?: string
  narrative?: string
  expires?: string
  plain: boolean
  embedBadge: boolean
  out?: string
  badgeOut?: string
  issuerOut?: string
}

/** The `omc issue` option table. */
const issueOptionSpec = {
  issuer: { type: 'string' },
  mc: { type: 'string' },
  email: { type: 'string' },
  'evidence-url': { type: 'string', multiple: true },
  'evidence-narrative': { type: 'string', multiple: true },
  evidence: { type: 'string', multiple: true },
  results: { type: 'string' },
  narrative: { type: 'string' },
  expires: { type: 'string' },
  plain: { type: 'boolean' },
  'embed-badge': { type: 'boolean' },
  out: { type: 'string' },
  'badge-out': { type: 'string' },
  'issuer-out': { type: 'string' },
} as const

/**
 * Parses `omc issue` arguments. Returns the arguments, or `undefined` after printing the usage error
 * to `io.stderr` (the command then exits 2).
 *
 * @example
 * ```ts
 * const args = parseIssueArgs(['--issuer', 'i.json', '--mc', 'mc.json', '--email', 'a@b.org', '--evidence-url', 'https://x'], io)
 * if (!args) return EXIT_USAGE
 * ```
 */
export function parseIssueArgs(args: string[], io: CliIo): IssueArgs | undefined {
  const cli = parseCommandArgs(io, { command: 'issue', usage, args, options: issueOptionSpec, required: ['issuer', 'mc', 'email'] })
  if (!cli) return undefined
  const { values } = cli
  const parsed: IssueArgs = {
    issuer: values.issuer,
    mc: values.mc,
    email: values.email,
    evidenceUrls: values['evidence-url'] ?? [],
    evidenceNarratives: values['evidence-narrative'] ?? [],
    evidenceFiles: values.evidence ?? [],
    plain: values.plain ?? false,
    embedBadge: values['embed-badge'] ?? false,
  }
  if (values.results !== undefined) parsed.results = values.results
  if (values.narrative !== undefined) parsed.narrative = values.narrative
  if (values.expires !== undefined) parsed.expires = values.expires
  if (values.out !== undefined) parsed.out = values.out
  if (values['badge-out'] !== undefined) parsed.badgeOut = values['badge-out']
  if (values['issuer-out'] !== undefined) parsed.issuerOut = values['issuer-out']
  return parsed
}

/** A JSON file that could not be read or parsed. */
export class IssueFileError extends OpenBadgesError {
  constructor(file: string, reason: string, cause?: unknown) {
    super('CLI_FILE_UNREADABLE', `${file}: ${reason}`, { cause, details: { file } })
  }
}

/**
 * Reads and parses a JSON file named on the command line (relative to `cwd`).
 *
 * @throws IssueFileError (`CLI_FILE_UNREADABLE`) for a missing, unreadable or non-JSON file.
 * @example
 * ```ts
 * const issuerDefinition = await readJsonFile(io.cwd, 'issuer.json')
 * ```
 */
export async function readJsonFile(cwd: string, file: string): Promise<unknown> {
  let text: string
  try {
    text = await readFile(resolve(cwd, file), 'utf8')
  } catch (error) {
    throw new IssueFileError(file, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message, error)
  }
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    throw new IssueFileError(file, 'not valid JSON', error)
  }
}

/** The loaded content of the files `omc issue` names. */
export interface IssueFiles {
  issuer: unknown
  microCredential: unknown
  evidence: EvidenceInput[]
  results?: Record<string, unknown>
}

/**
 * Reads the issuer, MC, evidence and results files of parsed arguments (relative to `cwd`).
 *
 * @throws IssueFileError (`CLI_FILE_UNREADABLE`) for a missing or non-JSON file.
 */
async function readIssueFiles(args: IssueArgs, cwd: string): Promise<IssueFiles> {
  const issuer = await readJsonFile(cwd, args.issuer)
  const microCredential = await readJsonFile(cwd, args.mc)
  const evidence: EvidenceInput[] = []
  for (const file of args.evidenceFiles) {
    const loaded = await readJsonFile(cwd, file)
    evidence.push(...((Array.isArray(loaded) ? loaded : [loaded]) as EvidenceInput[]))
  }
  const files: IssueFiles = { issuer, microCredential, evidence }
  if (args.results !== undefined) {
    const results = await readJsonFile(cwd, args.results)
    if (results === null || typeof results !== 'object' || Array.isArray(results)) throw new IssueFileError(args.results, 'must be a JSON object')
    files.results = results as Record<string, unknown>
  }
  return files
}

/** Prefixes problem paths with the file they concern. */
function inFile(error: unknown, file: string): never {
  if (isOpenBadgesError(error)) {
    const problems = error.problems.map((p: Problem) => ({ ...p, path: `${file}#${p.path}` }))
    throw new OpenBadgesError(error.code, error.message, { problems, cause: error })
  }
  throw error
}

/** An issuer Profile and a BadgeClass built from their definitions (build once, issue many). */
export interface PreparedIssuance {
  issuer: IssuerProfile
  badgeClass: MicroCredentialBadgeClass
}

/**
 * Builds the issuer and the MC BadgeClass from loaded definitions. Problem paths are prefixed with the
 * given file names (`issuer.json#/email`).
 *
 * @throws OpenBadgesError `INVALID_INPUT` with every problem.
 */
export function prepareIssuance(issuerDefinition: unknown, mcDefinition: unknown, names: { issuer: string; mc: string }): PreparedIssuance {
  let issuer: IssuerProfile
  try {
    issuer = defineIssuer(issuerDefinition as IssuerDefinition)
  } catch (error) {
    inFile(error, names.issuer)
  }
  try {
    return { issuer, badgeClass: defineMicroCredential(issuer, mcDefinition as MicroCredentialDefinition) }
  } catch (error) {
    inFile(error, names.mc)
  }
}

/** Builds the AwardInput for one recipient from parsed arguments and loaded files. */
function awardFromArgs(args: IssueArgs, files: IssueFiles): AwardInput {
  const evidence: EvidenceInput[] = [
    ...args.evidenceUrls.map((url) => ({ url })),
    ...args.evidenceNarratives.map((narrative) => ({ narrative })),
    ...files.evidence,
  ]
  const award: AwardInput = { recipient: args.email, hashed: !args.plain }
  if (evidence.length > 0) award.evidence = evidence
  if (args.narrative !== undefined) award.narrative = args.narrative
  if (args.expires !== undefined) award.expires = args.expires
  if (files.results) Object.assign(award, pick(files.results, ['results', 'assessors', 'assessedOn', 'attempt']))
  return award
}

function pick(o: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]))
}

/** Prints an error to stderr: every problem with its code, or the error's code (when it has one) and message. */
export function printProblems(io: CliIo, error: unknown, command = 'omc issue'): void {
  if (isOpenBadgesError(error) && error.problems.length > 0) {
    io.stderr(`${command}: ${error.problems.length} problem(s):\n`)
    for (const p of error.problems) io.stderr(`  ${p.code}  ${p.path || '(root)'}  ${p.message}\n`)
  } else {
    io.stderr(`${command}: ${isOpenBadgesError(error) ? `${error.code}: ` : ''}${(error as Error)?.message ?? String(error)}\n`)
  }
}

async function run(argv: string[], io: CliIo): Promise<number> {
  if (argv.includes('--batch')) return runBatch(argv, io) // many recipients from a CSV roster: src/cli/batch.ts
  const args = parseIssueArgs(argv, io)
  if (!args) return EXIT_USAGE
  try {
    const files = await readIssueFiles(args, io.cwd)
    const prepared = prepareIssuance(files.issuer, files.microCredential, { issuer: args.issuer, mc: args.mc })
    const assertion = issueAssertion(prepared.badgeClass, awardFromArgs(args, files), { now: io.now, embedBadge: args.embedBadge })
    const json = `${JSON.stringify(assertion, null, 2)}\n`
    for (const [file, doc] of [
      [args.badgeOut, prepared.badgeClass],
      [args.issuerOut, prepared.issuer],
    ] as const) {
      if (file !== undefined) await writeFileAtomic(resolve(io.cwd, file), `${JSON.stringify(doc, null, 2)}\n`)
    }
    if (args.out !== undefined) {
      const out = resolve(io.cwd, args.out)
      await writeFileAtomic(out, json)
      io.stdout(`wrote ${out}\n`)
    } else io.stdout(json)
    return EXIT_OK
  } catch (error) {
    printProblems(io, error)
    return EXIT_FAILURE
  }
}

/** The `omc issue` command. */
export const issueCommand: CliCommand = {
  name: 'issue',
  summary: 'issue a micro-credential assertion to an email',
  usage,
  run,
}
