/**
 * `npm run demo`: the whole life of an educator micro-credential on this machine, offline.
 *
 * 1. Starts a badge host on 127.0.0.1 (a random free port) over a fresh badge directory.
 * 2. Defines an issuer (with a signing key and a revocation list) and a complete MC (rubric, standards
 *    alignment, research basis, resources, stack), and publishes them.
 * 3. Issues a hosted badge (baked PNG) and, through batch issuance, signed badges (JWS baked into PNGs).
 * 4. Revokes one hosted and one signed badge.
 * 5. Verifies every badge through the verifier, over HTTP from the host (allowPrivateNetwork, since the
 *    host is on 127.0.0.1), and prints the verdicts and what to open in a browser.
 *
 * Exits by itself (and removes its directory) unless `--keep-serving` is given. Exit code 1 when a
 * verdict is not the expected one, so CI can run it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createBadgeHost, createFsStore, issueBatch, listen, publishDocument, revokeAssertion } from '../src/host/index.js'
import type { RosterRow, RowOutcome } from '../src/host/index.js'
import { bake } from '../src/bake/index.js'
import { createRevocationList, defineIssuer, defineMicroCredential, issueAssertion } from '../src/issue/index.js'
import type { AwardInput, EvidenceInput, MicroCredentialDefinition } from '../src/issue/index.js'
import { generateKeyPair, toCryptographicKey } from '../src/sign/index.js'
import { verify, type VerificationReport } from '../src/verify/index.js'
import { badgePng } from './badge-image.js'

const keepServing = process.argv.includes('--keep-serving')

/** A port that is free on 127.0.0.1 right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}
const here = new URL('./complete-mc/', import.meta.url)
// The example files are plain JSON: read them as the definitions they are meant to be. The builders
// check them at run time and throw INVALID_INPUT with every problem when they are not.
const exampleJson = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, here), 'utf8')) as T
/** The assessment part of an award (examples/complete-mc/results.json). */
type AssessmentResults = Pick<AwardInput, 'results' | 'assessors' | 'assessedOn' | 'attempt'>
const now = () => new Date()

const dir = mkdtempSync(join(tmpdir(), 'omc-demo-'))
const store = createFsStore(dir)
// The host resolves the documents an assertion links (its micro-credential, the issuer) by id under its
// base URL, so the base URL must carry the real port: pick a free port first, then listen on it.
const port = await freePort()
const baseUrl = `http://127.0.0.1:${port}/`
const running = await listen(createBadgeHost({ store, baseUrl, now }), { host: '127.0.0.1', port })

const tty = Boolean(process.stdout.isTTY)
const paint = (code: string, text: string) => (tty ? `\u001b[${code}m${text}\u001b[0m` : text)
const step = (text: string) => console.log(`\n${paint('1', text)}`)
const item = (label: string, value: string) => console.log(`  ${label.padEnd(22)} ${value}`)

