/**
 * A streaming CSV parser (RFC 4180): quoted fields with `""` escapes, commas and line breaks inside
 * quotes, CRLF, LF or CR line ends, a leading UTF-8 BOM. Reads chunk by chunk, so a roster of any size
 * is parsed in constant memory (bounded by the largest record). Malformed quoting and oversized
 * fields are refused with a typed error naming the line.
 */
import { OpenBadgesError } from '../errors.js'

/** Error codes of the CSV parser. */
export const CSV_CODES = {
  /** The input ended inside a quoted field. */
  CSV_UNTERMINATED_QUOTE: 'CSV_UNTERMINATED_QUOTE',
  /** A quote inside an unquoted field, or text after a closing quote. */
  CSV_INVALID_QUOTE: 'CSV_INVALID_QUOTE',
  /** A field longer than `maxFieldLength`. */
  CSV_FIELD_TOO_LARGE: 'CSV_FIELD_TOO_LARGE',
  /** A record with more than `maxFields` fields. */
  CSV_TOO_MANY_FIELDS: 'CSV_TOO_MANY_FIELDS',
} as const

/** One parsed record and the line it starts on (1-based). */
export interface CsvRecord {
  fields: string[]
  line: number
}

/** Limits for {@link parseCsv}. */
export interface CsvOptions {
  /** Longest field, in characters. Default 65536. */
  maxFieldLength?: number
  /** Most fields in one record. Default 1000. */
  maxFields?: number
}

/** Bytes or text, in chunks: a file stream, `[text]`, a fetch body... */
export type CsvSource = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>

const QUOTE = 34 // "
const COMMA = 44 // ,
const CR = 13
const LF = 10

/**
 * Parses CSV records from a stream of chunks. Completely empty lines are skipped.
 *
 * @throws OpenBadgesError `CSV_UNTERMINATED_QUOTE`, `CSV_INVALID_QUOTE`, `CSV_FIELD_TOO_LARGE`,
 *   `CSV_TOO_MANY_FIELDS` (each with `details.line`)
 * @example
 * for await (const { fields, line } of parseCsv(createReadStream('roster.csv'))) console.log(line, fields)
 */
export async function* parseCsv(source: CsvSource, options: CsvOptions = {}): AsyncGenerator<CsvRecord> {
  const maxField = options.maxFieldLength ?? 65_536
  const maxFields = options.maxFields ?? 1000
  const decoder = new TextDecoder('utf-8', { ignoreBOM: false })

  let fields: string[] = []
  let field = ''
  let inQuotes = false
  let afterQuote = false // just closed a quoted field: only a comma or a line end may follow
  let quotedFieldStarted = false
  let pendingCR = false
  let line = 1
  let recordLine = 1

  const fail = (code: keyof typeof CSV_CODES, message: string): never => {
    throw new OpenBadgesError(code, `CSV line ${line}: ${message}`, { details: { line } })
  }
  const endField = () => {
    if (fields.length >= maxFields) fail('CSV_TOO_MANY_FIELDS', `more than ${maxFields} fields`)
    fields.push(field)
    field = ''
    afterQuote = false
    quotedFieldStarted = false
  }
  function takeRecord(): CsvRecord | undefined {
    endField()
    const record = fields.length === 1 && fields[0] === '' ? undefined : { fields, line: recordLine }
    fields = []
    return record
  }

  function* consume(chunk: string): Generator<CsvRecord> {
    let i = 0
    const n = chunk.length
    while (i < n) {
      const c = chunk.charCodeAt(i)
      if (pendingCR) {
        pendingCR = false
        if (c === LF) {
          i++
          continue
        }
      }
      if (inQuotes) {
        // Copy a run of ordinary characters at once.
        let j = i
        while (j < n && chunk.charCodeAt(j) !== QUOTE) {
          if (chunk.charCodeAt(j) === LF) line++
          j++
        }
        field += chunk.slice(i, j)
        if (field.length > maxField) fail('CSV_FIELD_TOO_LARGE', `a field is longer than ${maxField} characters`)
        if (j === n) return
        // A quote: either the end of the field or the first half of an escaped "" (decided by the next char).
        inQuotes = false
        afterQuote = true
        i = j + 1
        continue
      }
      if (afterQuote && c === QUOTE) {
        // "" inside a quoted field: a literal quote, and we are back inside the quotes.
        field += '"'
        inQuotes = true
        afterQuote = false
        i++
        continue
      }
      if (c === COMMA) {
        endField()
        i++
        continue
      }
      if (c === CR || c === LF) {
        const record = takeRecord()
        if (record) yield record
        line++
        recordLine = line
        pendingCR = c === CR
        i++
        continue
      }
      if (afterQuote) fail('CSV_INVALID_QUOTE', 'text after a closing quote')
      if (c === QUOTE) {
        if (field !== '' || quotedFieldStarted) fail('CSV_INVALID_QUOTE', 'a quote inside an unquoted field')
        inQuotes = true
        quotedFieldStarted = true
        i++
        continue
      }
      let j = i
      while (j < n) {
        const d = chunk.charCodeAt(j)
        if (d === COMMA || d === CR || d === LF || d === QUOTE) break
        j++
      }
      field += chunk.slice(i, j)
      if (field.length > maxField) fail('CSV_FIELD_TOO_LARGE', `a field is longer than ${maxField} characters`)
      i = j
    }
  }

  let first = true
  for await (const chunk of source as AsyncIterable<Uint8Array | string>) {
    // The decoder drops a byte-order mark from bytes; a text source may still start with one.
    let textChunk = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })
    if (first && textChunk.length > 0) {
      first = false
      if (textChunk.charCodeAt(0) === 0xfeff) textChunk = textChunk.slice(1)
    }
    yield* consume(textChunk)
  }
  yield* consume(decoder.decode())
  if (inQuotes) fail('CSV_UNTERMINATED_QUOTE', 'the input ends inside a quoted field')
  const last = takeRecord()
  if (last) yield last
}

/**
 * Formats one record as a CSV line (quoting fields that need it), without the line end.
 *
 * @example
 * formatCsvRecord(['a', 'b,c', 'say "hi"']) // 'a,"b,c","say ""hi"""'
 */
export function formatCsvRecord(fields: readonly string[]): string {
  return fields.map((f) => (/[",\r\n]/.test(f) || f.startsWith('\uFEFF') ? `"${f.replace(/"/g, '""')}"` : f)).join(',')
}
