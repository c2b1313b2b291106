import type { CliCommand } from './io.js'
import { serveCommand } from './commands/serve.js'

/**
 * The table of `omc` sub-commands. Each command lives in `./commands/<name>.ts`; add it here, one line.
 */
export const commands: CliCommand[] = [serveCommand]
