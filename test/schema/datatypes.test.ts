import { describe, expect, it } from 'vitest'
import { parseDateTime } from '../../src/schema/datatypes.js'

describe('parseDateTime', () => {
  it('agrees with Date.parse on dates with a time zone', () => {
    for (const s of ['2016-12-31T23:59:59+00:00', '2026-11-22T09:56:13Z', '2024-02-29T12:00:00-05:30', '1970-01-01T00:00:00.123Z']) {
      expect(parseDateTime(s)).toBe(Date.parse(s))
    }
  })

  it('reads years 0000-0099 as themselves, not as 1900-1999 (Date.UTC two-digit rule)', () => {
    expect(parseDateTime('0000-01-01T00:00:00Z')).toBe(Date.parse('0000-01-01T00:00:00Z'))
    expect(parseDateTime('0099-12-31T23:59:59Z')).toBe(Date.parse('0099-12-31T23:59:59Z'))
    expect(parseDateTime('0000-02-29T00:00:00Z')).toBe(Date.parse('0000-02-29T00:00:00Z')) // year 0 is a leap year
  })

  it('refuses impossible calendar dates and date-times without a time zone', () => {
    for (const s of ['1900-02-29T00:00:00Z', '2001-02-29T00:00:00Z', '2026-13-01T00:00:00Z', '2026-04-31T00:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01T00:00:00']) {
      expect(parseDateTime(s)).toBeUndefined()
    }
  })
})
