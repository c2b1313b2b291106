/**
 * What runs INSIDE the browser page (bundled by esbuild together with the built package, see
 * browser.test.ts). It receives the package's entry points as namespaces — imported by the package
 * name from dist/, never from src/ — and exercises each claimed browser subpath end to end:
 * WebCrypto keys (ES256, EdDSA), issuing, signing, baking into PNG and SVG bytes, extracting, verifying
 * with an in-memory fetch, tampering, revocation, validation and JSON-LD expansion.
 *
 * Only `import type` from src/ here: types are erased, so nothing from src/ reaches the bundle (the test
 * checks the bundle's inputs to be sure). Results are plain JSON; the assertions live in the test.
 */
import type * as Root from '../../src/index.js'
import type * as Issue from '../../src/issue/index.js'
import type * as Sign from '../../src/sign/index.js'
import type * as Bake from '../../src/bake/index.js'
import type * as Verify from '../../src/verify/index.js'
import type * as Schema from '../../src/schema/index.js'
import type * as Jsonld from '../../src/jsonld/index.js'

/** The package's browser entry points, as the page bundle imports them. */
export interface Entries {
  root: typeof Root
  issue: typeof Issue
  sign: typeof Sign
  bake: typeof Bake
  verify: typeof Verify
  schema: typeof Schema
  jsonld: typeof Jsonld
}

/** A verification outcome reduced to what the test asserts on. */
export interface VerifyOutcome {
  valid: boolean
  errors: string[]
  codes: string[]
  recipientMatched: boolean | null
  revoked: boolean | null
}

/** One algorithm's run through issue → sign → bake → extract → verify. */
export interface AlgorithmOutcome {
  alg: string
  jwsHeaderAlg: string | null
  signatureCheckOk: boolean
  png: { baked: boolean; format: string | null; roundTrip: boolean; bytesIsUint8Array: boolean }
  svg: { baked: boolean; format: string | null; roundTrip: boolean; bytesIsUint8Array: boolean }
  verifyPng: VerifyOutcome
  verifySvg: VerifyOutcome
  verifyPngViaRoot: VerifyOutcome
  tampered: VerifyOutcome
  tamperedSignatureCheck: { ok: boolean; code: string | null }
  revoked: VerifyOutcome
}

/** Everything the page reports back. */
export interface ScenarioResult {
  environment: {
    isSecureContext: boolean
    hasProcess: boolean
    hasBuffer: boolean
    hasSubtle: boolean
    userAgent: string
  }
  rootMatchesSubpaths: Record<string, boolean>
  algorithms: AlgorithmOutcome[]
  validation: { valid: boolean; codes: string[]; paths: string[]; goodValid: boolean; goodCodes: string[] }
  jsonld: { expandedType: unknown; issueDateKey: boolean; unbundledCode: string | null }
  bakeErrors: { garbageCode: string | null }
}

const NOW = '2025-03-01T12:00:00Z'
const RECIPIENT = 'Teacher@School.example'

function outcome(report: Awaited<ReturnType<(typeof Verify)['verify']>>): VerifyOutcome {
  return {
    valid: report.valid,
    errors: report.messages.filter((m) => m.severity === 'error').map((m) => m.code),
    codes: report.messages.map((m) => m.code),
    recipientMatched: report.recipientMatched ?? null,
    revoked: report.revoked ?? null,
  }
}

/** A small PNG drawn by the browser itself (OffscreenCanvas), as bytes. */
async function canvasPng(): Promise<Uint8Array> {
  const canvas = new OffscreenCanvas(32, 32)
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('no 2d context')
  ctx.fillStyle = '#127a82'
  ctx.beginPath()
  ctx.arc(16, 16, 14, 0, Math.PI * 2)
  ctx.fill()
  const blob = await canvas.convertToBlob({ type: 'image/png' })
  return new Uint8Array(await blob.arrayBuffer())
}

const SVG = new TextEncoder().encode(
  '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32">' +
    '<circle cx="16" cy="16" r="14" fill="#127a82"/></svg>\n',
)

