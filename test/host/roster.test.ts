import { describe, expect, it } from 'vitest'
import { readRoster, rowToAward } from '../../src/host/roster.js'

async function first(csv: string) {
  const { header, records } = await readRoster([csv])
  const next = await records.next()
  return { header, row: next.done ? undefined : rowToAward(next.value) }
}

describe('roster', () => {
  it('maps every column to the award', async () => {
    const csv =
      'Email,Key,Evidence URL,Evidence-Name,evidence_url_2,evidence_narrative_2,Narrative,score_1,feedback_1,score_rubric-x,assessor,assessor_id,assessed_on,expires,attempt,notes\n' +
      ' A@S.example ,k1,https://e/1,Video,https://e/2,Reflection text,Met all,3,Good,2,Dana; Lee,https://a/d,2026-01-14T00:00:00Z,2028-01-01T00:00:00Z,2,ignored\n'
    const { header, row } = await first(csv)
    expect(header.ignored).toEqual(['notes'])
    expect(row).toEqual({
      line: 2,
      key: 'k1',
      email: 'a@s.example',
      problems: [],
      award: {
        recipient: 'A@S.example',
        hashed: true,
        evidence: [{ url: 'https://e/1', name: 'Video' }, { url: 'https://e/2', narrative: 'Reflection text' }],
        narrative: 'Met all',
        results: [{ criterion: 1, score: 3, feedback: 'Good' }, { criterion: 'rubric-x', score: 2 }],
        assessors: [{ name: 'Dana', id: 'https://a/d' }, { name: 'Lee' }],
        assessedOn: '2026-01-14T00:00:00Z',
        expires: '2028-01-01T00:00:00Z',
        attempt: 2,
      },
    })
  })
  it.each([
    ['', 'ROSTER_NO_EMAIL_COLUMN'],
    ['name,evidence_url\nx,y\n', 'ROSTER_NO_EMAIL_COLUMN'],
    ['email,Email\n', 'ROSTER_DUPLICATE_COLUMN'],
    ['email\n"unterminated\n', 'CSV_UNTERMINATED_QUOTE'],
  ])('refuses the roster %j with %s', async (csv, code) => {
    await expect((async () => {
      const { records } = await readRoster([csv])
      for await (const _ of records) void _
    })()).rejects.toMatchObject({ code })
  })
  it('reports row problems instead of throwing', async () => {
    expect((await first('email,score_1\n,3\n')).row!.problems.map((p) => p.code)).toEqual(['ROSTER_EMAIL_MISSING'])
    expect((await first('email,score_1\na@b.c,three\n')).row!.problems.map((p) => p.code)).toEqual(['ROSTER_NOT_A_NUMBER'])
    expect((await first('email\na@b.c,extra\n')).row!.problems.map((p) => p.code)).toEqual(['ROSTER_EXTRA_CELLS'])
    expect((await first('email\na@b.c,extra\n')).row!.award).toBeUndefined()
  })
})
