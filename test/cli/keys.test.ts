import crypto from 'node:crypto'
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/run.js'
import { importPrivateKey, importPublicKey, exportPublicKeyPem, exportPublicKeyJwk } from '../../src/sign/index.js'
import { captureIo } from '../cli-test-io.js'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'omc-keys-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('omc keys generate', () => {
  it.each(['RS256', 'ES256', 'EdDSA'])('--alg %s writes private.pem (0600), public.pem, public.jwk.json, key.json', async (alg) => {
    const io = captureIo({ cwd: dir })
    const code = await runCli(
      ['keys', 'generate', '--alg', alg, '--out', 'k', '--key-id', 'https://example.org/keys/1', '--owner', 'https://example.org/issuer'],
      io,
    )
    expect(code, io.err()).toBe(0)
    const out = join(dir, 'k')
    expect(readdirSync(out).sort()).toEqual(['key.json', 'private.pem', 'public.jwk.json', 'public.pem'])
    if (process.platform !== 'win32') expect(statSync(join(out, 'private.pem')).mode & 0o777).toBe(0o600)
    const privatePem = readFileSync(join(out, 'private.pem'), 'utf8')
    const publicPem = readFileSync(join(out, 'public.pem'), 'utf8')
    const priv = await importPrivateKey(privatePem)
    expect(exportPublicKeyPem(priv.publicKey)).toBe(publicPem)
    // node:crypto agrees the two files are one key pair.
    expect(crypto.createPublicKey(crypto.createPrivateKey(privatePem)).export({ type: 'spki', format: 'pem' })).toBe(publicPem)
    const jwk = JSON.parse(readFileSync(join(out, 'public.jwk.json'), 'utf8')) as Record<string, unknown>
    expect(jwk.alg).toBe(alg)
    expect(exportPublicKeyPem(await importPublicKey(jwk))).toBe(publicPem)
    expect(JSON.parse(readFileSync(join(out, 'key.json'), 'utf8'))).toEqual({
      '@context': 'https://w3id.org/openbadges/v2',
      id: 'https://example.org/keys/1',
      type: 'CryptographicKey',
      owner: 'https://example.org/issuer',
      publicKeyPem: publicPem,
    })
    expect(exportPublicKeyJwk(priv.publicKey)).toMatchObject({ kty: alg === 'RS256' ? 'RSA' : alg === 'ES256' ? 'EC' : 'OKP' })
  })

  it('defaults to RS256 and writes no key.json without --key-id/--owner', async () => {
    const io = captureIo({ cwd: dir })
    expect(await runCli(['keys', 'generate', '--out', '.'], io)).toBe(0)
    expect(readdirSync(dir).sort()).toEqual(['private.pem', 'public.jwk.json', 'public.pem'])
    expect((await importPublicKey(readFileSync(join(dir, 'public.pem'), 'utf8'))).kty).toBe('RSA')
  })

  it('refuses to overwrite without --force (exit 1), overwrites with it', async () => {
    writeFileSync(join(dir, 'private.pem'), 'keep me')
    const io = captureIo({ cwd: dir })
    expect(await runCli(['keys', 'generate', '--alg', 'EdDSA', '--out', '.'], io)).toBe(1)
    expect(readFileSync(join(dir, 'private.pem'), 'utf8')).toBe('keep me')
    expect(await runCli(['keys', 'generate', '--alg', 'EdDSA', '--out', '.', '--force'], captureIo({ cwd: dir }))).toBe(0)
    expect(readFileSync(join(dir, 'private.pem'), 'utf8')).toContain('BEGIN PRIVATE KEY')
    if (process.platform !== 'win32') expect(statSync(join(dir, 'private.pem')).mode & 0o777).toBe(0o600)
    expect(readdirSync(dir).some((f) => f.endsWith('.tmp'))).toBe(false)
  })

  it.each([
    [['keys'], 'missing sub-command'],
    [['keys', 'rotate'], 'unknown sub-command'],
    [['keys', 'generate'], 'no --out'],
    [['keys', 'generate', '--out', 'x', '--alg', 'HS256'], 'HMAC'],
    [['keys', 'generate', '--out', 'x', '--alg', 'none'], 'none'],
    [['keys', 'generate', '--out', 'x', '--key-id', 'https://example.org/k'], '--key-id without --owner'],
    [['keys', 'generate', '--out', 'x', '--key-id', 'k1', '--owner', 'https://example.org/i'], 'relative key id'],
    [['keys', 'generate', '--out', 'x', '--bogus'], 'unknown option'],
  ])('%j → exit 2 (%s)', async (args, _why) => {
    const io = captureIo({ cwd: dir })
    expect(await runCli(args, io)).toBe(2)
    expect(readdirSync(dir)).toEqual([])
  })
})
