/**
 * Argument parsing shared by every `omc` command: node's `parseArgs` in strict mode, with usage errors
 * printed the same way everywhere (`omc <command>: <message>`, a blank line, the usage text; exit 2).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { EXIT_USAGE, type CliIo } from './io.js'

/** An option table as `parseArgs` takes it. */
export type CommandOptions = NonNullable<ParseArgsConfig['options']>

type Parsed<O extends CommandOptions, P extends boolean> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: P }>
>

/** What {@link parseCommandArgs} returns: `parseArgs`' typed result, with the required options non-optional. */
export type CommandArgs<O extends CommandOptions, P extends boolean, R extends keyof O> = {
  values: Parsed<O, P>['values'] & { [K in R & keyof Parsed<O, P>['values']]-?: NonNullable<Parsed<O, P>['values'][K]> }
  positionals: string[]
}

/** What a command parses: its name and usage (for error messages), the arguments and the option table. */
export interface CommandArgsSpec<O extends CommandOptions, P extends boolean, R extends keyof O> {
  /** The command as printed before messages, e.g. `revoke` or `issue --batch` (→ `omc revoke: ...`). */
  command: string
  /** The usage text printed after a usage error. */
  usage: string
  args: string[]
  options: O
  /** Whether positional arguments are allowed (default false). */
  allowPositionals?: P
  /** Options that must be given (and non-empty). */
  required?: readonly R[]
  /** The message when a required option is missing (default `missing --a, --b`, naming the missing ones). */
  missingMessage?: string
}

/**
 * Prints a usage error (`omc <command>: <message>`, then the usage text) and returns the usage exit code.
 *
 * @example
 * ```ts
 * if (file === undefined) return usageError(io, 'extract', usage, 'expected exactly one image file')
 * ```
 */
export function usageError(io: CliIo, command: string, usage: string, message: string): number {
  io.stderr(`omc ${command}: ${message}\n\n${usage}`)
  return EXIT_USAGE
}

/**
 * Parses a command's arguments strictly (unknown options, missing values and unexpected positionals are
 * usage errors) and checks the required options. On a usage error it prints the message and the usage
 * text to stderr and returns `undefined`: the command then returns `EXIT_USAGE`. Never throws.
 *
 * @example
 * ```ts
 * const parsed = parseCommandArgs(io, {
 *   command: 'sign', usage, args,
 *   options: { assertion: { type: 'string' }, out: { type: 'string' } },
 *   required: ['assertion'],
 * })
 * if (!parsed) return EXIT_USAGE
 * parsed.values.assertion // string
 * ```
 */
export function parseCommandArgs<const O extends CommandOptions, P extends boolean = false, R extends keyof O = never>(
  io: CliIo,
  spec: CommandArgsSpec<O, P, R>,
): CommandArgs<O, P, R> | undefined {
  let parsed: Parsed<O, P>
  try {
    parsed = parseArgs({ args: spec.args, options: spec.options, strict: true, allowPositionals: (spec.allowPositionals ?? false) as P })
  } catch (error) {
    usageError(io, spec.command, spec.usage, (error as Error).message)
    return undefined
  }
  const values = parsed.values as Record<string, unknown>
  const missing = (spec.required ?? []).filter((name) => !values[name as string])
  if (missing.length > 0) {
    usageError(io, spec.command, spec.usage, spec.missingMessage ?? `missing ${missing.map((name) => `--${String(name)}`).join(', ')}`)
    return undefined
  }
  return parsed as unknown as CommandArgs<O, P, R>
}
