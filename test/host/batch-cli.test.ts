import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/run.js'
import { captureIo } from '../cli-test-io.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const work = mkdtempSync(join(tmpdir(), 'omc-batch-cli-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))
const base = ['issue', '--issuer', join(root, 'examples/complete-mc/issuer.json'), '--mc', join(root, 'examples/complete-mc/mc.json')]

describe('omc issue --batch', () => {
  it('issues, reports ignored columns and failed rows, remembers the base URL, exits 1 when a row failed', async () => {
    writeFileSync(join(work, 'r.csv'), 'email,evidence_url,shoe_size\na@s.example,https://e/1,9\n,https://e/2,8\n')
    const io = captureIo({ cwd: work, env: { OMC_PROGRESS: 'off' } })
    expect(await runCli([...base, '--batch', 'r.csv', '--dir', 'out'], io)).toBe(1)
    expect(io.out()).toContain('2 row(s): 1 issued, 0 already issued (skipped), 1 failed')
    expect(io.err()).toContain('ignoring unknown column(s): shoe_size')
    expect(io.err()).toContain('line 3: ROSTER_EMAIL_MISSING')
    expect(JSON.parse(readFileSync(join(work, 'out', '.omc', 'config.json'), 'utf8'))).toEqual({ baseUrl: 'https://mc.example.org/' })
  })

  it('reads the roster from standard input with -', async () => {
    const io = captureIo({ cwd: work, env: { OMC_PROGRESS: 'off' }, readStdin: async () => new TextEncoder().encode('email,evidence_url\nb@s.example,https://e/3\n') })
    expect(await runCli([...base, '--batch', '-', '--dir', 'stdin-out'], io)).toBe(0)
    expect(io.out()).toContain('1 row(s): 1 issued')
  })

  it('shows a progress line per 1000 rows when not on a terminal', async () => {
    const lines = ['email,evidence_url', ...Array.from({ length: 1000 }, (_, i) => `p${i}@s.example,https://e/${i}`)]
    writeFileSync(join(work, 'big.csv'), lines.join('\n'))
    const io = captureIo({ cwd: work, env: { OMC_PROGRESS: 'plain' } })
    expect(await runCli([...base, '--batch', 'big.csv', '--dir', 'big', '--concurrency', '16'], io)).toBe(0)
    expect(io.err()).toBe('1000/1000 rows  issued 1000  skipped 0  failed 0\n')
  }, 60_000)

  it.each([
    [['--batch', 'r.csv'], 2, 'missing --dir'],
    [['--batch', 'r.csv', '--dir', 'x', '--key', 'k.pem'], 2, '--key and --key-id go together'],
    [['--batch', 'r.csv', '--dir', 'x', '--concurrency', '0'], 2, '--concurrency'],
    [['--batch', 'r.csv', '--dir', 'x', '--alg', 'HS256', '--key', 'k', '--key-id', 'https://k'], 2, '--alg'],
    [['--batch', 'r.csv', '--dir', 'x', '--email', 'a@b.c'], 2, "Unknown option '--email'"],
    [['--batch', 'missing.csv', '--dir', 'x'], 1, 'ENOENT'],
  ])('refuses %j with exit %i', async (args, code, message) => {
    const io = captureIo({ cwd: work, env: { OMC_PROGRESS: 'off' } })
    expect(await runCli([...base, ...args], io)).toBe(code)
    expect(io.err()).toContain(message)
  })

  it('refuses a missing or non-JSON issuer or MC file, naming the code and the file', async () => {
    writeFileSync(join(work, 'broken.json'), '{')
    for (const [flag, file] of [['--issuer', 'nowhere.json'], ['--mc', 'broken.json']]) {
      const args = [...base, '--batch', 'r.csv', '--dir', 'unread']
      args[args.indexOf(flag!) + 1] = file!
      const io = captureIo({ cwd: work, env: { OMC_PROGRESS: 'off' } })
      expect(await runCli(args, io)).toBe(1)
      expect(io.err()).toContain(`CLI_FILE_UNREADABLE: ${file}`)
    }
  })

  it('refuses a roster without an email column, naming the code', async () => {
    writeFileSync(join(work, 'noemail.csv'), 'name\nx\n')
    const io = captureIo({ cwd: work, env: { OMC_PROGRESS: 'off' } })
    expect(await runCli([...base, '--batch', 'noemail.csv', '--dir', 'noemail'], io)).toBe(1)
    expect(io.err()).toContain('ROSTER_NO_EMAIL_COLUMN')
  })

  it('refuses to run while another live batch holds the directory', async () => {
    mkdirSync(join(work, 'locked', '.omc'), { recursive: true })
    writeFileSync(join(work, 'locked', '.omc', 'batch.lock'), String(process.pid))
    const io = captureIo({ cwd: work, env: { OMC_PROGRESS: 'off' } })
    expect(await runCli([...base, '--batch', 'r.csv', '--dir', 'locked'], io)).toBe(1)
    expect(io.err()).toContain('LOCK_HELD')
  })
})
