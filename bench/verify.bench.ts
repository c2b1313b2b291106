/**
 * verify(): a signed badge (documents cached across verifications) and a hosted badge (in-memory fetch),
 * each beside the raw JWS signature check of the same token (sign/ verifySignature with an imported key).
 * Target: a signed badge verified within 3x of its raw signature check.
 *
 * "Documents cached" = one `createVerifyCache()` shared by the runs: the BadgeClass, issuer, key,
 * RevocationList and image are fetched once, parsed once (frozen) and their data validation memoized;
 * the JWS payload is decoded once per token. The signature check, key/owner/scope decisions, revocation
 * lookup and date checks still run on every verification. The last line shows the same badge without a cache.
 */
import { createRevocationList, defineIssuer, defineMicroCredential, issueAssertion } from '../src/issue/index.js'
import { generateKeyPair, importPublicKey, signAssertion, toCryptographicKey, verifySignature } from '../src/sign/index.js'
import { createVerifyCache, verify, type FetchLike } from '../src/verify/index.js'
import { measure, report } from './harness.js'

const PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
)

function memoryFetch(docs: Record<string, unknown>): FetchLike {
  const bodies = new Map(Object.entries(docs).map(([url, doc]) => [url, doc instanceof Uint8Array ? doc : new TextEncoder().encode(JSON.stringify(doc))]))
  return async (url) => {
    const body = bodies.get(String(url))
    if (!body) throw new TypeError('unreachable')
    const type = String(url).endsWith('.png') ? 'image/png' : 'application/ld+json'
    return new Response(body.slice(), { status: 200, headers: { 'content-type': type } })
  }
}

export async function run(): Promise<void> {
  const base = 'https://mc.example.org'
  const keyId = `${base}/keys/1`
  const pair = await generateKeyPair('RS256')
  const issuer = defineIssuer({ baseUrl: base, name: 'Bench Lab', url: 'https://example.org', email: 'badges@example.org', publicKey: keyId, revocationList: `${base}/revocations` })
  const mc = defineMicroCredential(issuer, {
    name: 'Think-Alouds',
    description: 'Models comprehension strategies aloud.',
    image: `${base}/images/mc.png`,
    criteria: { narrative: 'Submit a lesson video and a reflection.' },
    assessment: {
      assessmentOutput: 'Lesson video',
      evaluationMethod: 'Rubric scoring',
      evidence: [{ text: 'A lesson video', criterion: 1 }],
      rubric: { title: 'Rubric', criteria: [{ description: 'Models the strategy', levels: [{ description: 'Not yet', score: 0 }, { description: 'Yes', score: 1 }] }] },
    },
  })
  const now = () => new Date('2026-03-01T09:00:00Z')
  const award = { recipient: 'teacher@example.org', evidence: [{ url: 'https://portfolio.example/v1' }], results: [{ criterion: 1, score: 1 }], assessors: [{ name: 'Assessor' }] }
  const signedAssertion = issueAssertion(mc, award, { now, verification: { type: 'signed', creator: keyId }, idStyle: 'urn:uuid' })
  const jws = await signAssertion(signedAssertion, { privateKey: pair.privateKey, id: keyId })
  const hosted = issueAssertion(mc, award, { now })
  const docs: Record<string, unknown> = {
    [issuer.id]: issuer,
    [mc.id]: mc,
    [keyId]: toCryptographicKey(pair, { id: keyId, owner: issuer.id }),
    [`${base}/revocations`]: createRevocationList({ id: `${base}/revocations`, issuer: issuer.id }),
    [`${base}/images/mc.png`]: PNG,
    [hosted.id]: hosted,
  }
  const fetch = memoryFetch(docs)
  const options = { fetch, now: '2026-03-02T09:00:00Z' }

  const cache = createVerifyCache()
  const first = await verify(jws, { ...options, cache })
  const hostedReport = await verify(hosted.id, options)
  if (!first.valid || !hostedReport.valid) throw new Error(`bench badges must verify: ${JSON.stringify([...first.messages, ...hostedReport.messages])}`)

  const key = await importPublicKey(exportPem(docs[keyId]))
  const raw = await measure('raw JWS signature check (RS256, imported key)', () => verifySignature(jws, { resolveKey: () => key }))
  const signed = await measure('verify(signed JWS), documents cached', () => verify(jws, { ...options, cache }))
  report('verify: signed badge vs its raw signature check', signed, raw, '≤ 3x')
  const hostedRun = await measure('verify(hosted URL), in-memory fetch', () => verify(hosted.id, options))
  report('verify: hosted badge vs the raw signature check of the signed token', hostedRun, raw)
  const cold = await measure('verify(signed JWS), no cache (every document fetched)', () => verify(jws, options))
  report('verify: signed badge without a shared cache (for reference)', cold, raw)
}

function exportPem(doc: unknown): string {
  return (doc as { publicKeyPem: string }).publicKeyPem
}
