import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { extract } from '../../src/bake/index.js'
import { issueBatch, type RowOutcome } from '../../src/host/batch.js'
import { createMemoryStore } from '../../src/host/memory-store.js'
import { readRoster, rowToAward, type RosterRow } from '../../src/host/roster.js'
import type { BadgeStore } from '../../src/host/store.js'
import { defineIssuer, defineMicroCredential, identityMatches } from '../../src/issue/index.js'
import { validate } from '../../src/schema/index.js'
import { exportPublicKeyPem, generateKeyPair, verifySignature } from '../../src/sign/index.js'
import { PNG } from './fixtures.js'

const example = (name: string) => JSON.parse(readFileSync(new URL(`../../examples/complete-mc/${name}`, import.meta.url), 'utf8')) as never
const issuer = defineIssuer(example('issuer.json'))
const badgeClass = defineMicroCredential(issuer, example('mc.json'))
const BASE = 'https://mc.example.org/'
const now = () => new Date('2026-01-15T12:00:00Z')
const SECRET = new Uint8Array(32).fill(7)

async function rowsOf(csv: string): Promise<RosterRow[]> {
  const { records } = await readRoster([csv])
  const rows: RosterRow[] = []
  for await (const r of records) rows.push(rowToAward(r))
  return rows
}

function roster(n: number, extra = ''): string {
  const lines = ['email,evidence_url,score_1,score_2,score_3,score_4,assessor']
  for (let i = 0; i < n; i++) lines.push(`t${i}@school.example,https://portfolio.example/${i},3,3,4,3,Dana`)
  return lines.join('\n') + '\n' + extra
}

async function keysUnder(store: BadgeStore, prefix: string): Promise<string[]> {
  const keys: string[] = []
  for await (const k of store.list(prefix)) keys.push(k)
  return keys
}

