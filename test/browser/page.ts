/**
 * What the browser tests share: where Chromium is, the check that dist/ is built, the page-bundle lines
 * that import every browser entry of the built package, a loopback server for one page + its bundle with
 * headless Chromium, and a page opened with its errors recorded and every off-site request refused.
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { expect } from 'vitest'
import { REPO_ROOT, bundleForBrowser } from './bundle.js'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const hasChromium = existsSync(CHROMIUM)

const DIST_ENTRY = join(REPO_ROOT, 'dist', 'index.js')

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }
  return newest
}

/** Throws when dist/ is missing (the browser tests run the BUILT package); warns when src/ is newer. */
export function requireBuild(): void {
  if (!existsSync(DIST_ENTRY)) {
    throw new Error('dist/ is missing: the browser tests run the BUILT package. Run `npm run build` first, then `npx vitest run --config vitest.browser.config.ts`.')
  }
  if (newestMtime(join(REPO_ROOT, 'src')) > statSync(DIST_ENTRY).mtimeMs) {
    console.warn('[browser] src/ is newer than dist/: testing a stale build (run `npm run build`)')
  }
}

/**
 * Page-bundle lines binding every browser entry of the package (`root`, `issue`, `sign`, `bake`, `verify`,
 * `schema`, `jsonld`, imported by the package name) and `runScenario` from scenario.ts.
 */
export const ENTRY_IMPORTS: readonly string[] = [
  `import * as root from 'open-microcredentials'`,
  `import * as issue from 'open-microcredentials/issue'`,
  `import * as sign from 'open-microcredentials/sign'`,
  `import * as bake from 'open-microcredentials/bake'`,
  `import * as verify from 'open-microcredentials/verify'`,
  `import * as schema from 'open-microcredentials/schema'`,
  `import * as jsonld from 'open-microcredentials/jsonld'`,
  `import { runScenario } from ${JSON.stringify(fileURLToPath(new URL('./scenario.ts', import.meta.url)))}`,
]

/** Headless Chromium and the loopback origin serving the page. */
export interface PageSite {
  browser: Browser
  origin: string
  close(): Promise<void>
}

/** Options of {@link servePage}. */
export interface ServePageOptions {
  /** The page's `<title>`. */
  title: string
  /**
   * Path prefixes the page is served under, each with the headers of its responses (default: `''`, no
   * extra headers). `{ '/strict': { 'content-security-policy': ... } }` serves `/strict/` and `/strict/bundle.js`.
   */
  variants?: Record<string, Record<string, string>>
}

/**
 * Bundles `entry` (resolved from `consumerDir`, from the build only: no src/ input), serves a page loading it
 * on 127.0.0.1 and launches headless Chromium.
 */
export async function servePage(entry: string, consumerDir: string, options: ServePageOptions): Promise<PageSite> {
  const bundle = await bundleForBrowser(entry, consumerDir)
  if (!bundle.ok) throw new Error(`the page bundle failed:\n${bundle.errors.join('\n')}`)
  expect(bundle.inputs.filter((p) => p.startsWith('src/'))).toEqual([])

  const html = '<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">' +
    `<title>${options.title}</title><script type="module" src="bundle.js"></script></head><body></body></html>`
  const variants = Object.entries(options.variants ?? { '': {} })
  const server = createServer((req, res) => {
    const url = req.url ?? ''
    const variant = variants.find(([prefix]) => url === `${prefix}/` || url === `${prefix}/bundle.js`)
    if (!variant) res.writeHead(404).end()
    else if (url === `${variant[0]}/`) res.writeHead(200, { ...variant[1], 'content-type': 'text/html; charset=utf-8' }).end(html)
    else res.writeHead(200, { ...variant[1], 'content-type': 'text/javascript; charset=utf-8' }).end(bundle.code)
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const closeServer = () => new Promise<void>((done) => server.close(() => done()))
  let browser: Browser
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', '--disable-quic'],
    })
  } catch (error) {
    await closeServer()
    throw error
  }
  return {
    browser,
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      await browser.close()
      await closeServer()
    },
  }
}

/** A page opened by {@link openPage}, with what it reported. */
export interface OpenedPage {
  context: BrowserContext
  page: Page
  pageErrors: string[]
  consoleErrors: string[]
  /** Off-site URLs the page tried to load (each refused). */
  offsite: string[]
}

/**
 * Opens `path` of the site in a fresh context (after `initScript`, if any), recording page errors and
 * console errors; anything not on the loopback origin is recorded and refused. Close `context` when done.
 */
export async function openPage(site: PageSite, path: string, initScript?: string): Promise<OpenedPage> {
  const context = await site.browser.newContext()
  try {
    if (initScript !== undefined) await context.addInitScript(initScript)
    const page = await context.newPage()
    const opened: OpenedPage = { context, page, pageErrors: [], consoleErrors: [], offsite: [] }
    page.on('pageerror', (error) => opened.pageErrors.push(error.stack ?? error.message))
    page.on('console', (msg) => {
      if (msg.type() === 'error') opened.consoleErrors.push(msg.text())
    })
    await page.route('**/*', (route) => {
      const url = route.request().url()
      if (url.startsWith(`${site.origin}/`)) return route.continue()
      opened.offsite.push(url)
      return route.abort()
    })
    await page.goto(`${site.origin}${path}`)
    return opened
  } catch (error) {
    await context.close()
    throw error
  }
}
