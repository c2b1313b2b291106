/**
 * Batch issuance: roster rows in, assertions (optionally signed and baked) written to a store, each
 * row exactly once however many times the batch is re-run.
 *
 * Idempotency: every row has a key (its `key` cell, or the normalised email + the MC id). The
 * assertion id is derived from it — `<base>/assertions/<uuid>` with the UUID an HMAC of the key under
 * a secret kept in the store's private area (`.omc/batch-secret.json`), so ids are stable across runs
 * but reveal nothing about the earner. A row is done when its assertion JSON exists; that file is
 * written last, atomically, after the JWS and the baked image. A crash mid-row leaves no assertion
 * JSON, so the re-run issues that row again under the same id (overwriting the uncommitted files);
 * a finished row is skipped. Nothing is issued twice and nothing is skipped.
 */
import { isOpenBadgesError, OpenBadgesError, type Problem } from '../errors.js'
import { issueAssertion, ISSUE_CODES } from '../issue/index.js'
import type { BadgeClass, IssuerProfile } from '../model/openbadges.js'
import { bake, detectImageFormat, type ImageFormat } from '../bake/index.js'
import { signAssertion, type SigningKey } from '../sign/index.js'
import { keyForId, normalizeBaseUrl } from './paths.js'
import { publishDocument } from './publish.js'
import type { RosterRow } from './roster.js'
import type { BadgeStore } from './store.js'

/** Options for {@link issueBatch}. */
export interface IssueBatchOptions {
  store: BadgeStore
  /** The micro-credential awarded (a BadgeClass from `defineMicroCredential`). */
  badgeClass: BadgeClass
  /** The issuer: published into the store with the BadgeClass when their ids are under `baseUrl`. */
  issuer?: IssuerProfile
  /** Where the store is published; assertion ids are `<baseUrl>assertions/<uuid>`. */
  baseUrl: string
  /** The clock for `issuedOn`. */
  now: () => Date
  /** Sign each assertion (SignedBadge) with this key; the JWS is stored beside it as `.jws`. */
  signingKey?: SigningKey
  /** A PNG or SVG to bake each assertion (or its JWS) into, stored beside it as `.png`/`.svg`. */
  bakeImage?: Uint8Array
  /** Rows processed at once (default 8). */
  concurrency?: number
  /** The secret that turns row keys into assertion ids (default: the store's, created on first use). */
  secret?: Uint8Array
  /** Called after every row. */
  onRow?: (outcome: RowOutcome) => void
  /** How many failed rows the summary keeps in full (default 1000; all are counted). */
  maxFailuresKept?: number
}

/** What happened to one row. */
export interface RowOutcome {
  line: number
  status: 'issued' | 'skipped' | 'failed'
  /** The row key (explicit, or `email` + newline + MC id). */
  key?: string
  /** The assertion id (issued and skipped rows). */
  assertionId?: string
  /** The baked image URL, when baking. */
  imageUrl?: string
  /** Why a row failed (`INVALID_INPUT` problems from `issueAssertion`, roster problems). */
  problems?: Problem[]
}

/** The batch's summary. */
export interface BatchSummary {
  rows: number
  issued: number
  skipped: number
  failed: number
  /** Failed rows (at most `maxFailuresKept`). */
  failures: RowOutcome[]
}

/** Error codes of batch issuance (row failures carry the issue module's codes in `problems`). */
export const BATCH_CODES = {
  /** The stored batch secret is unreadable. */
  BATCH_SECRET_INVALID: 'BATCH_SECRET_INVALID',
  /** The image to bake into is neither PNG nor SVG. */
  BATCH_IMAGE_UNSUPPORTED: 'BATCH_IMAGE_UNSUPPORTED',
} as const

const SECRET_KEY = '.omc/batch-secret.json'
const encoder = new TextEncoder()

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * The store's batch secret, created (32 random bytes) on first use. Keep it with the store: the
 * assertion ids of a roster depend on it (a new secret means re-running a roster issues new badges).
 *
 * @throws OpenBadgesError `BATCH_SECRET_INVALID`
 * @example
 * const secret = await batchSecret(createFsStore('./badges')) // 32 bytes, the same on every call
 */
export async function batchSecret(store: BadgeStore): Promise<Uint8Array> {
  const found = await store.get(SECRET_KEY)
  if (found) {
    let parsed: { secret?: unknown }
    try {
      parsed = JSON.parse(new TextDecoder().decode(found.body)) as { secret?: unknown }
    } catch (cause) {
      throw new OpenBadgesError(BATCH_CODES.BATCH_SECRET_INVALID, `${SECRET_KEY} is not JSON`, { cause })
    }
    if (typeof parsed.secret !== 'string' || !/^[0-9a-f]{64}$/.test(parsed.secret)) {
      throw new OpenBadgesError(BATCH_CODES.BATCH_SECRET_INVALID, `${SECRET_KEY} holds no 32-byte hex secret`)
    }
    return Uint8Array.from(parsed.secret.match(/../g)!, (h) => parseInt(h, 16))
  }
  const secret = crypto.getRandomValues(new Uint8Array(32))
  await store.put(SECRET_KEY, `${JSON.stringify({ version: 1, secret: hex(secret) })}\n`)
  return secret
}

/** A UUID (RFC 9562 version 8, custom) from an HMAC-SHA256 of the row key. */
async function rowUuid(hmacKey: CryptoKey, rowKey: string): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, encoder.encode(`omc-batch-v1\n${rowKey}`)))
  const b = mac.slice(0, 16)
  b[6] = (b[6]! & 0x0f) | 0x80
  b[8] = (b[8]! & 0x3f) | 0x80
  const h = hex(b)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

