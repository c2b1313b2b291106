import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/run.js'
import { extract } from '../../src/bake/index.js'
import { captureIo } from '../cli-test-io.js'
import { encodePng } from '../bake/png-encoder.js'

const JWS = 'eyJhbGciOiJSUzI1NiJ9.eyJ0eXBlIjoiQXNzZXJ0aW9uIn0.c2lnbmF0dXJl'
const ASSERTION = { '@context': 'https://w3id.org/openbadges/v2', id: 'https://example.org/a/1', type: 'Assertion' }

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'omc-bake-'))
  writeFileSync(join(dir, 'badge.png'), encodePng({ width: 3, height: 3, colorType: 2 }))
  writeFileSync(join(dir, 'badge.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>\n')
  writeFileSync(join(dir, 'a.jws'), `${JWS}\n`)
  writeFileSync(join(dir, 'a.json'), `${JSON.stringify(ASSERTION, null, 2)}\n`)
  writeFileSync(join(dir, 'bad.json'), '{"id": ')
  writeFileSync(join(dir, 'notes.txt'), 'hello')
  writeFileSync(join(dir, 'broken.png'), encodePng({ width: 1, height: 1, colorType: 0 }).subarray(0, 40))
})

const bakeArgs = (img: string, a: string, out: string) => ['bake', '--in', img, '--assertion', a, '--out', out]

describe('omc bake', () => {
  it('bakes a JWS into a PNG (exit 0) and the output extracts to it', async () => {
    const io = captureIo({ cwd: dir })
    expect(await runCli(bakeArgs('badge.png', 'a.jws', 'baked.png'), io)).toBe(0)
    expect(io.out()).toContain('baked.png')
    expect(extract(new Uint8Array(readFileSync(join(dir, 'baked.png'))))).toEqual({ baked: true, format: 'png', form: 'itxt', text: JWS })
  })

  it('bakes hosted assertion JSON into an SVG, text kept as written (trimmed)', async () => {
    const io = captureIo({ cwd: dir })
    expect(await runCli(bakeArgs('badge.svg', 'a.json', 'baked.svg'), io)).toBe(0)
    const found = extract(new Uint8Array(readFileSync(join(dir, 'baked.svg'))))
    expect(found).toEqual({ baked: true, format: 'svg', form: 'svg-body', text: JSON.stringify(ASSERTION, null, 2) })
  })

  it('reads the assertion from standard input with --assertion -', async () => {
    const io = captureIo({ cwd: dir, readStdin: async () => new TextEncoder().encode(JWS) })
    expect(await runCli(bakeArgs('badge.png', '-', 'baked.png'), io)).toBe(0)
    expect(extract(new Uint8Array(readFileSync(join(dir, 'baked.png'))))).toMatchObject({ text: JWS })
  })

  it.each<[string, string[], number, string]>([
    ['missing options', ['bake', '--in', 'badge.png'], 2, '--assertion'],
    ['unknown option', ['bake', '--in', 'badge.png', '--assertion', 'a.jws', '--out', 'o.png', '--zip'], 2, 'zip'],
    ['missing input file', bakeArgs('nope.png', 'a.jws', 'o.png'), 1, 'nope.png'],
    ['assertion neither JSON nor JWS', bakeArgs('badge.png', 'notes.txt', 'o.png'), 1, 'JWS'],
    ['assertion JSON that does not parse', bakeArgs('badge.png', 'bad.json', 'o.png'), 1, 'JSON'],
    ['image that is neither PNG nor SVG', bakeArgs('a.jws', 'a.jws', 'o.png'), 1, 'IMAGE_UNKNOWN_FORMAT'],
    ['malformed PNG', bakeArgs('broken.png', 'a.jws', 'o.png'), 1, 'PNG_TRUNCATED'],
  ])('%s → exit %i', async (_name, args, code, text) => {
    const io = captureIo({ cwd: dir })
    expect(await runCli(args, io)).toBe(code)
    expect(io.err()).toContain(text)
  })
})
