// ESM smoke test of the built package, imported by its name the way users do: every public subpath
// loads, and a micro-credential goes through issue -> sign -> bake -> extract -> verify (offline).
import assert from 'node:assert/strict'
import * as omc from 'open-microcredentials'
import * as issue from 'open-microcredentials/issue'
import * as sign from 'open-microcredentials/sign'
import * as bakeMod from 'open-microcredentials/bake'
import * as verifyMod from 'open-microcredentials/verify'
import * as schema from 'open-microcredentials/schema'
import * as jsonld from 'open-microcredentials/jsonld'
import * as host from 'open-microcredentials/host'

for (const [name, mod, fn] of [
  ['issue', issue, 'issueAssertion'], ['sign', sign, 'signAssertion'], ['bake', bakeMod, 'bake'],
  ['verify', verifyMod, 'verify'], ['schema', schema, 'validate'], ['jsonld', jsonld, 'documentLoader'],
  ['host', host, 'createBadgeHost'], ['.', omc, 'verify'],
]) assert.equal(typeof mod[fn], 'function', `${name} exports ${fn}`)

const base = 'https://mc.example.org'
const keyId = `${base}/keys/1`
const keys = await omc.generateKeyPair('EdDSA')
const issuer = omc.defineIssuer({ baseUrl: base, name: 'Smoke Lab', url: 'https://example.org', email: 'b@example.org', publicKey: keyId })
const mc = omc.defineMicroCredential(issuer, {
  name: 'Smoke', description: 'A competency.', image: `${base}/i.png`, criteria: { narrative: 'Do it.' },
  assessment: { assessmentOutput: 'video', evaluationMethod: 'rubric', evidence: [{ text: 'video' }],
    rubric: { title: 'R', criteria: [{ description: 'C', levels: [{ score: 1, description: 'ok' }] }] } },
})
const assertion = omc.issueAssertion(mc, { recipient: 'a@b.example', evidence: { url: 'https://e.example/1' } },
  { verification: { type: 'signed', creator: keyId }, now: () => new Date('2026-01-01T00:00:00Z') })
const jws = await omc.signAssertion(assertion, { privateKey: keys.privateKey, id: keyId })
// The smallest valid PNG: signature, IHDR (1x1 grey), IDAT, IEND.
const png = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==', 'base64'))
const baked = omc.bake(png, jws)
assert.equal(omc.extract(baked).text, jws)
const docs = new Map([[issuer.id, issuer], [mc.id, mc], [keyId, omc.toCryptographicKey(keys, { id: keyId, owner: issuer.id })]])
const fetch = async (url) => docs.has(String(url))
  ? new Response(JSON.stringify(docs.get(String(url))), { headers: { 'content-type': 'application/ld+json' } })
  : new Response('', { status: 404 })
const report = await omc.verify(baked, { fetch, recipient: { email: 'A@b.example' }, now: new Date('2026-06-01T00:00:00Z') })
assert.equal(report.valid, true, JSON.stringify(report.messages))
assert.equal(report.recipientMatched, true)
console.log(`esm ok on node ${process.version}: ${Object.keys(omc).length} exports; issue -> sign -> bake -> verify valid`)
