import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { commands } from '../../src/cli/commands.js'
import { runCli } from '../../src/cli/run.js'
import { VERSION } from '../../src/version.js'
import { captureIo } from '../cli-test-io.js'

describe('omc', () => {
  it('prints help with --help and exits 0', async () => {
    const io = captureIo()
    expect(await runCli(['--help'], io)).toBe(0)
    expect(io.out()).toContain('Usage: omc <command>')
  })

  it('lists the commands in workflow order', async () => {
    const order = ['issue', 'keys', 'sign', 'bake', 'extract', 'revoke', 'publish', 'serve', 'verify']
    expect(commands.map((c) => c.name)).toEqual(order)
    const io = captureIo()
    expect(await runCli(['--help'], io)).toBe(0)
    const listed = io.out().split('\n').map((line) => /^ {2}(\w+) /.exec(line)?.[1]).filter((name) => name !== undefined && order.includes(name))
    expect(listed).toEqual(order)
  })

  it('prints help and exits 2 with no arguments', async () => {
    const io = captureIo()
    expect(await runCli([], io)).toBe(2)
  })

  it('prints the package version', async () => {
    const io = captureIo()
    expect(await runCli(['--version'], io)).toBe(0)
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
    expect(io.out().trim()).toBe(pkg.version)
    expect(VERSION).toBe(pkg.version)
  })

  it('rejects an unknown command with exit 2', async () => {
    const io = captureIo()
    expect(await runCli(['frobnicate'], io)).toBe(2)
    expect(io.err()).toContain("unknown command 'frobnicate'")
  })
})
