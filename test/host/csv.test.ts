import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatCsvRecord, parseCsv, type CsvSource } from '../../src/host/csv.js'

async function all(source: CsvSource, options = {}) {
  const out: Array<{ fields: string[]; line: number }> = []
  for await (const r of parseCsv(source, options)) out.push(r)
  return out
}
const fieldsOf = async (source: CsvSource) => (await all(source)).map((r) => r.fields)

describe('parseCsv (RFC 4180)', () => {
  it('parses plain, quoted and escaped fields with CRLF, LF and CR line ends', async () => {
    expect(await fieldsOf(['a,b,c\r\n1,"two, too","say ""hi"""\n"multi\r\nline",,x\ry,z'])).toEqual([
      ['a', 'b', 'c'],
      ['1', 'two, too', 'say "hi"'],
      ['multi\r\nline', '', 'x'],
      ['y', 'z'],
    ])
  })
  it('reports the line each record starts on, counting line breaks inside quotes', async () => {
    const records = await all(['h\n"a\nb"\n\nc\n'])
    expect(records.map((r) => r.line)).toEqual([1, 2, 5])
  })
  it('skips empty lines and drops a byte-order mark (text and bytes)', async () => {
    expect(await fieldsOf(['\uFEFFemail\n\nx@y\n\n'])).toEqual([['email'], ['x@y']])
    expect(await fieldsOf([new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x0a])])).toEqual([['a']])
  })
  it('decodes UTF-8 split across chunks', async () => {
    const bytes = new TextEncoder().encode('naïve,日本\n')
    const chunks = Array.from(bytes, (b) => new Uint8Array([b]))
    expect(await fieldsOf(chunks)).toEqual([['naïve', '日本']])
  })
  it.each([
    ['"open', 'CSV_UNTERMINATED_QUOTE'],
    ['a"b,c', 'CSV_INVALID_QUOTE'],
    ['"a"b,c', 'CSV_INVALID_QUOTE'],
  ])('refuses %j with %s', async (input, code) => {
    await expect(all([input])).rejects.toMatchObject({ code, details: { line: 1 } })
  })
  it('enforces the field and record limits', async () => {
    await expect(all(['x'.repeat(20)], { maxFieldLength: 10 })).rejects.toMatchObject({ code: 'CSV_FIELD_TOO_LARGE' })
    await expect(all([`"${'x'.repeat(20)}"`], { maxFieldLength: 10 })).rejects.toMatchObject({ code: 'CSV_FIELD_TOO_LARGE' })
    await expect(all([','.repeat(10)], { maxFields: 5 })).rejects.toMatchObject({ code: 'CSV_TOO_MANY_FIELDS' })
  })
  it('round-trips any records, however the text is split into chunks (property)', async () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'é', ',', '"', '\n', '\r', ' ', 'x', '日'), maxLength: 8 })
    const record = fc.array(field, { minLength: 2, maxLength: 5 })
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(40), { maxLength: 6 }), fc.boolean(), async (records, cuts, asBytes) => {
        const text = records.map(formatCsvRecord).join('\r\n') + '\r\n'
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b)
        const chunks: string[] = []
        let last = 0
        for (const p of points) {
          chunks.push(text.slice(last, p))
          last = p
        }
        chunks.push(text.slice(last))
        const source = asBytes ? chunks.map((c) => new TextEncoder().encode(c)) : chunks
        expect(await fieldsOf(source)).toEqual(records)
      }),
      { numRuns: 200 },
    )
  })
  it('never throws anything but a typed error on arbitrary input (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r'), maxLength: 30 }), async (input) => {
        try {
          await all([input])
        } catch (error) {
          expect((error as { code?: string }).code).toMatch(/^CSV_/)
        }
      }),
      { numRuns: 200 },
    )
  })
})