let failures = 0
try {
  step(`1. Badge host on ${baseUrl} (directory ${dir})`)

  step('2. Issuer, signing key, revocation list and micro-credential')
  const keyId = `${baseUrl}keys/1`
  const listId = `${baseUrl}revocations`
  const issuer = defineIssuer({
    baseUrl,
    name: 'Demo Educator Micro-credential Lab',
    url: baseUrl,
    email: 'badges@demo.example',
    description: 'A demo issuer running on this machine.',
    publicKey: keyId,
    revocationList: listId,
  })
  const keys = await generateKeyPair('RS256')
  const image = badgePng(256)
  const imageUrl = `${baseUrl}images/think-alouds.png`
  const mc = exampleJson<MicroCredentialDefinition>('mc.json')
  const badgeClass = defineMicroCredential(issuer, { ...mc, image: { id: imageUrl, caption: 'Think-Alouds badge' } })
  for (const doc of [issuer, badgeClass, toCryptographicKey(keys, { id: keyId, owner: issuer.id }), createRevocationList({ id: listId, issuer: issuer.id })]) {
    await publishDocument(store, baseUrl, doc)
  }
  await store.put('images/think-alouds.png', image)
  item('issuer', issuer.id)
  item('micro-credential', `${badgeClass.id}  "${badgeClass.name}"`)
  item('signing key (RS256)', keyId)

  step('3. Issue: one hosted badge, and a batch of three signed badges, all baked into PNGs')
  const results = exampleJson<AssessmentResults>('results.json')
  const evidence = exampleJson<EvidenceInput[]>('evidence.json')
  // The baked image's URL goes into the assertion, so choose the id first.
  const uuid = crypto.randomUUID()
  const hostedFinal = issueAssertion(
    badgeClass,
    { recipient: 'j.rivera@school.example', evidence, ...results, image: `${baseUrl}assertions/${uuid}.png` },
    { now, generateId: () => uuid },
  )
  await store.put(`assertions/${uuid}.png`, bake(image, hostedFinal))
  await publishDocument(store, baseUrl, hostedFinal)
  item('hosted', hostedFinal.id)

  const roster = ['ada@school.example', 'grace@school.example', 'katherine@school.example'].map(
    (email, i): RosterRow => ({
      line: i + 2,
      email,
      problems: [],
      award: { recipient: email, evidence: [{ url: `https://portfolio.example/${i}/video`, name: 'Classroom video' }], ...results },
    }),
  )
  const signed: RowOutcome[] = []
  const summary = await issueBatch(roster, {
    store,
    badgeClass,
    issuer,
    baseUrl,
    now,
    signingKey: { privateKey: keys.privateKey, id: keyId },
    bakeImage: image,
    onRow: (o) => signed.push(o),
  })
  signed.sort((a, b) => a.line - b.line)
  item('batch', `${summary.issued} issued, ${summary.skipped} skipped, ${summary.failed} failed`)
  for (const o of signed) item('signed + baked', o.imageUrl ?? '')

  step('4. Revoke one hosted and one signed badge')
  const revokedHosted = issueAssertion(badgeClass, { recipient: 'former@school.example', evidence: [{ url: 'https://portfolio.example/x' }], ...results }, { now })
  await publishDocument(store, baseUrl, revokedHosted)
  await revokeAssertion({ store, baseUrl, assertionId: revokedHosted.id, reason: 'Evidence was not the earner’s own work' })
  const revokedSigned = signed[2]!
  await revokeAssertion({ store, baseUrl, assertionId: revokedSigned.assertionId!, reason: 'Issued in error' })
  item('hosted, now 410 Gone', revokedHosted.id)
  item('signed, now listed', `${revokedSigned.assertionId} in ${listId}`)

  step('5. Verify through the verifier, over HTTP (allowPrivateNetwork: the host is on 127.0.0.1)')
  const options = { allowPrivateNetwork: true, now: new Date() }
  const fetchBytes = async (url: string) => new Uint8Array(await (await fetch(url)).arrayBuffer())
  const checks: Array<[string, Promise<VerificationReport>, boolean]> = [
    ['hosted badge URL', verify(hostedFinal.id, { ...options, recipient: { email: 'J.Rivera@school.example' } }), true],
    ['hosted baked PNG', verify(await fetchBytes(`${hostedFinal.id}.png`), options), true],
    ['signed baked PNG', verify(await fetchBytes(signed[0]!.imageUrl!), { ...options, recipient: { email: 'ada@school.example' } }), true],
    ['signed, wrong earner', verify(await fetchBytes(signed[1]!.imageUrl!), { ...options, recipient: { email: 'someone@else.example' } }), false],
    ['revoked hosted URL', verify(revokedHosted.id, options), false],
    ['revoked signed PNG', verify(await fetchBytes(revokedSigned.imageUrl!), options), false],
  ]
  for (const [label, pending, expected] of checks) {
    const report = await pending
    const verdict = report.valid && report.recipientMatched !== false
    const ok = verdict === expected
    if (!ok) failures++
    const why = report.messages
      .filter((m) => m.severity === 'error')
      .map((m) => m.code)
      .slice(0, 3)
      .join(', ')
    const flags = [report.revoked ? 'revoked' : '', report.recipientMatched === false ? 'recipient does not match' : ''].filter(Boolean).join(', ')
    console.log(
      `  ${ok ? paint('32', '✓') : paint('31', '✗')} ${label.padEnd(22)} ${verdict ? 'VALID' : 'NOT VALID'}` +
        `${flags ? ` (${flags})` : ''}${!verdict && why ? `  [${why}]` : ''}${ok ? '' : `  expected ${expected ? 'valid' : 'not valid'}`}`,
    )
  }

  step('Open in a browser')
  item('awarded badge', hostedFinal.id)
  item('micro-credential', badgeClass.id)
  item('issuer', issuer.id)
  item('revoked badge (410)', revokedHosted.id)
  item('baked badge image', `${hostedFinal.id}.png`)
  item('same, as JSON-LD', `curl ${hostedFinal.id}`)
  if (failures > 0) console.log(`\n${failures} verdict(s) differ from the expected ones.`)

  if (keepServing) {
    console.log(`\nServing ${dir} on ${baseUrl} — press Ctrl-C to stop.`)
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve)
      process.once('SIGTERM', resolve)
    })
  } else {
    console.log('\n(Run `npm run demo -- --keep-serving` to keep the host running and open these pages.)')
  }
} catch (error) {
  failures++
  console.error(error)
} finally {
  await running.close()
  rmSync(dir, { recursive: true, force: true })
}
process.exitCode = failures > 0 ? 1 : 0
