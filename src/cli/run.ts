import { commands } from './commands.js'
import { EXIT_OK, EXIT_USAGE, type CliIo } from './io.js'
import { VERSION } from '../version.js'

function helpText(): string {
  const width = Math.max(8, ...commands.map((c) => c.name.length))
  const lines = [
    'omc — issue and verify educator micro-credentials as Open Badges 2.0',
    '',
    'Usage: omc <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     show this help (or `omc <command> --help`)',
    '  -v, --version  print the version',
    '',
  ]
  return lines.join('\n')
}

/** Runs `omc` with the given arguments (without the node/script prefix) and returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    io.stdout(helpText())
    return first === undefined ? EXIT_USAGE : EXIT_OK
  }
  if (first === '-v' || first === '--version' || first === 'version') {
    io.stdout(`${VERSION}\n`)
    return EXIT_OK
  }
  const command = commands.find((c) => c.name === first)
  if (!command) {
    io.stderr(`omc: unknown command '${first}'\n\n${helpText()}`)
    return EXIT_USAGE
  }
  if (rest.includes('-h') || rest.includes('--help')) {
    io.stdout(command.usage.endsWith('\n') ? command.usage : `${command.usage}\n`)
    return EXIT_OK
  }
  return command.run(rest, io)
}
