/**
 * The BUILT package in a real browser (headless Chromium through playwright-core), the way `ky` tests its
 * browser build: each browser subpath is bundled by esbuild for `platform: 'browser'` from dist/ by its
 * package name (a Node built-in anywhere in the graph fails the bundle), then one page bundle runs the
 * whole flow — WebCrypto keys, issue, sign, bake PNG/SVG bytes, extract, verify with an in-memory fetch,
 * tampering, revocation, validation, JSON-LD — served from a node:http server on 127.0.0.1.
 *
 * Needs dist/ (`npm run build`) and Chromium at /usr/bin/chromium (or $CHROMIUM_PATH); skips the page
 * test with a message when Chromium is absent. Run: `npx vitest run --config vitest.browser.config.ts`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundleForBrowser, packageConsumerDir } from './bundle.js'
import { CHROMIUM, ENTRY_IMPORTS, hasChromium, openPage, requireBuild, servePage } from './page.js'
import type { PageSite } from './page.js'
import type { ScenarioResult } from './scenario.js'

/** The subpaths the package claims run in browsers ('' is the root entry). */
const BROWSER_SUBPATHS = ['', '/issue', '/sign', '/bake', '/verify', '/schema', '/jsonld'] as const

if (!hasChromium) {
  console.warn(`[browser] ${CHROMIUM} not found: skipping the headless Chromium test (install: apt-get install -y chromium, or run .ci/browser.sh)`)
}

let consumer: Awaited<ReturnType<typeof packageConsumerDir>> | undefined

beforeAll(async () => {
  requireBuild()
  consumer = await packageConsumerDir()
})

afterAll(async () => {
  await consumer?.dispose()
})

