import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createBadgeHost } from '../../src/host/handler.js'
import { createMemoryStore } from '../../src/host/memory-store.js'
import { publishDocument } from '../../src/host/publish.js'
import { revokeAssertion } from '../../src/host/revoke.js'
import { defineIssuer, defineMicroCredential, isRevoked, issueAssertion } from '../../src/issue/index.js'
import type { RevocationList } from '../../src/model/openbadges.js'

const BASE = 'https://mc.example.org/'
const example = (name: string) => JSON.parse(readFileSync(new URL(`../../examples/complete-mc/${name}`, import.meta.url), 'utf8')) as never

async function setup(revocationList?: string) {
  const issuer = defineIssuer({ ...(example('issuer.json') as object), ...(revocationList ? { revocationList } : {}) } as never)
  const badgeClass = defineMicroCredential(issuer, example('mc.json'))
  const assertion = issueAssertion(badgeClass, { recipient: 'a@s.example', evidence: [{ url: 'https://e.example/1' }] }, { now: () => new Date('2026-01-15T12:00:00Z') })
  const store = createMemoryStore()
  for (const d of [issuer, badgeClass, assertion]) await publishDocument(store, BASE, d)
  return { store, assertion, badgeClass }
}

const json = async (store: ReturnType<typeof createMemoryStore>, key: string) => JSON.parse(new TextDecoder().decode((await store.get(key))!.body)) as unknown

describe('revokeAssertion', () => {
  it('revokes the hosted document and lists the id in the issuer revocation list, once', async () => {
    const { store, assertion } = await setup(`${BASE}revocations`)
    const result = await revokeAssertion({ store, baseUrl: BASE, assertionId: assertion.id, reason: 'Issued in error' })
    expect(result).toEqual({ hosted: true, revocationList: `${BASE}revocations` })
    const list = (await json(store, 'revocations.json')) as RevocationList
    expect(isRevoked(list, assertion.id)).toEqual({ revoked: true, reason: 'Issued in error' })
    const res = await createBadgeHost({ store, baseUrl: BASE })(new Request(assertion.id))
    expect(res.status).toBe(410)
    await revokeAssertion({ store, baseUrl: BASE, assertionId: assertion.id, reason: 'Plagiarism' })
    const again = (await json(store, 'revocations.json')) as RevocationList
    expect(again.revokedAssertions).toHaveLength(1)
    expect(isRevoked(again, assertion.id).reason).toBe('Plagiarism')
  })

  it('revokes the hosted document only when the issuer has no list here', async () => {
    const { store, assertion } = await setup()
    expect(await revokeAssertion({ store, baseUrl: BASE, assertionId: assertion.id })).toEqual({ hosted: true })
    expect(await json(store, `${assertion.id.slice(BASE.length)}.json`)).toMatchObject({ revoked: true })
  })

  it('refuses ids it cannot find', async () => {
    const { store } = await setup()
    await expect(revokeAssertion({ store, baseUrl: BASE, assertionId: `${BASE}assertions/nope` })).rejects.toMatchObject({ code: 'HOST_NOT_FOUND' })
    await expect(revokeAssertion({ store, baseUrl: BASE, assertionId: 'https://elsewhere.example/a' })).rejects.toMatchObject({ code: 'HOST_ID_OUTSIDE_BASE' })
  })

  it('loses no entry when many revocations into one store run at once', async () => {
    const { store, badgeClass } = await setup(`${BASE}revocations`)
    const ids: string[] = []
    for (let i = 0; i < 20; i++) {
      const a = issueAssertion(badgeClass, { recipient: `e${i}@s.example`, evidence: [{ url: 'https://e.example/1' }] }, { now: () => new Date('2026-01-15T12:00:00Z') })
      await publishDocument(store, BASE, a)
      ids.push(a.id)
    }
    await Promise.all(ids.map((assertionId, i) => revokeAssertion({ store, baseUrl: BASE, assertionId, reason: `r${i}` })))
    const list = (await json(store, 'revocations.json')) as RevocationList
    expect(list.revokedAssertions).toHaveLength(20)
    for (const [i, id] of ids.entries()) expect(isRevoked(list, id)).toEqual({ revoked: true, reason: `r${i}` })
  })

  it('keeps revoking after a failed revocation in the same store', async () => {
    const { store, assertion } = await setup(`${BASE}revocations`)
    const failed = revokeAssertion({ store, baseUrl: BASE, assertionId: `${BASE}assertions/nope` })
    const ok = revokeAssertion({ store, baseUrl: BASE, assertionId: assertion.id })
    await expect(failed).rejects.toMatchObject({ code: 'HOST_NOT_FOUND' })
    await expect(ok).resolves.toEqual({ hosted: true, revocationList: `${BASE}revocations` })
  })
})
