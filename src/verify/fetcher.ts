/**
 * The verifier's only I/O: every document a badge links to is requested here, under one policy.
 *
 * - http(s) only; hosts that are, or (with the default global fetch) resolve to, loopback, private,
 *   link-local, unique-local, unspecified, multicast or reserved addresses are refused, `localhost` and
 *   `*.localhost` included, unless `allowPrivateNetwork` is set;
 * - redirects are followed by hand (`redirect: 'manual'`), at most `maxRedirects`, each hop re-checked;
 * - one deadline per document (`timeoutMs`, across redirects and body), enforced even when an injected
 *   fetch ignores its AbortSignal;
 * - a byte cap while streaming the body (`maxBytes`, default 2 MB);
 * - content-type checks per expected kind (JSON-LD documents, images);
 * - a per-verification cache so each URL is requested once, and a cap on documents per verification.
 *
 * Fetch failures are returned as values with stable codes, never thrown.
 */
import { classifyAddress, classifyHostname } from './address.js'
import {
  ACCEPT,
  contentTypeAllowed,
  FETCH_DEFAULTS,
  loadDefaultResolver,
  type ExpectedContent,
  type FetchCode,
  type FetchFailure,
  type FetchLike,
  type FetchPolicyOptions,
  type FetchResult,
  type FetchStore,
  type HostResolver,
} from './fetch-policy.js'

export { contentTypeAllowed, FETCH_CODES, FETCH_DEFAULTS } from './fetch-policy.js'
export type {
  ExpectedContent,
  FetchCode,
  FetchedResource,
  FetchFailure,
  FetchLike,
  FetchPolicyOptions,
  FetchResult,
  FetchStore,
  HostResolver,
} from './fetch-policy.js'

/**
 * One document's deadline. The AbortController is shared by the fetcher (creating one per request is
 * costly in Node): requests of one verification run one after another, and when a deadline expires the
 * shared controller is aborted and replaced.
 */
class Deadline {
  readonly expired: Promise<never>
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(
    ms: number,
    readonly controller: AbortController,
    onExpire: () => void,
  ) {
    this.expired = new Promise<never>((_, reject) => {
      this.timer = setTimeout(() => {
        onExpire()
        controller.abort()
        reject(new DeadlineError())
      }, ms)
    })
    this.expired.catch(() => undefined)
  }

  race<T>(promise: Promise<T>): Promise<T> {
    return Promise.race([promise, this.expired])
  }

  clear(): void {
    if (this.timer !== undefined) clearTimeout(this.timer)
  }
}

class DeadlineError extends Error {}

const fail = (code: FetchCode, url: string, message: string, extra: Partial<FetchFailure> = {}): FetchResult => ({
  ok: false,
  error: { code, url, message, ...extra },
})

/**
 * A fetcher bound to one verification: it applies the policy, caches results by URL and counts documents.
 *
 * @example
 * ```ts
 * const fetcher = new Fetcher({ fetch: myFetch })
 * const result = await fetcher.get('https://example.org/badge.json', 'json')
 * if (result.ok) console.log(result.resource.status)
 * ```
 */
export class Fetcher {
  private readonly fetchImpl: FetchLike
  private readonly usesGlobalFetch: boolean
  private readonly resolveHost: HostResolver | undefined
  readonly allowPrivateNetwork: boolean
  readonly timeoutMs: number
  readonly maxBytes: number
  readonly maxRedirects: number
  readonly maxDocuments: number
  private readonly inFlight = new Map<string, Promise<FetchResult>>()
  private readonly store: FetchStore | undefined
  /** Every URL this fetcher passed to `fetch` (redirect hops included), in order. */
  readonly requested: string[] = []

  constructor(options: FetchPolicyOptions = {}, store?: FetchStore) {
    this.usesGlobalFetch = options.fetch === undefined
    const globalFetch = typeof globalThis.fetch === 'function' ? globalThis.fetch.bind(globalThis) : undefined
    const impl = options.fetch ?? (globalFetch as FetchLike | undefined)
    this.fetchImpl = impl ?? (async () => Promise.reject(new Error('no fetch available in this runtime')))
    this.resolveHost = options.resolveHost
    this.allowPrivateNetwork = options.allowPrivateNetwork === true
    this.timeoutMs = options.timeoutMs ?? FETCH_DEFAULTS.timeoutMs
    this.maxBytes = options.maxBytes ?? FETCH_DEFAULTS.maxBytes
    this.maxRedirects = options.maxRedirects ?? FETCH_DEFAULTS.maxRedirects
    this.maxDocuments = options.maxDocuments ?? FETCH_DEFAULTS.maxDocuments
    this.store = store
  }

