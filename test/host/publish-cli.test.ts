import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/run.js'
import { projectDocuments } from '../../src/jsonld/index.js'
import { defineIssuer, defineMicroCredential, issueAssertion } from '../../src/issue/index.js'
import { captureIo } from '../cli-test-io.js'
import { PNG } from './fixtures.js'

const example = (name: string) => JSON.parse(readFileSync(new URL(`../../examples/complete-mc/${name}`, import.meta.url), 'utf8')) as never
const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function setup() {
  const work = mkdtempSync(join(tmpdir(), 'omc-publish-'))
  dirs.push(work)
  const issuer = defineIssuer(example('issuer.json'))
  const badgeClass = defineMicroCredential(issuer, example('mc.json'))
  const assertion = issueAssertion(badgeClass, { recipient: 'a@school.example', evidence: [{ url: 'https://e.example/1' }] }, { now: () => new Date('2026-01-15T12:00:00Z') })
  for (const [name, doc] of Object.entries({ issuer, badgeClass, assertion })) writeFileSync(join(work, `${name}.json`), JSON.stringify(doc))
  writeFileSync(join(work, 'badge.png'), PNG)
  return { work, issuer, badgeClass, assertion, dir: join(work, 'badges') }
}

describe('omc publish', () => {
  it('puts documents and images at the paths their ids name, and remembers the base URL', async () => {
    const { work, dir, assertion } = setup()
    const io = captureIo({ cwd: work })
    const code = await runCli(
      ['publish', '--dir', 'badges', '--base-url', 'https://mc.example.org/', 'issuer.json', 'badgeClass.json', 'assertion.json', '--image', 'https://mc.example.org/images/think-alouds.png=badge.png'],
      io,
    )
    expect(io.err()).toBe('')
    expect(code).toBe(0)
    expect(JSON.parse(readFileSync(join(dir, 'issuer.json'), 'utf8')).id).toBe('https://mc.example.org/issuer')
    expect(existsSync(join(dir, 'badges', 'modeling-comprehension-through-think-alouds', 'v1.2.json'))).toBe(true)
    expect(JSON.parse(readFileSync(join(dir, `${assertion.id.slice('https://mc.example.org/'.length)}.json`), 'utf8'))).toEqual(assertion)
    expect(readFileSync(join(dir, 'images', 'think-alouds.png'))).toEqual(Buffer.from(PNG))
    // Again, without --base-url: remembered; nothing changes.
    const again = captureIo({ cwd: work })
    expect(await runCli(['publish', '--dir', 'badges', 'issuer.json'], again)).toBe(0)
    expect(again.out()).toContain('unchanged https://mc.example.org/issuer')
  })

  it('refuses invalid documents and ids outside the base URL', async () => {
    const { work } = setup()
    writeFileSync(join(work, 'bad.json'), JSON.stringify({ '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: 'https://mc.example.org/assertions/x' }))
    writeFileSync(join(work, 'elsewhere.json'), JSON.stringify({ ...JSON.parse(readFileSync(join(work, 'issuer.json'), 'utf8')), id: 'https://other.example/issuer' }))
    const io = captureIo({ cwd: work })
    expect(await runCli(['publish', '--dir', 'badges', '--base-url', 'https://mc.example.org/', 'bad.json', 'elsewhere.json', 'missing.json'], io)).toBe(1)
    expect(io.err()).toContain('bad.json')
    expect(io.err()).toContain('HOST_ID_OUTSIDE_BASE')
    expect(io.err()).toContain('missing.json: no such file')
    expect(existsSync(join(work, 'badges', 'assertions'))).toBe(false)
  })

  it('exports a static site: public files, extensionless copies, contexts, pages, never .omc', async () => {
    const { work, assertion } = setup()
    expect(await runCli(['publish', '--dir', 'badges', '--base-url', 'https://mc.example.org/', 'issuer.json', 'badgeClass.json', 'assertion.json'], captureIo({ cwd: work }))).toBe(0)
    writeFileSync(join(work, 'badges', '.omc', 'secret'), 'x')
    const io = captureIo({ cwd: work })
    expect(await runCli(['publish', '--dir', 'badges', '--out', 'site', '--html'], io)).toBe(0)
    const site = join(work, 'site')
    const stem = assertion.id.slice('https://mc.example.org/'.length)
    expect(JSON.parse(readFileSync(join(site, `${stem}.json`), 'utf8'))).toEqual(assertion)
    expect(JSON.parse(readFileSync(join(site, stem), 'utf8'))).toEqual(assertion) // the id URL itself
    expect(existsSync(join(site, 'issuer'))).toBe(true)
    expect(existsSync(join(site, 'badges', 'modeling-comprehension-through-think-alouds', 'v1.2'))).toBe(true)
    expect(readFileSync(join(site, `${stem}.html`), 'utf8')).toContain('<h1 id="title">Modeling Comprehension Through Think-Alouds</h1>')
    expect(readFileSync(join(site, 'issuer.html'), 'utf8')).toContain('Example Educator Micro-credential Lab')
    for (const d of projectDocuments) expect(JSON.parse(readFileSync(join(site, d.path), 'utf8'))).toEqual(d.document)
    expect(existsSync(join(site, '.omc'))).toBe(false)
    expect(io.out()).toMatch(/3 document\(s\), 3 extensionless copies, 3 HTML page\(s\)/)
  })

  it.each([[[]], [['--dir', 'x']], [['--dir', 'x', '--base-url', 'https://a.example/', '--out', 'x/site']], [['--dir', 'x', '--bogus']]])(
    'refuses %j with a usage error',
    async (args) => {
      const work = mkdtempSync(join(tmpdir(), 'omc-publish-'))
      dirs.push(work)
      expect(await runCli(['publish', ...args], captureIo({ cwd: work }))).toBe(2)
    },
  )
})