describe('browser bundles of the built package (esbuild, platform browser)', () => {
  it.each(BROWSER_SUBPATHS.map((s) => [`open-microcredentials${s}`]))('%s bundles with no Node built-in', async (specifier) => {
    const outcome = await bundleForBrowser(`export * from '${specifier}'`, consumer!.dir)
    expect(outcome.ok ? [] : outcome.errors).toEqual([])
    if (!outcome.ok) return
    // Resolved from the build through the package's exports, never from the sources.
    expect(outcome.inputs.some((p) => p.startsWith('dist/'))).toBe(true)
    expect(outcome.inputs.filter((p) => p.startsWith('src/'))).toEqual([])
    expect(outcome.builtins).toEqual([])
    expect(outcome.code).not.toMatch(/\bfrom\s*["']node:|\brequire\(\s*["']node:/)
  })

  it('detects Node built-ins: open-microcredentials/host (node:http, node:fs) does not bundle', async () => {
    const outcome = await bundleForBrowser(`export * from 'open-microcredentials/host'`, consumer!.dir)
    expect(outcome.ok).toBe(false)
    expect(outcome.builtins.length).toBeGreaterThan(0)
  })
})

describe.skipIf(!hasChromium)('the built package in headless Chromium', () => {
  let site: PageSite | undefined

  beforeAll(async () => {
    const entry = [
      ...ENTRY_IMPORTS,
      `globalThis.omcRun = () => runScenario({ root, issue, sign, bake, verify, schema, jsonld })`,
      `globalThis.omcReady = true`,
    ].join('\n')
    site = await servePage(entry, consumer!.dir, { title: 'open-microcredentials browser test' })
  }, 120_000)

  afterAll(async () => {
    await site?.close()
  })

  /** Loads the page in a fresh context (after `initScript`, if any), runs the scenario, collects errors. */
  async function runPage(initScript?: string) {
    const { context, page, pageErrors, consoleErrors, offsite } = await openPage(site!, '/', initScript)
    try {
      await page.waitForFunction('globalThis.omcReady === true', undefined, { timeout: 30_000 })
      const result = (await page.evaluate('globalThis.omcRun()')) as ScenarioResult
      const ed25519Refusals = (await page.evaluate('globalThis.__ed25519Refused ?? 0')) as number
      if (process.env.OMC_BROWSER_DUMP) console.log(JSON.stringify(result, null, 1))
      return { result, pageErrors, consoleErrors, offsite, ed25519Refusals }
    } finally {
      await context.close()
    }
  }

  /** The assertions every run must pass: the whole flow works, for both algorithms. */
  function expectScenarioPasses(run: Awaited<ReturnType<typeof runPage>>) {
    const { result, pageErrors, consoleErrors, offsite } = run
    expect(pageErrors).toEqual([])
    expect(consoleErrors).toEqual([])
    expect(offsite).toEqual([])

    // A real browser page: WebCrypto, a secure context (loopback), no Node globals to lean on.
    expect(result.environment).toMatchObject({ isSecureContext: true, hasProcess: false, hasBuffer: false, hasSubtle: true })
    expect(result.environment.userAgent).toMatch(/Chrom/)
    expect(result.rootMatchesSubpaths).toEqual({
      verify: true, validate: true, signAssertion: true, bake: true, issueAssertion: true, expandDocument: true,
    })

    expect(result.algorithms.map((a) => a.alg)).toEqual(['ES256', 'EdDSA'])
    for (const a of result.algorithms) {
      expect(a.jwsHeaderAlg, a.alg).toBe(a.alg)
      expect(a.signatureCheckOk, a.alg).toBe(true)
      expect(a.png, a.alg).toEqual({ baked: true, format: 'png', roundTrip: true, bytesIsUint8Array: true })
      expect(a.svg, a.alg).toEqual({ baked: true, format: 'svg', roundTrip: true, bytesIsUint8Array: true })
      for (const [name, report] of [['png', a.verifyPng], ['svg', a.verifySvg], ['png via root', a.verifyPngViaRoot]] as const) {
        expect(report.errors, `${a.alg} ${name}`).toEqual([])
        expect(report.valid, `${a.alg} ${name}`).toBe(true)
        expect(report.codes, `${a.alg} ${name}`).toEqual(expect.arrayContaining(['SIGNED_VERIFIED', 'RECIPIENT_MATCHED']))
        expect(report.recipientMatched, `${a.alg} ${name}`).toBe(true)
        expect(report.revoked, `${a.alg} ${name}`).toBe(false)
      }
      // One character of the signature changed: the verifier reports the signature, and never trusts it.
      expect(a.tampered.valid, a.alg).toBe(false)
      expect(a.tampered.errors, a.alg).toContain('SIGNATURE_INVALID')
      expect(a.tampered.codes, a.alg).not.toContain('SIGNED_VERIFIED')
      expect(a.tamperedSignatureCheck, a.alg).toEqual({ ok: false, code: 'SIGNATURE_INVALID' })
      // Correctly signed, but listed in the issuer's RevocationList.
      expect(a.revoked.valid, a.alg).toBe(false)
      expect(a.revoked.errors, a.alg).toEqual(['ASSERTION_REVOKED'])
      expect(a.revoked.revoked, a.alg).toBe(true)
    }

    expect(result.validation.valid).toBe(false)
    expect(result.validation.codes).toEqual(expect.arrayContaining(['ASSERTION_RECIPIENT_REQUIRED', 'DATETIME_INVALID']))
    expect(result.validation.paths).toEqual(expect.arrayContaining(['/recipient', '/issuedOn']))
    expect(result.validation).toMatchObject({ goodValid: true, goodCodes: [] })

    expect(result.jsonld).toEqual({
      expandedType: ['https://w3id.org/openbadges#Assertion'], issueDateKey: true, unbundledCode: 'JSONLD_CONTEXT_NOT_BUNDLED',
    })
    expect(result.bakeErrors.garbageCode).toBe('PNG_BAD_SIGNATURE')
  }

  it('issues, signs (ES256, EdDSA via WebCrypto), bakes, extracts, verifies and validates', async () => {
    const run = await runPage()
    expectScenarioPasses(run)
    expect(run.ed25519Refusals).toBe(0)
  })

  it('falls back to @noble/ed25519 where WebCrypto lacks Ed25519 (older Safari/Firefox)', async () => {
    // Make SubtleCrypto refuse Ed25519 the way a browser without it does; everything else is untouched.
    const refuseEd25519 = `(() => {
      const subtle = globalThis.crypto.subtle
      const algorithmArg = { importKey: 2, unwrapKey: 3, generateKey: 0, sign: 0, verify: 0 }
      for (const [method, index] of Object.entries(algorithmArg)) {
        const original = subtle[method].bind(subtle)
        subtle[method] = (...args) => {
          const alg = args[index]
          if ((typeof alg === 'string' ? alg : alg && alg.name) === 'Ed25519') {
            globalThis.__ed25519Refused = (globalThis.__ed25519Refused ?? 0) + 1
            return Promise.reject(new DOMException('Algorithm: Unrecognized name', 'NotSupportedError'))
          }
          return original(...args)
        }
      }
    })()`
    const run = await runPage(refuseEd25519)
    expect(run.ed25519Refusals).toBeGreaterThan(0) // the library asked, was refused, and still signed and verified
    expectScenarioPasses(run)
  })
})
