/**
 * `omc keys generate --alg RS256 --out DIR [--key-id URL --owner URL]`: a new signing key pair, written
 * as private.pem (PKCS #8, mode 0600), public.pem (SPKI), public.jwk.json, and key.json (the
 * CryptographicKey document to publish at the key id) when --key-id and --owner are given.
 */
import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { isOpenBadgesError } from '../../errors.js'
import {
  exportPrivateKeyPem,
  exportPublicKeyJwk,
  exportPublicKeyPem,
  generateKeyPair,
  isSignatureAlgorithm,
  SIGNATURE_ALGORITHMS,
  toCryptographicKey,
} from '../../sign/index.js'
import { parseCommandArgs, usageError } from '../args.js'
import { writeFileAtomic } from '../files.js'
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliCommand, type CliIo } from '../io.js'

const usage = `Usage: omc keys generate [--alg ALG] --out DIR [--key-id URL --owner URL] [--force]

Generates a signing key pair and writes, in DIR:
  private.pem      the private key (PKCS #8 PEM, file mode 0600): keep it secret
  public.pem       the public key (SPKI PEM)
  public.jwk.json  the public key as a JWK
  key.json         the CryptographicKey document (with --key-id and --owner): publish it at the key id
                   and list the key id in the issuer Profile's publicKey

Options:
  --alg ALG        ${SIGNATURE_ALGORITHMS.join(', ')} (default RS256, the spec's recommendation)
  --out DIR        output directory (created when missing)
  --key-id URL     the key's id: the HTTPS URL key.json will be published at
  --owner URL      the issuer Profile id that owns the key
  --force          overwrite existing files
`

function isAbsoluteUrl(value: string): boolean {
  try {
    new URL(value)
    return !/\s/.test(value)
  } catch {
    return false
  }
}

async function generate(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(io, {
    command: 'keys', usage, args,
    options: {
      alg: { type: 'string', default: 'RS256' }, out: { type: 'string' }, force: { type: 'boolean', default: false },
      'key-id': { type: 'string' }, owner: { type: 'string' }, // key.json
    },
    required: ['out'],
    missingMessage: '--out DIR is required',
  })
  if (!parsed) return EXIT_USAGE
  const { values } = parsed
  const alg = values.alg
  if (!isSignatureAlgorithm(alg)) {
    io.stderr(`omc keys: --alg must be one of ${SIGNATURE_ALGORITHMS.join(', ')} (got ${alg})\n`)
    return EXIT_USAGE
  }
  const keyId = values['key-id']
  const owner = values.owner
  if ((keyId === undefined) !== (owner === undefined)) {
    io.stderr('omc keys: --key-id and --owner go together (both are needed for key.json)\n')
    return EXIT_USAGE
  }
  if ((keyId !== undefined && !isAbsoluteUrl(keyId)) || (owner !== undefined && !isAbsoluteUrl(owner))) {
    io.stderr('omc keys: --key-id and --owner must be absolute URLs\n')
    return EXIT_USAGE
  }

  const dir = resolve(io.cwd, values.out)
  const files = ['private.pem', 'public.pem', 'public.jwk.json', ...(keyId ? ['key.json'] : [])].map((f) => join(dir, f))
  const existing = files.filter((f) => existsSync(f))
  if (existing.length > 0 && !values.force) {
    io.stderr(`omc keys: refusing to overwrite ${existing.join(', ')} (use --force)\n`)
    return EXIT_FAILURE
  }
  try {
    const pair = await generateKeyPair(alg)
    await mkdir(dir, { recursive: true, mode: 0o700 })
    await writeFileAtomic(join(dir, 'private.pem'), exportPrivateKeyPem(pair), 0o600)
    await writeFileAtomic(join(dir, 'public.pem'), exportPublicKeyPem(pair))
    await writeFileAtomic(join(dir, 'public.jwk.json'), `${JSON.stringify(exportPublicKeyJwk(pair), null, 2)}\n`)
    if (keyId && owner) {
      await writeFileAtomic(join(dir, 'key.json'), `${JSON.stringify(toCryptographicKey(pair, { id: keyId, owner }), null, 2)}\n`)
    }
  } catch (error) {
    const label = isOpenBadgesError(error) ? `${error.code}: ` : ''
    io.stderr(`omc keys: ${label}${(error as Error).message}\n`)
    return EXIT_FAILURE
  }
  io.stdout(`generated a ${alg} key pair in ${dir}:\n${files.map((f) => `  ${f}`).join('\n')}\n`)
  return EXIT_OK
}

async function run(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args
  if (sub === 'generate') return generate(rest, io)
  return usageError(io, 'keys', usage, sub === undefined ? 'missing sub-command' : `unknown sub-command '${sub}'`)
}

/** The `omc keys` command. */
export const keysCommand: CliCommand = {
  name: 'keys',
  summary: 'generate a signing key pair (PEM, JWK, CryptographicKey)',
  usage,
  run,
}
