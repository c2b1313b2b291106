/**
 * The BUILT package under a strict Content-Security-Policy (`script-src 'self'`, no 'unsafe-eval'), as on
 * strict-CSP school portals and in Chrome MV3 extensions: code generation from strings (`new Function`,
 * `eval`) is refused there, and the same holds in edge workers. The root entry, /issue, /sign, /bake,
 * /verify, /schema and /jsonld must load and run — `validate()` and `verify()` included — with no CSP
 * violation: the JSON Schema validators are precompiled (src/schema/generated/). An extension schema
 * fetched at run time still needs ajv's compiler: under the CSP it must become the
 * EXTENSION_SCHEMA_UNAVAILABLE warning (not a failure), and without the CSP it must be compiled and run.
 *
 * Needs dist/ (`npm run build`) and Chromium at /usr/bin/chromium (or $CHROMIUM_PATH).
 * Run: `npx vitest run --config vitest.browser.config.ts`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { packageConsumerDir } from './bundle.js'
import { CHROMIUM, ENTRY_IMPORTS, hasChromium, openPage, requireBuild, servePage } from './page.js'
import type { PageSite } from './page.js'
import type { ScenarioResult } from './scenario.js'

const CSP = "script-src 'self'"

if (!hasChromium) console.warn(`[browser] ${CHROMIUM} not found: skipping the CSP test (install: apt-get install -y chromium)`)

/** In the page: verify a hosted badge whose BadgeClass carries an extension with a third-party schema. */
const EXTENSION_SCENARIO = `
async function pngBytes() {
  const canvas = new OffscreenCanvas(8, 8)
  canvas.getContext('2d').fillRect(0, 0, 8, 8)
  return new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer())
}
async function runExtension(verify, latitude) {
  const O = 'https://issuer.example', V2 = 'https://w3id.org/openbadges/v2'
  const CTX = 'https://ext.example/geo/context.json', SCHEMA = 'https://ext.example/geo/schema.json'
  const image = await pngBytes()
  const docs = {
    [O + '/issuer']: { '@context': V2, type: 'Issuer', id: O + '/issuer', name: 'Example Academy', url: O, email: 'badges@issuer.example' },
    [O + '/badges/geo']: {
      '@context': V2, type: 'BadgeClass', id: O + '/badges/geo', name: 'Field trip', description: 'Led a field trip.',
      image: O + '/badges/geo.png', criteria: { narrative: 'Lead one.' }, issuer: O + '/issuer',
      'extensions:GeoCoordinates': { '@context': CTX, type: ['Extension', 'extensions:GeoCoordinates'], description: 'Sunderland', geo: { latitude, longitude: -1.38 } },
    },
    [O + '/assertions/1']: {
      '@context': V2, type: 'Assertion', id: O + '/assertions/1', badge: O + '/badges/geo', verification: { type: 'HostedBadge' },
      recipient: { type: 'email', hashed: false, identity: 'teacher@example.org' }, issuedOn: '2025-06-01T10:00:00Z',
    },
    [CTX]: {
      '@context': { obi: 'https://w3id.org/openbadges#', extensions: 'https://w3id.org/openbadges/extensions#', geo: 'http://schema.org/geo', description: 'http://schema.org/description' },
      'obi:validation': [{ 'obi:validatesType': 'extensions:GeoCoordinates', 'obi:validationSchema': SCHEMA }],
    },
    [SCHEMA]: {
      type: 'object', required: ['description', 'geo'],
      properties: { geo: { type: 'object', required: ['latitude', 'longitude'], properties: { latitude: { type: 'number', maximum: 90, exclusiveMaximum: 90 } } } },
    },
  }
  const fetch = async (input) => {
    const url = typeof input === 'string' ? input : input.url ?? String(input)
    if (url === O + '/badges/geo.png') return new Response(image.slice(), { headers: { 'content-type': 'image/png' } })
    if (!(url in docs)) return new Response('not found', { status: 404 })
    return new Response(JSON.stringify(docs[url]), { headers: { 'content-type': 'application/ld+json' } })
  }
  const report = await verify(O + '/assertions/1', { fetch, now: '2026-01-15T12:00:00Z' })
  return report.messages.map((m) => ({ code: m.code, severity: m.severity, path: m.path ?? null }))
}
`