  /** Number of distinct URLs requested (or served from the shared store) so far. */
  get documentCount(): number {
    return this.inFlight.size
  }

  /** Fetches `url` once per verification (later calls share the first result). Never throws. */
  get(url: string, expected: ExpectedContent): Promise<FetchResult> {
    const key = `${expected} ${url}`
    const existing = this.inFlight.get(key)
    if (existing) return existing
    if (this.inFlight.size >= this.maxDocuments) {
      return Promise.resolve(
        fail('FETCH_DOCUMENT_LIMIT', url, `more than ${this.maxDocuments} documents in one verification; ${url} not requested`),
      )
    }
    // A stored answer was fetched under the same policy (the key carries it), so it passed the same checks.
    const storeKey = `${this.allowPrivateNetwork ? 'p' : 'g'} ${key}`
    const stored = this.store?.get(storeKey)
    if (stored) {
      const promise = Promise.resolve(stored)
      this.inFlight.set(key, promise)
      return promise
    }
    const checked = this.checkUrl(url)
    if (!checked.ok) return Promise.resolve(checked.result)
    const promise = this.fetchWithPolicy(checked.url, expected).then(
      (result) => {
        if (result.ok) this.store?.set(storeKey, result)
        return result
      },
      (error: unknown) => fail('FETCH_UNREACHABLE', url, `request failed: ${describe(error)}`),
    )
    this.inFlight.set(key, promise)
    return promise
  }

