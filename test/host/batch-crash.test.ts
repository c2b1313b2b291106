/**
 * Crash safety of batch issuance: a child process running a 1,000-row signed + baked batch is killed
 * with SIGKILL mid-way; a re-run must leave every row with exactly one intact assertion (JSON, JWS,
 * baked PNG that agree), re-issue none of the rows the first run had finished, and leave no partial
 * (temp) file behind.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { extract } from '../../src/bake/index.js'
import { runCli } from '../../src/cli/run.js'
import { parseCsv } from '../../src/host/csv.js'
import { identityMatches } from '../../src/issue/index.js'
import { validate } from '../../src/schema/index.js'
import { exportPrivateKeyPem, exportPublicKeyPem, generateKeyPair, verifySignature } from '../../src/sign/index.js'
import { captureIo } from '../cli-test-io.js'
import { PNG } from './fixtures.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const ROWS = 1000
const KEY_ID = 'https://mc.example.org/keys/1'
const work = mkdtempSync(join(tmpdir(), 'omc-crash-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

function allFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name))
}

describe('batch issuance survives SIGKILL', () => {
  it('re-running after a kill mid-batch leaves exactly one intact assertion per row and no partial file', async () => {
    const pair = await generateKeyPair('ES256')
    writeFileSync(join(work, 'key.pem'), exportPrivateKeyPem(pair))
    writeFileSync(join(work, 'badge.png'), PNG)
    const lines = ['email,evidence_url,score_1,score_2,score_3,score_4,assessor']
    for (let i = 0; i < ROWS; i++) lines.push(`teacher${i}@district.example,https://portfolio.example/${i},3,3,4,3,Dana Okafor`)
    writeFileSync(join(work, 'roster.csv'), `${lines.join('\r\n')}\r\n`)
    const args = [
      'issue', '--batch', join(work, 'roster.csv'),
      '--issuer', join(root, 'examples/complete-mc/issuer.json'),
      '--mc', join(root, 'examples/complete-mc/mc.json'),
      '--dir', join(work, 'badges'),
      '--key', join(work, 'key.pem'), '--key-id', KEY_ID,
      '--bake', join(work, 'badge.png'),
    ]
    const assertionsDir = join(work, 'badges', 'assertions')
    const committed = () => (existsSync(assertionsDir) ? readdirSync(assertionsDir).filter((f) => f.endsWith('.json')) : [])

    // 1. Run in a child process and SIGKILL it once some rows are committed.
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: root,
      env: { ...process.env, OMC_PROGRESS: 'off' },
      stdio: 'ignore',
    })
    const exit = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)))
    while (committed().length < 100 && child.exitCode === null) await new Promise((r) => setTimeout(r, 5))
    child.kill('SIGKILL')
    expect(await exit).toBe('SIGKILL')
    const before = new Map(committed().map((f) => [f, readFileSync(join(assertionsDir, f), 'utf8')]))
    expect(before.size).toBeGreaterThanOrEqual(100)
    expect(before.size).toBeLessThan(ROWS) // killed mid-way, not after the end
    for (const text of before.values()) expect(() => JSON.parse(text)).not.toThrow() // committed files are whole

    // 2. Re-run to the end (the stale lock of the killed process is taken over).
    const io = captureIo({ cwd: root, env: { OMC_PROGRESS: 'off' } })
    const code = await runCli([...args, '--report', join(work, 'report.csv')], io)
    expect(io.err()).toBe('')
    expect(code).toBe(0)

    // 3. Every row: one assertion, issued by exactly one of the two runs.
    const report: string[][] = []
    for await (const r of parseCsv([readFileSync(join(work, 'report.csv'), 'utf8')])) report.push(r.fields)
    const [head, ...rows] = report
    expect(head).toEqual(['line', 'email', 'status', 'assertion', 'image', 'problems'])
    expect(rows).toHaveLength(ROWS)
    expect(rows.filter((r) => r[2] === 'skipped')).toHaveLength(before.size)
    expect(rows.filter((r) => r[2] === 'issued')).toHaveLength(ROWS - before.size)
    expect(new Set(rows.map((r) => r[3])).size).toBe(ROWS)

    const publicPem = exportPublicKeyPem(pair)
    for (const [line, email, , assertionId, imageUrl] of rows as string[][]) {
      const uuid = assertionId!.split('/').pop()!
      const json = readFileSync(join(assertionsDir, `${uuid}.json`), 'utf8')
      if (before.has(`${uuid}.json`)) expect(json).toBe(before.get(`${uuid}.json`)) // not issued twice
      const assertion = JSON.parse(json) as Record<string, unknown>
      expect(validate(assertion, { kind: 'Assertion' }).valid).toBe(true)
      expect(assertion.id).toBe(assertionId)
      expect(assertion.image).toBe(imageUrl)
      expect(email).toBe(`teacher${Number(line) - 2}@district.example`)
      expect(identityMatches(assertion.recipient, { email: email! })).toBe(true)
      const jws = readFileSync(join(assertionsDir, `${uuid}.jws`), 'utf8').trim()
      const baked = extract(new Uint8Array(readFileSync(join(assertionsDir, `${uuid}.png`))))
      expect(baked.baked && baked.text).toBe(jws)
      const check = await verifySignature(jws, { resolveKey: async () => publicPem })
      expect(check.ok && check.payload).toEqual(assertion)
    }

    // 4. Nothing else: no extra assertions, no temp files, no lock.
    const names = readdirSync(assertionsDir)
    expect(names.filter((f) => f.endsWith('.json'))).toHaveLength(ROWS)
    expect(names.filter((f) => f.endsWith('.jws'))).toHaveLength(ROWS)
    expect(names.filter((f) => f.endsWith('.png'))).toHaveLength(ROWS)
    expect(names).toHaveLength(3 * ROWS)
    expect(allFiles(join(work, 'badges')).filter((f) => f.endsWith('.omc-tmp'))).toEqual([])
    expect(existsSync(join(work, 'badges', '.omc', 'batch.lock'))).toBe(false)
  }, 180_000)
})