describe.skipIf(!hasChromium)(`the built package under Content-Security-Policy: ${CSP}`, () => {
  let consumer: Awaited<ReturnType<typeof packageConsumerDir>> | undefined
  let site: PageSite | undefined

  beforeAll(async () => {
    requireBuild()
    consumer = await packageConsumerDir()
    const entry = [
      ...ENTRY_IMPORTS,
      EXTENSION_SCENARIO,
      // Each call runs in a task of its own: code run synchronously inside DevTools' evaluate is exempt from the CSP.
      `const later = (fn) => new Promise((resolve, reject) => setTimeout(() => { try { resolve(fn()) } catch (e) { reject(e) } }, 0))`,
      `globalThis.omcRun = () => later(() => runScenario({ root, issue, sign, bake, verify, schema, jsonld }))`,
      `globalThis.omcSchemaValidate = () => later(() => { const r = schema.validate({ type: 'Assertion' }); return { valid: r.valid, codes: r.problems.map((p) => p.code) } })`,
      `globalThis.omcExtension = (latitude) => later(() => runExtension(verify.verify, latitude))`,
      // The control: proves the policy is enforced and that a violation would be seen.
      `globalThis.omcEvalProbe = () => later(() => { try { return new Function('return "allowed"')() } catch (e) { return e instanceof EvalError ? 'EvalError' : String(e) } })`,
      `globalThis.omcReady = true`,
    ].join('\n')
    site = await servePage(entry, consumer.dir, {
      title: 'open-microcredentials CSP test',
      variants: { '/strict': { 'content-security-policy': CSP }, '/open': {} },
    })
  }, 120_000)

  afterAll(async () => {
    await site?.close()
    await consumer?.dispose()
  })

  /** Opens the page (`strict`: served with the CSP), records CSP violations, page errors and console errors. */
  async function openPolicyPage(strict: boolean) {
    // Init scripts are injected by the browser tooling, outside the page's CSP.
    const { context, page, pageErrors, consoleErrors } = await openPage(site!, strict ? '/strict/' : '/open/',
      `globalThis.__csp = []; document.addEventListener('securitypolicyviolation', (e) => globalThis.__csp.push(e.violatedDirective + ' ' + e.blockedURI))`)
    // Module scripts run before the load event `goto` waits for. (No waitForFunction: its polling evaluates
    // strings in the page, which the CSP refuses.)
    const ready = (await page.evaluate('globalThis.omcReady === true')) as boolean
    expect(ready, `the bundle did not load:\n${pageErrors.join('\n')}`).toBe(true)
    const violations = async () => (await page.evaluate('globalThis.__csp')) as string[]
    return { page, context, pageErrors, consoleErrors, violations }
  }

  it('every entry loads, and validate() / verify() / the whole issue→sign→bake→verify flow run, with no CSP violation', async () => {
    const { page, context, pageErrors, consoleErrors, violations } = await openPolicyPage(true)
    try {
      expect(await violations()).toEqual([]) // module load: nothing compiled from strings
      const validation = (await page.evaluate('globalThis.omcSchemaValidate()')) as { valid: boolean; codes: string[] }
      expect(validation.valid).toBe(false)
      expect(validation.codes).toEqual(expect.arrayContaining(['ASSERTION_ID_REQUIRED', 'ASSERTION_RECIPIENT_REQUIRED']))

      const result = (await page.evaluate('globalThis.omcRun()')) as ScenarioResult
      expect(result.algorithms.map((a) => a.alg)).toEqual(['ES256', 'EdDSA'])
      for (const a of result.algorithms) {
        for (const report of [a.verifyPng, a.verifySvg, a.verifyPngViaRoot]) {
          expect(report.errors, a.alg).toEqual([])
          expect(report.valid, a.alg).toBe(true)
          expect(report.codes, a.alg).toEqual(expect.arrayContaining(['SIGNED_VERIFIED', 'RECIPIENT_MATCHED']))
        }
        expect(a.tampered.errors, a.alg).toContain('SIGNATURE_INVALID')
        expect(a.revoked.errors, a.alg).toEqual(['ASSERTION_REVOKED'])
      }
      expect(result.validation).toMatchObject({ valid: false, goodValid: true, goodCodes: [] })
      expect(result.validation.codes).toEqual(expect.arrayContaining(['ASSERTION_RECIPIENT_REQUIRED', 'DATETIME_INVALID']))
      expect(result.jsonld.expandedType).toEqual(['https://w3id.org/openbadges#Assertion'])

      expect(await violations()).toEqual([])
      expect(pageErrors).toEqual([])
      expect(consoleErrors).toEqual([])

      // The control: the policy is in force, and a violation is recorded when code generation is tried.
      expect(await page.evaluate('globalThis.omcEvalProbe()')).toBe('EvalError')
      await expect.poll(violations).toEqual([expect.stringMatching(/^script-src eval/)])
    } finally {
      await context.close()
    }
  })

  it('a third-party extension schema (needs code generation) is the EXTENSION_SCHEMA_UNAVAILABLE warning, not a failure', async () => {
    const { page, context, pageErrors } = await openPolicyPage(true)
    try {
      const messages = (await page.evaluate('globalThis.omcExtension(54.9)')) as Array<{ code: string; severity: string; path: string | null }>
      expect(messages.filter((m) => m.severity === 'error')).toEqual([])
      expect(messages).toContainEqual({ code: 'EXTENSION_SCHEMA_UNAVAILABLE', severity: 'warning', path: '/badgeClass/extensions:GeoCoordinates' })
      expect(messages.map((m) => m.code)).not.toContain('EXTENSION_VALIDATED')
      expect(messages.map((m) => m.code)).toContain('HOSTED_VERIFIED')
      expect(pageErrors).toEqual([])
    } finally {
      await context.close()
    }
  })

  it('without the CSP the same schema is compiled on demand (ajv loaded lazily from the bundle) and run', async () => {
    const { page, context, pageErrors, violations } = await openPolicyPage(false)
    try {
      expect(await page.evaluate('globalThis.omcEvalProbe()')).toBe('allowed')
      const ok = (await page.evaluate('globalThis.omcExtension(54.9)')) as Array<{ code: string; severity: string }>
      expect(ok.filter((m) => m.severity === 'error')).toEqual([])
      expect(ok.map((m) => m.code)).toContain('EXTENSION_VALIDATED')
      const bad = (await page.evaluate('globalThis.omcExtension(90)')) as Array<{ code: string; severity: string }>
      expect(bad.filter((m) => m.severity === 'error').map((m) => m.code)).toContain('EXTENSION_INVALID')
      expect(await violations()).toEqual([])
      expect(pageErrors).toEqual([])
    } finally {
      await context.close()
    }
  })
})
