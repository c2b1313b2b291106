import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServe } from '../../src/cli/commands/serve.js'
import { runCli } from '../../src/cli/run.js'
import { createFsStore } from '../../src/host/fs-store.js'
import { captureIo } from '../cli-test-io.js'
import { assertion, fixtureEntries } from './fixtures.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
let dir: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'omc-serve-'))
  const store = createFsStore(dir, { durable: false })
  for (const [k, v] of Object.entries(fixtureEntries())) await store.put(k, v)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('omc serve', () => {
  it('serves a directory on 127.0.0.1 and stops cleanly on SIGTERM (child process)', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--dir', dir, '--port', '0'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.setEncoding('utf8')
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: string) => {
        out += chunk
        const match = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)
        if (match) resolve(match[1]!)
      })
      child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${out}`)))
    })
    const res = await fetch(`${url}assertions/a1.json`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/ld+json')
    expect(await res.json()).toEqual(assertion)
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(out).toContain('Stopped.')
  })

  it('binds loopback by default and honours --base-url for routing', async () => {
    const io = captureIo()
    const started = await startServe(['--dir', dir, '--port', '0', '--base-url', 'https://example.org/badges/'], io)
    if (typeof started === 'number') throw new Error(io.err())
    try {
      expect(started.running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
      expect((await fetch(`${started.running.url}badges/assertions/a1.json`)).status).toBe(200)
      expect((await fetch(`${started.running.url}assertions/a1.json`)).status).toBe(404)
    } finally {
      await started.running.close()
    }
  })

  it.each([
    [['--port', 'abc'], 2],
    [['--port', '70000'], 2],
    [['--bogus'], 2],
    [['--base-url', 'ftp://x/'], 2],
    [['--dir', '/definitely/not/here'], 1],
  ])('refuses %j with exit %i', async (args, code) => {
    const io = captureIo()
    const withDir = args.includes('--dir') ? args : ['--dir', dir, ...args]
    expect(await runCli(['serve', ...withDir], io)).toBe(code)
    expect(io.err()).toContain('omc serve:')
  })
})