/** Flips one character in the middle of the JWS signature segment (a real byte change, never padding bits). */
function tamper(jws: string): string {
  const dot = jws.lastIndexOf('.')
  const at = dot + 1 + Math.floor((jws.length - dot - 1) / 2)
  const replacement = jws[at] === 'A' ? 'B' : 'A'
  return jws.slice(0, at) + replacement + jws.slice(at + 1)
}

function errorCode(fn: () => unknown): string | null {
  try {
    fn()
    return null
  } catch (error) {
    return (error as { code?: string }).code ?? `untyped: ${String(error)}`
  }
}

async function runAlgorithm(m: Entries, alg: 'ES256' | 'EdDSA', png: Uint8Array): Promise<AlgorithmOutcome> {
  const base = `https://${alg.toLowerCase()}.mc.example.org`
  const keyId = `${base}/keys/1`
  const keys = await m.sign.generateKeyPair(alg)
  const issuer = m.issue.defineIssuer({
    baseUrl: base, name: `Browser MC Lab (${alg})`, url: 'https://example.org', email: 'badges@example.org',
    publicKey: keyId, revocationList: `${base}/revocations`,
  })
  const mc = m.issue.defineMicroCredential(issuer, {
    name: 'Questioning for Deeper Thinking',
    description: 'The educator plans and asks higher-order questions that extend student reasoning.',
    image: `${base}/images/questioning.png`,
    criteria: { submissionGuidelines: 'A lesson plan and a reflection.', evaluationCriteria: 'Every criterion at Proficient (3) or above.' },
    assessment: {
      assessmentOutput: 'Lesson plan, reflection',
      evaluationMethod: 'One criterion scored 1-4 by a trained assessor.',
      evidence: [{ text: 'A lesson plan with the questions marked', kind: 'external', criterion: 1 }],
      rubric: { title: 'Questioning rubric', criteria: [{ description: 'Questions require analysis', levels: [{ score: 2, description: 'Some' }, { score: 3, quality: 'Proficient', description: 'Most' }] }] },
    },
  })
  const now = () => new Date(NOW)
  const award = {
    recipient: RECIPIENT, evidence: { url: 'https://portfolio.example/plan/42', name: 'Lesson plan' },
    results: [{ criterion: 1, score: 3 }], assessors: [{ name: 'Dana Okafor' }],
  }
  const assertion = m.issue.issueAssertion(mc, award, { now, verification: { type: 'signed', creator: keyId } })
  const revokedAssertion = m.issue.issueAssertion(mc, award, { now, verification: { type: 'signed', creator: keyId } })
  const jws = await m.sign.signAssertion(assertion, { privateKey: keys.privateKey, id: keyId })
  const revokedJws = await m.sign.signAssertion(revokedAssertion, { privateKey: keys.privateKey, id: keyId })
  const decoded = m.sign.decodeJws(jws)
  const check = await m.sign.verifySignature(jws, { resolveKey: async () => keys.publicKey })
  const badTampered = tamper(jws)
  const tamperedCheck = await m.sign.verifySignature(badTampered, { resolveKey: async () => keys.publicKey })

  const bakedPng = m.bake.bake(png, jws)
  const bakedSvg = m.bake.bakeSvg(SVG, jws)
  const fromPng = m.bake.extract(bakedPng)
  const fromSvg = m.bake.extractFromSvg(bakedSvg)

  const revocations = m.issue.revoke(
    m.issue.createRevocationList({ id: `${base}/revocations`, issuer: issuer.id }),
    revokedAssertion.id, 'Issued in error',
  )
  const json = new Map<string, unknown>([
    [issuer.id, issuer], [mc.id, mc], [`${base}/revocations`, revocations],
    [keyId, m.sign.toCryptographicKey(keys, { id: keyId, owner: issuer.id })],
  ])
  const fetch = async (input: string | URL | Request): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    if (url === mc.image) return new Response(png.slice(), { headers: { 'content-type': 'image/png' } })
    const doc = json.get(url)
    if (doc === undefined) return new Response('not found', { status: 404 })
    return new Response(JSON.stringify(doc), { headers: { 'content-type': 'application/ld+json' } })
  }
  const options = { fetch, now: NOW, recipient: { email: 'teacher@school.example' } }
  const pngFlag = fromPng.baked && fromPng.text === jws
  const svgFlag = fromSvg.baked && fromSvg.text === jws
  return {
    alg,
    jwsHeaderAlg: decoded.ok ? String(decoded.header.alg) : null,
    signatureCheckOk: check.ok,
    png: { baked: fromPng.baked, format: fromPng.format, roundTrip: pngFlag, bytesIsUint8Array: bakedPng instanceof Uint8Array },
    svg: { baked: fromSvg.baked, format: fromSvg.format, roundTrip: svgFlag, bytesIsUint8Array: bakedSvg instanceof Uint8Array },
    verifyPng: outcome(await m.verify.verify(bakedPng, options)),
    verifySvg: outcome(await m.verify.verify(bakedSvg, options)),
    verifyPngViaRoot: outcome(await m.root.verify(bakedPng.buffer.slice(0) as ArrayBuffer, options)),
    tampered: outcome(await m.verify.verify(m.bake.bake(png, badTampered), options)),
    tamperedSignatureCheck: { ok: tamperedCheck.ok, code: tamperedCheck.ok ? null : tamperedCheck.code },
    revoked: outcome(await m.verify.verify(m.bake.bakeSvg(SVG, revokedJws), options)),
  }
}

