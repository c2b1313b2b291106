import type { CliIo } from '../src/cli/io.js'

/** A CliIo that records output, for running `omc` commands in-process in tests. */
export function captureIo(overrides: Partial<CliIo> = {}): CliIo & { out: () => string; err: () => string } {
  let out = ''
  let err = ''
  return {
    stdout: (t) => {
      out += t
    },
    stderr: (t) => {
      err += t
    },
    readStdin: async () => new Uint8Array(),
    cwd: process.cwd(),
    env: {},
    now: () => new Date('2026-01-15T12:00:00Z'),
    ...overrides,
    out: () => out,
    err: () => err,
  }
}
