/**
 * The Open Badges 2.0 conformance scenarios (../shared/conformance/ob2-scenarios): each scenario's
 * urlmap is served through an injected fetch (a URL not in the map is an unreachable host; .json as
 * application/ld+json, .png as image/png), `now` comes from expected.json, and every verdict must match.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { verify } from '../../src/verify/index.js'
import type { FetchLike } from '../../src/verify/index.js'

const dir = fileURLToPath(new URL('../../../shared/conformance/ob2-scenarios/', import.meta.url))
const present = existsSync(`${dir}/expected.json`)
if (!present) console.log(`conformance scenarios skipped: ${dir} is not available`)

interface Expected {
  now: string
  scenarios: Array<{ name: string; expect: 'valid' | 'invalid'; why: string }>
}

type UrlMapEntry = string | { path: string; status?: number; content_type?: string }

const CONTENT_TYPES: Record<string, string> = {
  json: 'application/ld+json',
  png: 'image/png',
  svg: 'image/svg+xml',
}

function contentTypeOf(file: string): string {
  return CONTENT_TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream'
}

/** Serves a scenario's urlmap; records every URL requested. */
function scenarioFetch(folder: string): { fetch: FetchLike; calls: string[] } {
  const map = JSON.parse(readFileSync(`${folder}/urlmap.json`, 'utf8')) as Record<string, UrlMapEntry>
  const calls: string[] = []
  const fetch: FetchLike = async (input) => {
    const url = String(input)
    calls.push(url)
    const entry = map[url]
    if (entry === undefined) throw new TypeError(`fetch failed: ${url} is unreachable`)
    const file = typeof entry === 'string' ? entry : entry.path
    const status = typeof entry === 'string' ? 200 : (entry.status ?? 200)
    const contentType = typeof entry === 'string' ? contentTypeOf(file) : (entry.content_type ?? contentTypeOf(file))
    return new Response(new Uint8Array(readFileSync(`${folder}/${file}`)), { status, headers: { 'content-type': contentType } })
  }
  return { fetch, calls }
}

/** What a person hands the verifier in this scenario. */
function inputOf(folder: string): string | Uint8Array {
  const files = readdirSync(folder)
  if (files.includes('badge.url.txt')) return readFileSync(`${folder}/badge.url.txt`, 'utf8').trim()
  if (files.includes('badge.json')) return readFileSync(`${folder}/badge.json`, 'utf8')
  if (files.includes('badge.jws')) return readFileSync(`${folder}/badge.jws`, 'utf8')
  if (files.includes('badge.png')) return new Uint8Array(readFileSync(`${folder}/badge.png`))
  if (files.includes('badge.svg')) return new Uint8Array(readFileSync(`${folder}/badge.svg`))
  throw new Error(`no badge input in ${folder}`)
}

const expected: Expected = present ? (JSON.parse(readFileSync(`${dir}/expected.json`, 'utf8')) as Expected) : { now: '', scenarios: [] }
let matched = 0

describe.skipIf(!present)('Open Badges 2.0 conformance scenarios', () => {
  afterAll(() => {
    console.log(`conformance: ${matched}/${expected.scenarios.length} scenarios match the expected verdict`)
  })

  it('covers every scenario folder', () => {
    const folders = readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort()
    expect(expected.scenarios.map((s) => s.name).sort()).toEqual(folders)
  })

  for (const scenario of expected.scenarios) {
    it(`${scenario.name}: ${scenario.expect} (${scenario.why})`, async () => {
      const folder = `${dir}/${scenario.name}`
      const { fetch } = scenarioFetch(folder)
      const report = await verify(inputOf(folder), { fetch, now: expected.now })
      const summary = report.messages.map((m) => `${m.severity} ${m.code} ${m.path ?? ''} ${m.message}`).join('\n')
      expect(report.valid, summary).toBe(scenario.expect === 'valid')
      expect(report.errorCount === 0).toBe(report.valid)
      matched++
    })
  }
})
