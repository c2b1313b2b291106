/** What a CLI command may touch: injected so commands are testable in-process. */
export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** Reads all of standard input (for `-` arguments). */
  readStdin: () => Promise<Uint8Array>
  cwd: string
  env: Record<string, string | undefined>
  /** The clock; commands never call Date.now() directly. */
  now: () => Date
}

/** One `omc` sub-command. `run` returns the process exit code (0 ok, 1 failure, 2 usage error). */
export interface CliCommand {
  name: string
  summary: string
  /** Multi-line usage text printed by `omc <name> --help`. */
  usage: string
  run: (args: string[], io: CliIo) => Promise<number>
}

/** Exit codes shared by every command. */
export const EXIT_OK = 0
export const EXIT_FAILURE = 1
export const EXIT_USAGE = 2
