/**
 * `omc sign --assertion a.json --key private.pem --key-id URL [--out a.jws]`: signs an assertion as a
 * compact JWS (SignedBadge).
 */
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { isOpenBadgesError } from '../../errors.js'
import { importPrivateKey, isSignatureAlgorithm, SIGNATURE_ALGORITHMS, signAssertion } from '../../sign/index.js'
import { parseCommandArgs } from '../args.js'
import { writeFileAtomic } from '../files.js'
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliCommand, type CliIo } from '../io.js'

const usage = `Usage: omc sign --assertion FILE --key PRIVATE.pem --key-id URL [--alg ALG] [--out FILE]

Signs an Open Badges 2.0 assertion as a JWS. The payload is the assertion with
verification {type: SignedBadge, creator: KEY-ID}; the JWS header names the key id (kid).

Options:
  --assertion FILE  the assertion JSON (- reads standard input)
  --key FILE        the private key (PKCS #8 PEM, as written by omc keys generate)
  --key-id URL      the CryptographicKey id listed in the issuer Profile's publicKey
  --alg ALG         ${SIGNATURE_ALGORITHMS.join(', ')} (default: by key type, RS256 for RSA)
  --out FILE        write the JWS here instead of standard output
`

async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(io, {
    command: 'sign', usage, args,
    options: { assertion: { type: 'string' }, key: { type: 'string' }, 'key-id': { type: 'string' }, alg: { type: 'string' }, out: { type: 'string' } },
    required: ['assertion', 'key', 'key-id'],
    missingMessage: '--assertion, --key and --key-id are required',
  })
  if (!parsed) return EXIT_USAGE
  const { values } = parsed
  const alg = values.alg
  if (alg !== undefined && !isSignatureAlgorithm(alg)) {
    io.stderr(`omc sign: --alg must be one of ${SIGNATURE_ALGORITHMS.join(', ')} (got ${alg})\n`)
    return EXIT_USAGE
  }

  let assertionText: string
  let keyText: string
  try {
    assertionText =
      values.assertion === '-' ? new TextDecoder().decode(await io.readStdin()) : await readFile(resolve(io.cwd, values.assertion), 'utf8')
    keyText = await readFile(resolve(io.cwd, values.key), 'utf8')
  } catch (error) {
    io.stderr(`omc sign: ${(error as Error).message}\n`)
    return EXIT_FAILURE
  }
  let assertion: unknown
  try {
    assertion = JSON.parse(assertionText)
  } catch {
    io.stderr(`omc sign: ${values.assertion} is not JSON\n`)
    return EXIT_FAILURE
  }
  try {
    const privateKey = await importPrivateKey(keyText)
    const jws = await signAssertion(assertion as Record<string, unknown>, { privateKey, id: values['key-id'], alg })
    if (values.out) {
      const out = resolve(io.cwd, values.out)
      await writeFileAtomic(out, `${jws}\n`)
      io.stdout(`wrote ${out}\n`)
    } else {
      io.stdout(`${jws}\n`)
    }
    return EXIT_OK
  } catch (error) {
    const label = isOpenBadgesError(error) ? `${error.code}: ` : ''
    io.stderr(`omc sign: ${label}${(error as Error).message}\n`)
    return EXIT_FAILURE
  }
}

/** The `omc sign` command. */
export const signCommand: CliCommand = {
  name: 'sign',
  summary: 'sign an assertion as a JWS (SignedBadge)',
  usage,
  run,
}