  /** Static checks of a URL: parseable, http(s), not a refused host literal. */
  checkUrl(url: string): { ok: true; url: URL } | { ok: false; result: FetchResult } {
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      return { ok: false, result: fail('FETCH_INVALID_URL', url, `not a valid URL: ${truncate(url)}`) }
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      return {
        ok: false,
        result: fail('FETCH_SCHEME_NOT_ALLOWED', url, `only http and https URLs are fetched, not ${parsed.protocol}`),
      }
    }
    if (parsed.username || parsed.password) {
      return { ok: false, result: fail('FETCH_INVALID_URL', url, 'URLs with credentials are not fetched') }
    }
    if (!this.allowPrivateNetwork) {
      const cls = classifyHostname(parsed.hostname)
      if (cls) {
        return {
          ok: false,
          result: fail('FETCH_ADDRESS_REFUSED', url, `refused to request a ${cls} address (${parsed.hostname})`),
        }
      }
    }
    return { ok: true, url: parsed }
  }

  private async resolverFor(): Promise<HostResolver | null> {
    if (this.resolveHost) return this.resolveHost
    if (this.usesGlobalFetch) return loadDefaultResolver()
    return null
  }

  /** With a resolver, refuses a host name when any of its addresses is not globally routable. */
  private async checkDns(url: URL, deadline: Deadline): Promise<FetchResult | null> {
    if (this.allowPrivateNetwork) return null
    const host = url.hostname
    if (classifyAddress(host.replace(/^\[|\]$/g, '')) !== undefined) return null // a literal, already judged
    const resolver = await this.resolverFor()
    if (!resolver) return null
    let addresses: string[]
    try {
      addresses = await deadline.race(resolver(host))
    } catch (error) {
      if (error instanceof DeadlineError) throw error
      return fail('FETCH_DNS_FAILED', url.href, `could not resolve ${host}: ${describe(error)}`)
    }
    if (addresses.length === 0) return fail('FETCH_DNS_FAILED', url.href, `${host} has no addresses`)
    for (const address of addresses) {
      const cls = classifyAddress(address)
      if (cls === undefined || cls !== null) {
        return fail('FETCH_ADDRESS_REFUSED', url.href, `refused: ${host} resolves to a ${cls ?? 'unparseable'} address (${address})`)
      }
    }
    return null
  }

  private controller: AbortController | undefined

  private async fetchWithPolicy(start: URL, expected: ExpectedContent): Promise<FetchResult> {
    const controller = (this.controller ??= new AbortController())
    const deadline = new Deadline(this.timeoutMs, controller, () => {
      if (this.controller === controller) this.controller = undefined
    })
    try {
      return await this.follow(start, expected, deadline)
    } catch (error) {
      if (error instanceof DeadlineError || deadline.controller.signal.aborted) {
        return fail('FETCH_TIMEOUT', start.href, `no complete answer within ${this.timeoutMs} ms`)
      }
      return fail('FETCH_UNREACHABLE', start.href, `request failed: ${describe(error)}`)
    } finally {
      deadline.clear()
    }
  }

  private async follow(start: URL, expected: ExpectedContent, deadline: Deadline): Promise<FetchResult> {
    let current = start
    for (let hop = 0; ; hop++) {
      const dns = await this.checkDns(current, deadline)
      if (dns) return dns
      this.requested.push(current.href)
      const response = await deadline.race(
        this.fetchImpl(current.href, {
          method: 'GET',
          redirect: 'manual',
          credentials: 'omit',
          headers: { accept: ACCEPT[expected] },
          signal: deadline.controller.signal,
        }),
      )
      // A fetch that followed redirects itself (ignoring redirect: 'manual'): at least judge where it ended.
      if (response.redirected && response.url && response.url !== current.href) {
        const landed = this.checkUrl(response.url)
        if (!landed.ok) {
          void response.body?.cancel().catch(() => undefined)
          const e = (landed.result as { ok: false; error: FetchFailure }).error
          return fail(e.code, start.href, `redirect refused: ${e.message}`)
        }
      }
      if (response.type === 'opaqueredirect') {
        return fail('FETCH_REDIRECT_INVALID', start.href, 'a redirect could not be inspected (opaque redirect in this runtime)')
      }
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        void response.body?.cancel().catch(() => undefined)
        const location = response.headers.get('location')
        if (!location) return fail('FETCH_REDIRECT_INVALID', start.href, `HTTP ${response.status} without a Location header`)
        if (hop >= this.maxRedirects) {
          return fail('FETCH_TOO_MANY_REDIRECTS', start.href, `more than ${this.maxRedirects} redirects`)
        }
        let next: URL
        try {
          next = new URL(location, current)
        } catch {
          return fail('FETCH_REDIRECT_INVALID', start.href, `redirect to an invalid URL: ${truncate(location)}`)
        }
        const checked = this.checkUrl(next.href)
        if (!checked.ok) {
          const e = (checked.result as { ok: false; error: FetchFailure }).error
          return fail(e.code, start.href, `redirect refused: ${e.message}`)
        }
        current = checked.url
        continue
      }
      const contentType = response.headers.get('content-type') ?? ''
      const body = await this.readBody(response, deadline)
      if (!body.ok) return fail(body.code, start.href, body.message, { status: response.status })
      if (response.status < 200 || response.status >= 300) {
        return fail('FETCH_HTTP_ERROR', start.href, `HTTP ${response.status}`, {
          status: response.status,
          contentType,
          body: body.bytes,
        })
      }
      if (!contentTypeAllowed(contentType, expected)) {
        return fail(
          'FETCH_CONTENT_TYPE',
          start.href,
          `content type '${truncate(contentType, 80) || '(none)'}' is not ${expected === 'json' ? 'application/ld+json or application/json' : 'image/png or image/svg+xml'}`,
          { status: response.status, contentType, body: body.bytes },
        )
      }
      return {
        ok: true,
        resource: { url: start.href, finalUrl: current.href, status: response.status, contentType, body: body.bytes },
      }
    }
  }

  private async readBody(
    response: Response,
    deadline: Deadline,
  ): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; code: FetchCode; message: string }> {
    const tooLarge = { ok: false as const, code: 'FETCH_TOO_LARGE' as const, message: `larger than ${this.maxBytes} bytes` }
    const declared = Number(response.headers.get('content-length') ?? NaN)
    if (Number.isFinite(declared) && declared > this.maxBytes) {
      void response.body?.cancel().catch(() => undefined)
      return tooLarge
    }
    if (!response.body) {
      const buffer = new Uint8Array(await deadline.race(response.arrayBuffer()))
      return buffer.byteLength > this.maxBytes ? tooLarge : { ok: true, bytes: buffer }
    }
    const reader = response.body.getReader()
    const chunks: Uint8Array[] = []
    let total = 0
    try {
      while (true) {
        const { done, value } = await deadline.race(reader.read())
        if (done) break
        total += value.byteLength
        if (total > this.maxBytes) {
          void reader.cancel().catch(() => undefined)
          return tooLarge
        }
        chunks.push(value)
      }
    } catch (error) {
      void reader.cancel().catch(() => undefined)
      throw error
    }
    const bytes = new Uint8Array(total)
    let offset = 0
    for (const chunk of chunks) {
      bytes.set(chunk, offset)
      offset += chunk.byteLength
    }
    return { ok: true, bytes }
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause
    const causeText = cause instanceof Error ? `: ${cause.message}` : ''
    return truncate(`${error.message}${causeText}`, 200)
  }
  return truncate(String(error), 200)
}

function truncate(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max)}…` : text
}
