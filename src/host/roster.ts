/**
 * Roster rows → awards. A roster is a CSV file with a header row and one row per earner:
 *
 * | column | meaning |
 * | --- | --- |
 * | `email` (required) | the earner's email (hashed in the badge unless issued plain) |
 * | `key` | the row key that makes re-runs idempotent (default: the email, normalised, + the MC id) |
 * | `evidence_url`, `evidence_narrative`, `evidence_name`, `evidence_description`, `evidence_genre`, `evidence_audience` | one piece of evidence; add `_2`, `_3`... for more |
 * | `narrative` | how the evidence meets the criteria |
 * | `score_<n>` | the rubric score on criterion `n` (1-based position, or the criterion identifier) |
 * | `feedback_<n>` | assessor feedback on criterion `n` |
 * | `assessor`, `assessor_id`, `assessor_email` | who assessed (name and/or id); `;` separates several names |
 * | `assessed_on`, `issued_on`, `expires` | ISO 8601 date-times with a time zone |
 * | `attempt` | the attempt number (resubmission is normal) |
 *
 * Header names are case-insensitive; spaces and hyphens count as underscores.
 */
import { OpenBadgesError, type Problem } from '../errors.js'
import type { AwardInput, EvidenceInput, RubricResultInput } from '../issue/index.js'
import { normalizeEmail } from '../issue/index.js'
import { parseCsv, type CsvOptions, type CsvSource } from './csv.js'

/** Error codes of roster reading. */
export const ROSTER_CODES = {
  /** The roster has no header row, or no `email` column. */
  ROSTER_NO_EMAIL_COLUMN: 'ROSTER_NO_EMAIL_COLUMN',
  /** Two header cells name the same column. */
  ROSTER_DUPLICATE_COLUMN: 'ROSTER_DUPLICATE_COLUMN',
  /** A row without an email (a row-level problem: the row fails, the batch goes on). */
  ROSTER_EMAIL_MISSING: 'ROSTER_EMAIL_MISSING',
  /** A score or attempt that is not a number (row-level). */
  ROSTER_NOT_A_NUMBER: 'ROSTER_NOT_A_NUMBER',
  /** A row with more cells than the header (row-level). */
  ROSTER_EXTRA_CELLS: 'ROSTER_EXTRA_CELLS',
} as const

/** One roster row as read: its line, its cells by column name. */
export interface RosterRecord {
  line: number
  cells: Record<string, string>
}

/** One roster row turned into an award (or the problems that stop it). */
export interface RosterRow {
  line: number
  /** The explicit `key` cell, if any (the batch derives one from email + MC id otherwise). */
  key?: string
  /** The normalised email (the default row key uses it). */
  email?: string
  award?: AwardInput
  problems: Problem[]
}

/** What {@link readRoster} found in the header. */
export interface RosterHeader {
  columns: string[]
  /** Columns the roster reader does not use. */
  ignored: string[]
}

const EVIDENCE_FIELDS = ['url', 'narrative', 'name', 'description', 'genre', 'audience'] as const
const KNOWN = new Set(['email', 'key', 'narrative', 'assessor', 'assessor_id', 'assessor_email', 'assessed_on', 'issued_on', 'expires', 'attempt'])

/**
 * `Evidence URL` → `evidence_url`. In `score_<criterion>` / `feedback_<criterion>` the criterion part is
 * kept as written (rubric criterion identifiers are UUIDs, with hyphens).
 *
 * @example
 * normalizeColumn(' Evidence URL ') // 'evidence_url'
 * normalizeColumn('Score 3b6d1e1c-2f0a-4f43-9a55-2f9ad0b0e002') // 'score_3b6d1e1c-2f0a-4f43-9a55-2f9ad0b0e002'
 */
export function normalizeColumn(name: string): string {
  const trimmed = name.trim()
  const criterion = /^(score|feedback)[\s_-]+(.+)$/i.exec(trimmed)
  if (criterion) return `${criterion[1]!.toLowerCase()}_${criterion[2]!.trim()}`
  return trimmed.toLowerCase().replace(/[\s-]+/g, '_')
}

function isKnownColumn(column: string): boolean {
  return KNOWN.has(column) || /^evidence_(url|narrative|name|description|genre|audience)(_\d+)?$/.test(column) || /^(score|feedback)_.+$/.test(column)
}

/**
 * Reads a roster: the header row, then one {@link RosterRecord} per data row, streamed.
 *
 * @throws OpenBadgesError `ROSTER_NO_EMAIL_COLUMN`, `ROSTER_DUPLICATE_COLUMN`, and the CSV codes
 *   (`CSV_UNTERMINATED_QUOTE`...) with the line
 * @example
 * const { header, records } = await readRoster(createReadStream('roster.csv'))
 * for await (const record of records) console.log(record.line, record.cells.email)
 */