describe('issueBatch', () => {
  it('issues one valid assertion per row, publishes the issuer and the MC, and re-running skips every row', async () => {
    const store = createMemoryStore()
    const outcomes: RowOutcome[] = []
    const first = await issueBatch(await rowsOf(roster(25)), { store, badgeClass, issuer, baseUrl: BASE, now, secret: SECRET, onRow: (o) => outcomes.push(o) })
    expect(first).toMatchObject({ rows: 25, issued: 25, skipped: 0, failed: 0 })
    const keys = await keysUnder(store, 'assertions/')
    expect(keys).toHaveLength(25)
    for (const o of outcomes) {
      const doc = JSON.parse(new TextDecoder().decode((await store.get(`${o.assertionId!.slice(BASE.length)}.json`))!.body))
      expect(validate(doc, { kind: 'Assertion' }).problems).toEqual([])
      expect(doc.id).toBe(o.assertionId)
      expect(identityMatches(doc.recipient, { email: `t${o.line - 2}@school.example` })).toBe(true)
    }
    expect(await store.get('issuer.json')).not.toBeNull()
    expect(await store.get('badges/modeling-comprehension-through-think-alouds/v1.2.json')).not.toBeNull()

    const before = new Map<string, string>()
    for (const k of keys) before.set(k, new TextDecoder().decode((await store.get(k))!.body))
    const second = await issueBatch(await rowsOf(roster(25)), { store, badgeClass, issuer, baseUrl: BASE, now: () => new Date('2027-01-01T00:00:00Z'), secret: SECRET })
    expect(second).toMatchObject({ rows: 25, issued: 0, skipped: 25, failed: 0 })
    for (const k of keys) expect(new TextDecoder().decode((await store.get(k))!.body)).toBe(before.get(k))
  })

  it('derives ids from the row key and the secret only: same key, same id; the same earner twice in one roster is issued once', async () => {
    const store = createMemoryStore()
    const outcomes: RowOutcome[] = []
    const csv = 'email,evidence_url\nA@school.example,https://e/1\na@school.example ,https://e/2\nb@school.example,https://e/3\n'
    const summary = await issueBatch(await rowsOf(csv), { store, badgeClass, baseUrl: BASE, now, secret: SECRET, concurrency: 4, onRow: (o) => outcomes.push(o) })
    expect(summary).toMatchObject({ issued: 2, skipped: 1 })
    const byLine = new Map(outcomes.map((o) => [o.line, o]))
    expect(byLine.get(2)!.assertionId).toBe(byLine.get(3)!.assertionId)
    expect(byLine.get(4)!.assertionId).not.toBe(byLine.get(2)!.assertionId)
    const other = createMemoryStore()
    const again: RowOutcome[] = []
    await issueBatch(await rowsOf(csv), { store: other, badgeClass, baseUrl: BASE, now, secret: new Uint8Array(32).fill(9), onRow: (o) => again.push(o) })
    expect(again.find((o) => o.line === 2)!.assertionId).not.toBe(byLine.get(2)!.assertionId)
    expect(byLine.get(2)!.assertionId).toMatch(/^https:\/\/mc\.example\.org\/assertions\/[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('uses an explicit key column, so the same earner can hold two awards', async () => {
    const store = createMemoryStore()
    const csv = 'key,email,evidence_url\n2026-a,a@s.example,https://e/1\n2027-a,a@s.example,https://e/2\n'
    expect(await issueBatch(await rowsOf(csv), { store, badgeClass, baseUrl: BASE, now, secret: SECRET })).toMatchObject({ issued: 2 })
  })

  it('fails bad rows with their problems and goes on', async () => {
    const store = createMemoryStore()
    const csv = roster(2, ',https://e/x,3,3,3,3,Dana\nbad@s.example,https://e/y,9,3,3,3,Dana\nnan@s.example,https://e/z,x,3,3,3,Dana\nnoevidence@s.example,,,,,,\n')
    const summary = await issueBatch(await rowsOf(csv), { store, badgeClass, baseUrl: BASE, now, secret: SECRET })
    expect(summary).toMatchObject({ rows: 6, issued: 2, failed: 4 })
    const codes = summary.failures.map((f) => [f.line, f.problems!.map((p) => p.code)])
    expect(codes).toEqual(
      expect.arrayContaining([
        [4, ['ROSTER_EMAIL_MISSING']],
        [5, ['RUBRIC_SCORE_OUT_OF_RANGE']],
        [6, ['ROSTER_NOT_A_NUMBER']],
        [7, ['EVIDENCE_REQUIRED']],
      ]),
    )
  })

  it('signs and bakes: the baked PNG holds the JWS, which verifies with the key', async () => {
    const store = createMemoryStore()
    const pair = await generateKeyPair('ES256')
    const keyId = `${BASE}keys/1`
    const outcomes: RowOutcome[] = []
    await issueBatch(await rowsOf(roster(3)), {
      store, badgeClass, baseUrl: BASE, now, secret: SECRET, bakeImage: PNG,
      signingKey: { privateKey: pair.privateKey, id: keyId },
      onRow: (o) => outcomes.push(o),
    })
    for (const o of outcomes) {
      const stem = o.assertionId!.slice(BASE.length)
      expect(o.imageUrl).toBe(`${o.assertionId}.png`)
      const png = (await store.get(`${stem}.png`))!
      expect(png.contentType).toBe('image/png')
      const found = extract(png.body)
      expect(found.baked).toBe(true)
      const jws = found.baked ? found.text : ''
      expect(new TextDecoder().decode((await store.get(`${stem}.jws`))!.body).trim()).toBe(jws)
      const check = await verifySignature(jws, { resolveKey: async () => exportPublicKeyPem(pair.publicKey) })
      expect(check.ok).toBe(true)
      if (check.ok) {
        expect(check.payload.id).toBe(o.assertionId)
        expect(check.payload.verification).toEqual({ type: 'SignedBadge', creator: keyId })
        expect(check.payload.image).toBe(o.imageUrl)
      }
    }
  })

  it('refuses to bake into an image that is neither PNG nor SVG, before issuing anything', async () => {
    const store = createMemoryStore()
    const gif = new TextEncoder().encode('GIF89a\x01\x00\x01\x00')
    await expect(issueBatch(await rowsOf(roster(2)), { store, badgeClass, baseUrl: BASE, now, secret: SECRET, bakeImage: gif })).rejects.toMatchObject({
      code: 'BATCH_IMAGE_UNSUPPORTED',
    })
    expect(await keysUnder(store, 'assertions/')).toEqual([])
  })

  it('stops on a store failure, finishing the rows in flight, and a re-run completes the rest', async () => {
    const inner = createMemoryStore()
    let writes = 0
    const flaky: BadgeStore = {
      ...inner,
      get: (k) => inner.get(k),
      put: async (k, b, o) => {
        if (k.startsWith('assertions/') && ++writes === 6) throw Object.assign(new Error('disk full'), { code: 'HOST_STORE_IO', problems: [] })
        return inner.put(k, b, o)
      },
    }
    await expect(issueBatch(await rowsOf(roster(20)), { store: flaky, badgeClass, baseUrl: BASE, now, secret: SECRET, concurrency: 2 })).rejects.toMatchObject({ code: 'HOST_STORE_IO' })
    const done = (await keysUnder(inner, 'assertions/')).length
    expect(done).toBeGreaterThan(0)
    expect(done).toBeLessThan(20)
    const rerun = await issueBatch(await rowsOf(roster(20)), { store: inner, badgeClass, baseUrl: BASE, now, secret: SECRET })
    expect(rerun).toMatchObject({ issued: 20 - done, skipped: done, failed: 0 })
    expect(await keysUnder(inner, 'assertions/')).toHaveLength(20)
  })

  it('creates the batch secret once and keeps it in the private area', async () => {
    const store = createMemoryStore()
    const ids: string[] = []
    for (let i = 0; i < 2; i++) {
      await issueBatch(await rowsOf(roster(1)), { store: i === 0 ? store : createMemoryStore(), badgeClass, baseUrl: BASE, now, onRow: (o) => ids.push(o.assertionId!) })
    }
    expect(await store.get('.omc/batch-secret.json')).not.toBeNull()
    expect(await keysUnder(store, '.omc/')).toEqual([])
    expect(ids[0]).not.toBe(ids[1]) // two stores, two secrets
  })
})
