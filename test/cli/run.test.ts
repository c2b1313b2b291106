import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/run.js'
import { VERSION } from '../../src/version.js'
import { captureIo } from '../cli-test-io.js'

describe('omc', () => {
  it('prints help with --help and exits 0', async () => {
    const io = captureIo()
    expect(await runCli(['--help'], io)).toBe(0)
    expect(io.out()).toContain('Usage: omc <command>')
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
