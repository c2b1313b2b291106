/**
 * `omc verify <file|url|->`: verifies an Open Badges assertion (hosted URL, JSON, JWS, baked PNG/SVG)
 * and prints a readable summary, or the report as JSON.
 */
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { verify, type RecipientQuery, type VerificationReport } from '../../verify/index.js'
import { parseCommandArgs, usageError } from '../args.js'
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliCommand, type CliIo } from '../io.js'

const usage = `Usage: omc verify <FILE | URL | -> [options]

Verifies an Open Badges 2.0 (or 1.0/1.1) assertion: a hosted assertion URL, a JSON or JWS file,
or a baked PNG/SVG image ("-" reads standard input). Prints the micro-credential, the issuer,
the recipient match, the dates, the evidence and every finding.

Options:
  --json                    print the full verification report as JSON
  --recipient VALUE         the expected recipient: an email, a URL, a +telephone, or
                            email:/url:/telephone:/id: followed by the value (repeatable)
  --now ISO-8601            verify as of this time (default: now)
  --allow-private-network   allow fetching from loopback/private addresses (local testing)
  --timeout MS              deadline per fetched document (default 10000)

Exit codes: 0 valid, 1 invalid, 2 usage error (bad options, unreadable file).
`

function fail(io: CliIo, message: string): number {
  return usageError(io, 'verify', usage, message)
}

/** Parses `--recipient` values into a recipient query; null when one is malformed. */
export function parseRecipients(values: string[]): RecipientQuery | null {
  const query: RecipientQuery = {}
  for (const raw of values) {
    const value = raw.trim()
    const explicit = /^(email|url|telephone|id):(.+)$/.exec(value)
    if (/^https?:\/\//i.test(value)) query.url = value
    else if (explicit) query[explicit[1] as keyof RecipientQuery] = (explicit[2] ?? '').trim()
    else if (/^[^\s@]+@[^\s@]+$/.test(value)) query.email = value
    else if (/^\+?[0-9][0-9 ().-]{3,}$/.test(value)) query.telephone = value
    else return null
  }
  return query
}

function line(label: string, value: string): string {
  return `${label.padEnd(12)} ${value}\n`
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined
}

function many(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value]
}