/** Runs the whole scenario in the page; the test calls it through `page.evaluate`. */
export async function runScenario(m: Entries): Promise<ScenarioResult> {
  const g = globalThis as { process?: unknown; Buffer?: unknown }
  const png = await canvasPng()

  const shared: Array<[string, unknown, unknown]> = [
    ['verify', m.root.verify, m.verify.verify],
    ['validate', m.root.validate, m.schema.validate],
    ['signAssertion', m.root.signAssertion, m.sign.signAssertion],
    ['bake', m.root.bake, m.bake.bake],
    ['issueAssertion', m.root.issueAssertion, m.issue.issueAssertion],
    ['expandDocument', m.root.expandDocument, m.jsonld.expandDocument],
  ]
  const rootMatchesSubpaths = Object.fromEntries(shared.map(([name, a, b]) => [name, typeof a === 'function' && a === b]))

  const algorithms = [await runAlgorithm(m, 'ES256', png), await runAlgorithm(m, 'EdDSA', png)]

  const broken = {
    '@context': 'https://w3id.org/openbadges/v2',
    type: 'Assertion',
    id: 'https://example.org/assertions/1',
    badge: 'https://example.org/badges/1',
    issuedOn: 'yesterday',
    verification: { type: 'hosted' },
  }
  const brokenResult = m.schema.validate(broken)
  const good = m.root.validate({ ...broken, issuedOn: '2025-01-01T00:00:00Z', recipient: { type: 'email', hashed: false, identity: 'a@example.org' } })

  const expanded = await m.jsonld.expandDocument({
    '@context': m.jsonld.OB_V2_CONTEXT, type: 'Assertion', id: 'https://example.org/a/1', issuedOn: '2025-01-01T00:00:00Z',
  })
  const first = expanded[0] ?? {}
  let unbundledCode: string | null = null
  try {
    await m.jsonld.documentLoader('https://unbundled.example.org/context.jsonld')
  } catch (error) {
    unbundledCode = (error as { code?: string }).code ?? 'untyped'
  }

  return {
    environment: {
      isSecureContext: globalThis.isSecureContext,
      hasProcess: g.process !== undefined,
      hasBuffer: g.Buffer !== undefined,
      hasSubtle: typeof globalThis.crypto?.subtle?.sign === 'function',
      userAgent: navigator.userAgent,
    },
    rootMatchesSubpaths,
    algorithms,
    validation: {
      valid: brokenResult.valid,
      codes: brokenResult.problems.map((p) => p.code),
      paths: brokenResult.problems.map((p) => p.path),
      goodValid: good.valid,
      goodCodes: good.problems.map((p) => p.code),
    },
    jsonld: {
      expandedType: first['@type'] ?? null,
      issueDateKey: 'https://w3id.org/openbadges#issueDate' in first,
      unbundledCode,
    },
    bakeErrors: { garbageCode: errorCode(() => m.bake.extract(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]))) },
  }
}
