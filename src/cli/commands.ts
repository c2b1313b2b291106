import type { CliCommand } from './io.js'
import { issueCommand } from './commands/issue.js'
import { keysCommand } from './commands/keys.js'
import { signCommand } from './commands/sign.js'
import { bakeCommand } from './commands/bake.js'
import { extractCommand } from './commands/extract.js'
import { revokeCommand } from './commands/revoke.js'
import { publishCommand } from './commands/publish.js'
import { serveCommand } from './commands/serve.js'
import { verifyCommand } from './commands/verify.js'

/**
 * The table of `omc` sub-commands, in workflow order (`omc --help` lists them so). Each command lives in
 * `./commands/<name>.ts`; add it here, one line.
 */
export const commands: CliCommand[] = [
  issueCommand,
  keysCommand,
  signCommand,
  bakeCommand,
  extractCommand,
  revokeCommand,
  publishCommand,
  serveCommand,
  verifyCommand,
]
