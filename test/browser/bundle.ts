/**
 * Bundles code that imports the BUILT package by its name (`open-microcredentials/...`) for the browser,
 * the way an application's bundler would: esbuild, platform `browser`, ESM, the package resolved through
 * a `node_modules/open-microcredentials` symlink to this repository (so package.json `exports` and the
 * dependencies' `browser` fields apply). Node built-ins are NOT marked external: esbuild refuses to
 * resolve them for the browser, and the metafile is checked as well, so any static `node:`/built-in
 * import anywhere in the graph fails the bundle.
 */
import { mkdtemp, mkdir, rm, symlink } from 'node:fs/promises'
import { isBuiltin } from 'node:module'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import type { Message, Metafile } from 'esbuild'

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)))

/** Outcome of one bundling attempt. */
export type BundleOutcome =
  | { ok: true; code: string; inputs: string[]; builtins: string[] }
  | { ok: false; errors: string[]; builtins: string[] }

/** A temp directory whose node_modules/open-microcredentials points at the repository. */
export async function packageConsumerDir(): Promise<{ dir: string; dispose: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'omc-browser-'))
  await mkdir(join(dir, 'node_modules'))
  await symlink(REPO_ROOT, join(dir, 'node_modules', 'open-microcredentials'), 'dir')
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) }
}

/** Every import of a Node built-in the metafile records (bare `fs` or `node:fs`), as `importer -> path`. */
function builtinImports(metafile: Metafile): string[] {
  const found: string[] = []
  for (const [importer, input] of Object.entries(metafile.inputs)) {
    for (const imp of input.imports) {
      if (imp.path.startsWith('node:') || isBuiltin(imp.path)) found.push(`${importer} -> ${imp.path}`)
    }
  }
  return found
}

function describeError(m: Message): string {
  const where = m.location ? `${m.location.file}:${m.location.line}:${m.location.column}: ` : ''
  return `${where}${m.text}`
}

/**
 * Bundles `contents` (an ES module, resolved from `consumerDir`) for the browser.
 * Never throws for a failed build: returns the errors and the built-in imports found.
 */
export async function bundleForBrowser(contents: string, consumerDir: string): Promise<BundleOutcome> {
  try {
    const result = await build({
      stdin: { contents, resolveDir: consumerDir, sourcefile: 'browser-entry.ts', loader: 'ts' },
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'esm',
      target: 'es2022',
      metafile: true,
      logLevel: 'silent',
      outfile: join(consumerDir, 'out.js'),
    })
    const builtins = builtinImports(result.metafile)
    const code = result.outputFiles.find((f) => f.path.endsWith('.js'))?.text ?? ''
    const inputs = Object.keys(result.metafile.inputs).map((p) => relative(REPO_ROOT, resolve(process.cwd(), p)))
    if (builtins.length > 0) return { ok: false, errors: builtins.map((b) => `Node built-in in the bundle: ${b}`), builtins }
    return { ok: true, code, inputs, builtins }
  } catch (error) {
    const failure = error as { errors?: Message[] }
    const errors = failure.errors?.map(describeError) ?? [String(error)]
    const builtins = errors.flatMap((e) => {
      const name = /Could not resolve "([^"]+)"/.exec(e)?.[1]
      return name !== undefined && (name.startsWith('node:') || isBuiltin(name)) ? [e] : []
    })
    return { ok: false, errors, builtins }
  }
}