function obj(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

function oneLine(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

/** The readable summary of a report. */
export function formatSummary(report: VerificationReport, recipient: RecipientQuery | undefined): string {
  const a = obj(report.assertion)
  const b = obj(report.badgeClass)
  const i = obj(report.issuer)
  const method = obj(a.verification).type
  let out = `${report.valid ? 'VALID' : 'INVALID'}: ${report.errorCount} error(s), ${report.warningCount} warning(s)`
  out += report.openBadgesVersion ? ` — Open Badges ${report.openBadgesVersion}${method ? ` ${String(method)}` : ''}\n\n` : '\n\n'

  if (str(b.name)) out += line('Credential', String(b.name))
  if (str(b.description)) out += line('Competency', oneLine(String(b.description)))
  for (const al of many(b.alignment).map(obj)) {
    const name = str(al.targetName) ?? '(unnamed)'
    const code = str(al.targetCode) ? ` [${String(al.targetCode)}]` : ''
    const framework = str(al.targetFramework) ? ` (${String(al.targetFramework)})` : ''
    out += line('Aligned to', `${name}${code}${framework}${str(al.targetUrl) ? ` ${String(al.targetUrl)}` : ''}`)
  }
  const criteria = obj(b.criteria)
  const criteriaText = typeof b.criteria === 'string' ? b.criteria : (str(criteria.id) ?? (str(criteria.narrative) ? oneLine(String(criteria.narrative)) : undefined))
  if (criteriaText) out += line('Criteria', criteriaText)
  const mc = obj(b['extensions:MicroCredentialExtension'])
  if (str(mc.keyMethod)) out += line('Key method', oneLine(String(mc.keyMethod)))
  const stacks = many(mc.stacks).map(obj).filter((st) => str(st.name))
  if (stacks.length > 0) out += line('Stacks', stacks.map((st) => `${String(st.name)}${typeof st.position === 'number' ? ` #${st.position}` : ''}`).join('; '))
  const renewal = [typeof mc.renewalCredits === 'number' ? `${mc.renewalCredits} credit(s)` : '', typeof mc.renewalHours === 'number' ? `${mc.renewalHours} hour(s)` : '']
    .filter(Boolean)
    .join(', ')
  if (renewal) out += line('Renewal', renewal)
  if (str(i.name) || str(i.id)) {
    out += line('Issuer', `${str(i.name) ?? '(unnamed)'}${str(i.id) ? ` <${String(i.id)}>` : ''}${str(i.email) ? ` ${String(i.email)}` : ''}`)
  }
  const r = obj(a.recipient)
  const who = recipient ? Object.values(recipient).join(', ') : ''
  if (report.recipientMatched === true) out += line('Recipient', `matches ${who}`)
  else if (report.recipientMatched === false) out += line('Recipient', `DOES NOT match ${who}`)
  else if (recipient) out += line('Recipient', `not checked (${who})`)
  else if (str(r.identity)) {
    out += line('Recipient', `${str(r.type) ?? 'identity'} ${r.hashed === true ? '(hashed; use --recipient to check)' : String(r.identity)}`)
  }
  if (str(a.issuedOn)) out += line('Issued', String(a.issuedOn))
  if (a.expires !== undefined) out += line('Expires', `${String(a.expires)}${report.expired ? ' (EXPIRED)' : ''}`)
  else if (report.assertion) out += line('Expires', 'never')
  const status = report.revoked === true ? 'REVOKED' : report.revoked === false ? 'not revoked' : 'revocation not checked'
  if (report.assertion) out += line('Status', status)
  const evidence = many(a.evidence)
  if (evidence.length > 0 || str(a.narrative)) {
    out += 'Evidence\n'
    if (str(a.narrative)) out += `  ${oneLine(String(a.narrative))}\n`
    for (const e of evidence) {
      if (typeof e === 'string') out += `  - ${e}\n`
      else {
        const ev = obj(e)
        const parts = [str(ev.name), str(ev.id), str(ev.narrative) ? oneLine(String(ev.narrative), 100) : undefined].filter(Boolean)
        out += `  - ${parts.join(' — ') || '(no details)'}\n`
      }
    }
  }
  out += `\nFindings (${report.messages.length})\n`
  for (const m of report.messages) {
    out += `  ${m.severity.padEnd(7)} ${m.code}${m.path ? ` ${m.path}` : ''}\n          ${m.message}\n`
  }
  return out
}

async function readInput(target: string, io: CliIo): Promise<string | Uint8Array> {
  if (target === '-') return io.readStdin()
  if (/^https?:\/\//i.test(target)) return target
  return new Uint8Array(await readFile(resolve(io.cwd, target)))
}

async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(io, {
    command: 'verify', usage, args,
    options: {
      json: { type: 'boolean', default: false }, recipient: { type: 'string', multiple: true }, now: { type: 'string' },
      'allow-private-network': { type: 'boolean', default: false }, timeout: { type: 'string' },
    },
    allowPositionals: true,
  })
  if (!parsed) return EXIT_USAGE
  const [target, ...extra] = parsed.positionals
  if (target === undefined || extra.length > 0) return fail(io, 'expected exactly one FILE, URL or -')
  const { values } = parsed
  let now: Date
  if (values.now !== undefined) {
    now = new Date(values.now)
    if (Number.isNaN(now.getTime())) return fail(io, `--now: not a date: ${values.now}`)
  } else now = io.now()
  let timeoutMs: number | undefined
  if (values.timeout !== undefined) {
    timeoutMs = Number(values.timeout)
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) return fail(io, `--timeout: not a positive number of milliseconds: ${values.timeout}`)
  }
  let recipient: RecipientQuery | undefined
  if (values.recipient && values.recipient.length > 0) {
    const query = parseRecipients(values.recipient)
    if (!query) return fail(io, `--recipient: give an email, a URL, a +telephone, or email:/url:/telephone:/id:VALUE`)
    recipient = query
  }
  let input: string | Uint8Array
  try {
    input = await readInput(target, io)
  } catch (error) {
    return fail(io, `cannot read ${target}: ${(error as Error).message}`)
  }
  const report = await verify(input, {
    now,
    ...(recipient ? { recipient } : {}),
    ...(values['allow-private-network'] ? { allowPrivateNetwork: true } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  })
  io.stdout(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatSummary(report, recipient))
  return report.valid ? EXIT_OK : EXIT_FAILURE
}

/** The `omc verify` command. */
export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'verify a badge (URL, JSON, JWS, baked PNG/SVG) and explain every finding',
  usage,
  run,
}
