import type { CliCommand } from './io.js'
import { serveCommand } from './commands/serve.js'
import { publishCommand } from './commands/publish.js'
import { bakeCommand } from './commands/bake.js'
import { extractCommand } from './commands/extract.js'
import { keysCommand } from './commands/keys.js'
import { signCommand } from './commands/sign.js'
import { revokeCommand } from './commands/revoke.js'
import { issueCommand } from './commands/issue.js'
import { verifyCommand } from './commands/verify.js'

/**
 * The table of `omc` sub-commands. Each command lives in `./commands/<name>.ts`; add it here, one line.
 */
export const commands: CliCommand[] = [issueCommand, serveCommand, publishCommand, bakeCommand, extractCommand, keysCommand, signCommand, revokeCommand, verifyCommand]
