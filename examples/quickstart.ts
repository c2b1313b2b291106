/**
 * The README's quick start: define an issuer and a micro-credential, issue it to an educator, sign it,
 * bake it into a PNG, and verify the PNG — offline, with the issuer's documents served by an in-memory
 * fetch. Run it: `npx tsx examples/quickstart.ts` (test/examples/quickstart.test.ts runs it too).
 */
import {
  bake, createRevocationList, defineIssuer, defineMicroCredential, generateKeyPair, issueAssertion,
  signAssertion, toCryptographicKey, verify,
} from '../src/index.js'
import { badgePng } from './badge-image.js'

export async function quickstart(): Promise<{ valid: boolean; codes: string[] }> {
  const base = 'https://mc.example.org'
  const keys = await generateKeyPair('RS256')
  const issuer = defineIssuer({
    baseUrl: base, name: 'Example MC Lab', url: 'https://example.org', email: 'badges@example.org',
    publicKey: `${base}/keys/1`, revocationList: `${base}/revocations`,
  })
  const mc = defineMicroCredential(issuer, {
    name: 'Questioning for Deeper Thinking',
    description: 'The educator plans and asks higher-order questions that extend student reasoning.',
    image: `${base}/images/questioning.png`,
    criteria: { submissionGuidelines: 'A lesson plan, a 10-minute video and a reflection.', evaluationCriteria: 'Every rubric criterion at Proficient (3) or above.' },
    alignment: [{ targetName: 'InTASC Standard 8', targetUrl: 'https://ccsso.org/intasc', targetFramework: 'InTASC', targetCode: 'InTASC.8' }],
    assessment: {
      assessmentOutput: 'Lesson plan, classroom video, reflection',
      evaluationMethod: 'One criterion scored 1-4 by a trained assessor.',
      evidence: [{ text: 'Unedited classroom video', kind: 'external', criterion: 1 }],
      rubric: { title: 'Questioning rubric', criteria: [{ description: 'Questions require analysis or evaluation', levels: [{ score: 2, description: 'Some' }, { score: 3, quality: 'Proficient', description: 'Most' }] }] },
    },
    stacks: [{ id: `${base}/stacks/instruction`, name: 'Effective Instruction', position: 1 }],
    renewal: { credits: 12 },
  })
  const assertion = issueAssertion(mc, {
    recipient: 'Teacher@School.example', evidence: { url: 'https://portfolio.example/video/42', name: 'Classroom video' },
    results: [{ criterion: 1, score: 3 }], assessors: [{ name: 'Dana Okafor' }],
  }, { verification: { type: 'signed', creator: `${base}/keys/1` } })
  const jws = await signAssertion(assertion, { privateKey: keys.privateKey, id: `${base}/keys/1` })
  const png = bake(badgePng(64), jws)

  // What the issuer hosts, served here from memory instead of over the network.
  const hosted = new Map<string, unknown>([
    [issuer.id, issuer], [mc.id, mc], [`${base}/keys/1`, toCryptographicKey(keys, { id: `${base}/keys/1`, owner: issuer.id })],
    [`${base}/revocations`, createRevocationList({ id: `${base}/revocations`, issuer: issuer.id })],
  ])
  const fetch = async (url: string | URL | Request) => {
    const doc = hosted.get(String(url))
    return doc === undefined ? new Response('not found', { status: 404 }) : Response.json(doc, { headers: { 'content-type': 'application/ld+json' } })
  }
  const report = await verify(png, { fetch, recipient: { email: 'teacher@school.example' } })
  return { valid: report.valid && report.recipientMatched === true, codes: report.messages.map((m) => m.code) }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await quickstart())