export async function readRoster(
  source: CsvSource,
  options: CsvOptions = {},
): Promise<{ header: RosterHeader; records: AsyncGenerator<RosterRecord> }> {
  const rows = parseCsv(source, options)
  const first = await rows.next()
  if (first.done) throw new OpenBadgesError(ROSTER_CODES.ROSTER_NO_EMAIL_COLUMN, 'the roster is empty: it needs a header row with an email column')
  const columns = first.value.fields.map(normalizeColumn)
  const seen = new Set<string>()
  for (const c of columns) {
    if (c !== '' && seen.has(c)) throw new OpenBadgesError(ROSTER_CODES.ROSTER_DUPLICATE_COLUMN, `the roster names the column "${c}" twice`, { details: { column: c } })
    seen.add(c)
  }
  if (!seen.has('email')) {
    throw new OpenBadgesError(ROSTER_CODES.ROSTER_NO_EMAIL_COLUMN, 'the roster header has no email column', { details: { columns } })
  }
  const header: RosterHeader = { columns, ignored: columns.filter((c) => c !== '' && !isKnownColumn(c)) }
  async function* records(): AsyncGenerator<RosterRecord> {
    for await (const row of rows) {
      const cells: Record<string, string> = {}
      row.fields.forEach((value, i) => {
        cells[i < columns.length ? columns[i]! : `(extra ${i + 1})`] = value
      })
      yield { line: row.line, cells }
    }
  }
  return { header, records: records() }
}

function numberCell(value: string, path: string, problems: Problem[]): number | undefined {
  const n = Number(value.trim())
  if (value.trim() === '' || !Number.isFinite(n)) {
    problems.push({ code: ROSTER_CODES.ROSTER_NOT_A_NUMBER, path, message: `${path} is not a number: ${JSON.stringify(value)}` })
    return undefined
  }
  return n
}

/**
 * Turns one roster record into an award for `issueAssertion` (row-level problems are returned, not
 * thrown: the batch reports the row and goes on).
 *
 * @example
 * rowToAward({ line: 2, cells: { email: 'a@b.org', evidence_url: 'https://x', score_1: '3', assessor: 'Dana' } })
 */
export function rowToAward(record: RosterRecord, defaults: { hashed?: boolean } = {}): RosterRow {
  const cells = record.cells
  const problems: Problem[] = []
  const get = (column: string): string | undefined => {
    const v = cells[column]
    return v === undefined || v.trim() === '' ? undefined : v.trim()
  }
  for (const column of Object.keys(cells)) {
    if (column.startsWith('(extra') && cells[column]!.trim() !== '') {
      problems.push({ code: ROSTER_CODES.ROSTER_EXTRA_CELLS, path: `/${column}`, message: 'the row has more cells than the header' })
      break
    }
  }
  const rawEmail = get('email')
  if (rawEmail === undefined) problems.push({ code: ROSTER_CODES.ROSTER_EMAIL_MISSING, path: '/email', message: 'the row has no email' })

  const evidence: EvidenceInput[] = []
  const suffixes = new Set<string>([''])
  for (const column of Object.keys(cells)) {
    const m = /^evidence_[a-z]+(_\d+)$/.exec(column)
    if (m) suffixes.add(m[1]!)
  }
  for (const suffix of [...suffixes].sort((a, b) => Number(a.slice(1) || 0) - Number(b.slice(1) || 0))) {
    const item: EvidenceInput = {}
    for (const field of EVIDENCE_FIELDS) {
      const v = get(`evidence_${field}${suffix}`)
      if (v !== undefined) item[field] = v
    }
    if (Object.keys(item).length > 0) evidence.push(item)
  }

  const results: RubricResultInput[] = []
  for (const column of Object.keys(cells)) {
    const m = /^score_(.+)$/.exec(column)
    const value = get(column)
    if (!m || value === undefined) continue
    const score = numberCell(value, `/${column}`, problems)
    if (score === undefined) continue
    const criterion = /^\d+$/.test(m[1]!) ? Number(m[1]) : m[1]!
    const result: RubricResultInput = { criterion, score }
    const feedback = get(`feedback_${m[1]}`)
    if (feedback !== undefined) result.feedback = feedback
    results.push(result)
  }

  const award: AwardInput = { recipient: rawEmail ?? '', hashed: defaults.hashed ?? true }
  if (evidence.length > 0) award.evidence = evidence
  const narrative = get('narrative')
  if (narrative !== undefined) award.narrative = narrative
  if (results.length > 0) award.results = results
  const assessorNames = (get('assessor') ?? '').split(';').map((s) => s.trim()).filter(Boolean)
  const assessorId = get('assessor_id')
  const assessorEmail = get('assessor_email')
  if (assessorNames.length > 0 || assessorId !== undefined) {
    const assessors: NonNullable<AwardInput['assessors']> = assessorNames.map((name) => ({ name }))
    if (assessors.length === 0) assessors.push({})
    if (assessorId !== undefined) assessors[0]!.id = assessorId
    if (assessorEmail !== undefined) assessors[0]!.email = assessorEmail
    award.assessors = assessors
  }
  const assessedOn = get('assessed_on')
  if (assessedOn !== undefined) award.assessedOn = assessedOn
  const issuedOn = get('issued_on')
  if (issuedOn !== undefined) award.issuedOn = issuedOn
  const expires = get('expires')
  if (expires !== undefined) award.expires = expires
  const attempt = get('attempt')
  if (attempt !== undefined) {
    const n = numberCell(attempt, '/attempt', problems)
    if (n !== undefined) award.attempt = n
  }

  const row: RosterRow = { line: record.line, problems }
  const key = get('key')
  if (key !== undefined) row.key = key
  if (rawEmail !== undefined) row.email = normalizeEmail(rawEmail)
  if (problems.length === 0) row.award = award
  return row
}