function imageExtension(image: Uint8Array): ImageFormat {
  const format = detectImageFormat(image)
  if (format === null) throw new OpenBadgesError(BATCH_CODES.BATCH_IMAGE_UNSUPPORTED, 'the image to bake into is neither PNG nor SVG')
  return format
}

/** Errors that stop the whole batch (store, key, image) rather than one row. */
function isRowError(error: unknown): boolean {
  return isOpenBadgesError(error) && error.code === ISSUE_CODES.INVALID_INPUT
}

/**
 * Issues one assertion per roster row into `store`, optionally signed and baked; idempotent by row key
 * (see the module comment). Row problems (a missing email, an invalid score) fail that row only; a
 * store, signing or baking failure stops the batch (after the rows in flight finish) and is thrown —
 * re-running completes it.
 *
 * @throws OpenBadgesError `HOST_STORE_IO`, `BATCH_SECRET_INVALID`, `BATCH_IMAGE_UNSUPPORTED`,
 *   `HOST_ID_OUTSIDE_BASE` (issuer or MC id elsewhere is fine: only published when under the base),
 *   signing (`SIGN_*`) and baking codes
 * @example
 * const { header, records } = await readRoster(createReadStream('roster.csv'))
 * const rows = (async function* () { for await (const r of records) yield rowToAward(r) })()
 * const summary = await issueBatch(rows, { store: createFsStore('./badges'), badgeClass, issuer, baseUrl, now: () => new Date() })
 */
export async function issueBatch(rows: AsyncIterable<RosterRow> | Iterable<RosterRow>, options: IssueBatchOptions): Promise<BatchSummary> {
  const { store, badgeClass, now } = options
  const base = normalizeBaseUrl(options.baseUrl)
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 8))
  const maxFailures = options.maxFailuresKept ?? 1000
  const extension = options.bakeImage ? imageExtension(options.bakeImage) : undefined
  const secret = options.secret ?? (await batchSecret(store))
  const hmacKey = await crypto.subtle.importKey('raw', secret as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])

  // Publish the issuer and the MC (and the unbaked image) where the host will serve them.
  for (const doc of [options.issuer, badgeClass]) {
    if (doc && keyForId(doc.id, base) !== null) await publishDocument(store, base, doc)
  }
  const imageId = typeof badgeClass.image === 'string' ? badgeClass.image : badgeClass.image?.id
  const imageKey = options.bakeImage && typeof imageId === 'string' ? keyForId(imageId, base) : null
  if (imageKey !== null && imageKey.endsWith(`.${extension}`) && (await store.get(imageKey)) === null) {
    await store.put(imageKey, options.bakeImage!)
  }

  const summary: BatchSummary = { rows: 0, issued: 0, skipped: 0, failed: 0, failures: [] }
  const inFlight = new Map<string, Promise<unknown>>()

  const finish = (outcome: RowOutcome): void => {
    summary[outcome.status]++
    if (outcome.status === 'failed' && summary.failures.length < maxFailures) summary.failures.push(outcome)
    options.onRow?.(outcome)
  }

  async function processRow(row: RosterRow): Promise<void> {
    if (!row.award || row.problems.length > 0) {
      finish({ line: row.line, status: 'failed', ...(row.key ? { key: row.key } : {}), problems: row.problems })
      return
    }
    const rowKey = row.key ?? `${row.email ?? ''}\n${badgeClass.id}`
    const uuid = await rowUuid(hmacKey, rowKey)
    const assertionId = `${base.href}assertions/${uuid}`
    const jsonKey = `assertions/${uuid}.json`
    const imageUrl = extension ? `${base.href}assertions/${uuid}.${extension}` : undefined
    // Register before the first await, so the same key twice in one roster is processed in turn.
    const twin = inFlight.get(uuid)
    const work = (async () => {
      if (twin) await twin.catch(() => undefined)
      if ((await store.get(jsonKey)) !== null) {
        finish({ line: row.line, status: 'skipped', key: rowKey, assertionId, ...(imageUrl ? { imageUrl } : {}) })
        return
      }
      let assertion
      try {
        assertion = issueAssertion(badgeClass, imageUrl ? { ...row.award!, image: imageUrl } : row.award!, {
          now,
          generateId: () => uuid,
          baseUrl: base.href,
          ...(options.signingKey ? { verification: { type: 'signed' as const, creator: options.signingKey.id } } : {}),
        })
      } catch (error) {
        if (!isRowError(error)) throw error
        finish({ line: row.line, status: 'failed', key: rowKey, problems: (error as OpenBadgesError).problems })
        return
      }
      const jws = options.signingKey ? await signAssertion(assertion, options.signingKey) : undefined
      if (jws !== undefined) await store.put(`assertions/${uuid}.jws`, `${jws}\n`)
      if (options.bakeImage) await store.put(`assertions/${uuid}.${extension}`, bake(options.bakeImage, jws ?? assertion))
      // The commit point: once this file exists the row is done.
      await store.put(jsonKey, `${JSON.stringify(assertion, null, 2)}\n`)
      finish({ line: row.line, status: 'issued', key: rowKey, assertionId, ...(imageUrl ? { imageUrl } : {}) })
    })()
    inFlight.set(uuid, work)
    try {
      await work
    } finally {
      if (inFlight.get(uuid) === work) inFlight.delete(uuid)
    }
  }

  const running = new Set<Promise<void>>()
  let fatal: { error: unknown } | undefined
  for await (const row of rows) {
    if (fatal) break
    summary.rows++
    const task: Promise<void> = processRow(row).then(
      () => undefined,
      (error: unknown) => {
        fatal ??= { error }
      },
    )
    running.add(task)
    void task.finally(() => running.delete(task))
    if (running.size >= concurrency) await Promise.race(running)
  }
  await Promise.all(running)
  if (fatal) throw fatal.error
  return summary
}
