import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/run.js'
import { bake } from '../../src/bake/index.js'
import { captureIo } from '../cli-test-io.js'
import { encodePng } from '../bake/png-encoder.js'

const JWS = 'eyJhbGciOiJSUzI1NiJ9.eyJ0eXBlIjoiQXNzZXJ0aW9uIn0.c2lnbmF0dXJl'
const HOSTED = '{"id":"https://example.org/a/1","type":"Assertion"}'

let dir: string
let bakedPng: Uint8Array
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'omc-extract-'))
  const png = encodePng({ width: 2, height: 2, colorType: 6 })
  bakedPng = bake(png, JWS)
  writeFileSync(join(dir, 'baked.png'), bakedPng)
  writeFileSync(join(dir, 'baked.svg'), bake(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'), HOSTED))
  writeFileSync(join(dir, 'plain.png'), png)
  const corrupt = bakedPng.slice()
  corrupt[50] = (corrupt[50] as number) ^ 0xff // inside the badge chunk: CRC mismatch
  writeFileSync(join(dir, 'corrupt.png'), corrupt)
  writeFileSync(join(dir, 'doctype.svg'), '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg/>')
})

describe('omc extract', () => {
  it('prints the baked text', async () => {
    const io = captureIo({ cwd: dir })
    expect(await runCli(['extract', 'baked.png'], io)).toBe(0)
    expect(io.out()).toBe(`${JWS}\n`)
  })

  it('prints {format, form, text} with --json', async () => {
    const io = captureIo({ cwd: dir })
    expect(await runCli(['extract', '--json', 'baked.svg'], io)).toBe(0)
    expect(JSON.parse(io.out())).toEqual({ format: 'svg', form: 'svg-body', text: HOSTED })
  })

  it('reads the image from standard input with -', async () => {
    const io = captureIo({ cwd: dir, readStdin: async () => bakedPng })
    expect(await runCli(['extract', '-'], io)).toBe(0)
    expect(io.out()).toBe(`${JWS}\n`)
  })

  it.each<[string, string[], number, string]>([
    ['an image without a badge', ['extract', 'plain.png'], 1, 'without baked Open Badges data'],
    ['a PNG with a corrupted badge chunk', ['extract', 'corrupt.png'], 1, 'PNG_BAD_CRC'],
    ['an SVG with an entity DOCTYPE', ['extract', 'doctype.svg'], 1, 'SVG_DOCTYPE_REFUSED'],
    ['a missing file', ['extract', 'nope.png'], 1, 'nope.png'],
    ['no file', ['extract'], 2, 'exactly one'],
    ['two files', ['extract', 'a.png', 'b.png'], 2, 'exactly one'],
    ['an unknown option', ['extract', '--yaml', 'baked.png'], 2, 'yaml'],
  ])('%s → exit %i', async (_name, args, code, text) => {
    const io = captureIo({ cwd: dir })
    expect(await runCli(args, io)).toBe(code)
    expect(io.err()).toContain(text)
    expect(io.out()).toBe('')
  })
})
