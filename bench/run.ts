/**
 * `npm run bench`: runs every `bench/*.bench.ts` in turn (or the ones named on the command line:
 * `npm run bench -- bake`). Each file exports `run(): Promise<void>` and prints its own table.
 */
import { readdirSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { dirname, join } from 'node:path'

const here = dirname(fileURLToPath(import.meta.url))
const only = process.argv.slice(2)
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort()

console.log(`node ${process.version} — ${files.length} benchmark file(s)`)
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { run: () => Promise<void> }
  console.log(`\n=== ${file}`)
  await mod.run()
}
