import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/run.js'
import { parseIssueArgs } from '../../src/cli/commands/issue.js'
import { identityMatches } from '../../src/issue/index.js'
import { validate } from '../../src/schema/index.js'
import { captureIo } from '../cli-test-io.js'

const example = fileURLToPath(new URL('../../examples/complete-mc/', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'omc-issue-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const base = ['--issuer', 'issuer.json', '--mc', 'mc.json']
const run = async (args: string[], cwd = example) => {
  const io = captureIo({ cwd })
  const code = await runCli(['issue', ...args], io)
  return { code, out: io.out(), err: io.err() }
}

describe('omc issue', () => {
  it('issues the complete example MC to an email and prints a valid assertion', async () => {
    const r = await run([...base, '--email', 'J.Rivera@School.example.net', '--evidence', 'evidence.json', '--results', 'results.json'])
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    const assertion = JSON.parse(r.out) as Record<string, unknown>
    expect(validate(assertion)).toMatchObject({ valid: true, problems: [] })
    expect(assertion.issuedOn).toBe('2026-01-15T12:00:00Z')
    expect(identityMatches(assertion.recipient, { email: 'j.rivera@school.example.net' })).toBe(true)
    expect((assertion.evidence as unknown[]).length).toBe(3)
    expect(assertion['extensions:MicroCredentialResultExtension']).toMatchObject({ rubricResults: expect.any(Array), assessors: [{ name: 'Dana Okafor' }] })
  })

  it('takes evidence from flags, writes files with --out/--badge-out/--issuer-out, --plain keeps the email', async () => {
    const out = join(dir, 'a.json')
    const badgeOut = join(dir, 'b.json')
    const issuerOut = join(dir, 'i.json')
    const r = await run([
      ...base,
      '--email',
      'teacher@school.example',
      '--evidence-url',
      'https://portfolio.example/1',
      '--evidence-narrative',
      'Reflection text',
      '--plain',
      '--out',
      out,
      '--badge-out',
      badgeOut,
      '--issuer-out',
      issuerOut,
    ])
    expect(r.code).toBe(0)
    const a = JSON.parse(readFileSync(out, 'utf8')) as { recipient: unknown; evidence: unknown; badge: string }
    expect(a.recipient).toEqual({ type: 'email', hashed: false, identity: 'teacher@school.example' })
    expect(a.evidence).toEqual([{ id: 'https://portfolio.example/1' }, { narrative: 'Reflection text' }])
    const badge = JSON.parse(readFileSync(badgeOut, 'utf8')) as { id: string }
    expect(badge.id).toBe(a.badge)
    expect(validate(badge).valid).toBe(true)
    expect(validate(JSON.parse(readFileSync(issuerOut, 'utf8'))).valid).toBe(true)
  })

  it('bad input: prints every problem and exits 1', async () => {
    writeFileSync(join(dir, 'issuer.json'), JSON.stringify({ baseUrl: 'ftp://x', name: '', url: 'https://example.org', email: 'nope' }))
    writeFileSync(join(dir, 'mc.json'), readFileSync(join(example, 'mc.json')))
    const r = await run([...base, '--email', 'a@b.org', '--evidence-url', 'https://x.example/e'], dir)
    expect(r.code).toBe(1)
    expect(r.err).toContain('INPUT_URL_INVALID')
    expect(r.err).toContain('INPUT_REQUIRED')
    expect(r.err).toContain('INPUT_EMAIL_INVALID')
    expect(r.err).toContain('issuer.json#/email')
    expect(r.out).toBe('')
  })

  it('bad award: bad email, no evidence, unknown rubric criterion — all reported', async () => {
    writeFileSync(join(dir, 'results.json'), JSON.stringify({ results: [{ criterion: 9, score: 1 }] }))
    const r = await run([...base, '--email', 'not-an-email', '--results', join(dir, 'results.json')])
    expect(r.code).toBe(1)
    for (const code of ['INPUT_EMAIL_INVALID', 'EVIDENCE_REQUIRED', 'RUBRIC_CRITERION_UNKNOWN']) expect(r.err).toContain(code)
  })

  it('missing or unreadable files exit 1 with the file named', async () => {
    const r = await run(['--issuer', 'missing.json', '--mc', 'mc.json', '--email', 'a@b.org'])
    expect(r.code).toBe(1)
    expect(r.err).toContain('CLI_FILE_UNREADABLE: missing.json')
    writeFileSync(join(dir, 'broken.json'), '{')
    const r2 = await run(['--issuer', join(dir, 'broken.json'), '--mc', 'mc.json', '--email', 'a@b.org'])
    expect(r2.code).toBe(1)
    expect(r2.err).toContain(`CLI_FILE_UNREADABLE: ${join(dir, 'broken.json')}`)
  })

  it('usage errors exit 2', async () => {
    expect((await run(['--issuer', 'issuer.json'])).code).toBe(2)
    expect((await run([...base, '--email', 'a@b.org', '--bogus'])).code).toBe(2)
  })

  it('parseIssueArgs collects repeatable evidence flags', () => {
    const io = captureIo()
    const p = parseIssueArgs([...base, '--email', 'a@b.org', '--evidence-url', 'u1', '--evidence-url', 'u2', '--evidence', 'e.json'], io)
    expect(p).toMatchObject({ evidenceUrls: ['u1', 'u2'], evidenceFiles: ['e.json'] })
    expect(io.err()).toBe('')
    const bad = captureIo()
    expect(parseIssueArgs(['--mc', 'x'], bad)).toBeUndefined()
    expect(bad.err()).not.toBe('') // the usage error was printed
  })

  it('--help prints usage', async () => {
    const io = captureIo()
    expect(await runCli(['issue', '--help'], io)).toBe(0)
    expect(io.out()).toContain('omc issue --issuer FILE --mc FILE --email ADDRESS')
  })
})
