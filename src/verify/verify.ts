/**
 * `verify()`: input → documents → findings → report, ordered like @digitalbazaar/vc: input and
 * structure first, then trust (signature, or hosted scope), then status (revocation, expiry,
 * recipient). A step never trusts what a failed earlier step produced: when trust fails, status is not
 * evaluated, and a finding says so.
 */
import { extract } from '../bake/index.js'
import { deepFreeze } from '../jsonld/bundled.js'
import { decodeJws } from '../sign/index.js'
import { createVerifyCache } from './cache.js'
import { checkDates, DEFAULT_MAX_CLOCK_SKEW } from './dates.js'
import { checkBadgeClassScope, checkHostedScope, fetchHostedAssertion } from './hosted.js'
import { Fetcher } from './fetcher.js'
import { checkExtensions } from './extensions.js'
import { checkType } from './documents.js'
import { resolveBadgeClass, resolveIssuer } from './graph.js'
import { checkBadgeImage } from './images.js'
import { detectInput, detectText, type DetectedInput, type VerifyInput } from './input.js'
import { exceedsDepth, isObject, parseJson } from './json.js'
import { checkOptions, DEFAULT_MAX_INPUT_BYTES, resolveNow, type VerifyOptions } from './options.js'
import { checkRecipient } from './recipient.js'
import { buildReport, Findings, type VerificationReport } from './report.js'
import { checkSignature } from './signed.js'
import type { VerifyState } from './state.js'
import { checkRevocationList } from './status.js'
import { checkJsonLd, validateDocument } from './structure.js'
import { detectVersion, upgradeAssertion, type DocumentVersion } from './upgrade.js'

type Handed = { kind: 'url'; url: string } | { kind: 'jws'; token: string } | { kind: 'object'; value: Record<string, unknown> }

type Method = 'hosted' | 'signed' | 'unknown'

/** The verification method an assertion declares (v2 `verification.type`, v1 `verify.type`). */
function methodOf(doc: Record<string, unknown>): Method {
  const vo = isObject(doc.verification) ? doc.verification : isObject(doc.verify) ? doc.verify : undefined
  const raw = vo?.type
  const types = (Array.isArray(raw) ? raw : [raw]).filter((t): t is string => typeof t === 'string')
  const local = types.map((t) => t.replace(/^obi:|^https:\/\/w3id\.org\/openbadges#/, '').toLowerCase())
  if (local.some((t) => t === 'hostedbadge' || t === 'hosted')) return 'hosted'
  if (local.some((t) => t === 'signedbadge' || t === 'signed')) return 'signed'
  return 'unknown'
}

/**
 * Reports an assertion that was handed over for another verification method than the one it declares:
 * VERIFICATION_TYPE_MISMATCH (with `mismatch` as the message) when it declares the other known method,
 * VERIFICATION_TYPE_UNKNOWN when it declares neither.
 */
function reportMethod(state: VerifyState, doc: Record<string, unknown>, method: Method, mismatch: string): void {
  const path = '/assertion/verification/type'
  if (method !== 'unknown') {
    state.findings.add('VERIFICATION_TYPE_MISMATCH', mismatch, path)
    return
  }
  const vo = isObject(doc.verification) ? doc.verification : isObject(doc.verify) ? doc.verify : undefined
  const declared = vo?.type === undefined ? '(none)' : JSON.stringify(vo.type)
  state.findings.add('VERIFICATION_TYPE_UNKNOWN', `verification.type ${declared} is neither HostedBadge nor SignedBadge`, path)
}

/** Turns what was handed over into a URL, a JWS or an object (extracting baked images). */
function unpack(state: VerifyState, detected: DetectedInput, maxInputBytes: number, fromImage = false): Handed | null {
  const { findings } = state
  const where = fromImage ? 'the baked badge' : 'the input'
  switch (detected.kind) {
    case 'url':
      return { kind: 'url', url: detected.url }
    case 'jws':
      if (detected.token.length > maxInputBytes) {
        findings.add('INPUT_TOO_LARGE', `${where} is larger than ${maxInputBytes} bytes`)
        return null
      }
      return { kind: 'jws', token: detected.token }
    case 'json': {
      if (detected.text.length > maxInputBytes) {
        findings.add('INPUT_TOO_LARGE', `${where} is larger than ${maxInputBytes} bytes`)
        return null
      }
      const parsed = parseJson(detected.text)
      if (!parsed.ok) {
        findings.add(parsed.code, `${where}: ${parsed.message}`)
        return null
      }
      if (!isObject(parsed.value)) {
        findings.add('INPUT_NOT_OBJECT', `${where} is JSON but not an object`)
        return null
      }
      return { kind: 'object', value: parsed.value }
    }
    case 'object': {
      // Work on a JSON copy: never touch the caller's object, refuse cycles and deep nesting.
      let copy: unknown
      try {
        if (exceedsDepth(detected.value)) throw new RangeError('too deep')
        copy = JSON.parse(JSON.stringify(detected.value)) as unknown
      } catch {
        findings.add('INPUT_JSON_TOO_DEEP', 'the input object is cyclic, too deeply nested, or not JSON-serializable')
        return null
      }
      return isObject(copy) ? { kind: 'object', value: copy } : null
    }
    case 'png':
    case 'svg': {
      if (fromImage) break
      if (detected.bytes.byteLength > maxInputBytes) {
        findings.add('INPUT_TOO_LARGE', `the image is larger than ${maxInputBytes} bytes`)
        return null
      }
      let found: ReturnType<typeof extract>
      try {
        found = extract(detected.bytes)
      } catch (error) {
        const code = (error as { code?: unknown })?.code
        findings.push({
          code: typeof code === 'string' ? code : 'INPUT_UNRECOGNIZED',
          severity: 'error',
          message: `the ${detected.kind.toUpperCase()} could not be read: ${error instanceof Error ? error.message : String(error)}`,
        })
        return null
      }
      if (!found.baked) {
        findings.add('IMAGE_NOT_BAKED', `the ${found.format.toUpperCase()} image carries no badge`)
        return null
      }
      return unpack(state, detectText(found.text), maxInputBytes, true)
    }
    case 'unrecognized':
      break
  }
  findings.add('INPUT_UNRECOGNIZED', `${where} is not recognized: ${detected.kind === 'unrecognized' ? detected.reason : 'an image inside an image'}`)
  return null
}

/**
 * Makes `doc` the assertion being verified (upgraded to 2.0 when it is 1.x) and returns it; null, with
 * OB_VERSION_UNSUPPORTED, when its version cannot be verified.
 */
function setVersion(state: VerifyState, version: DocumentVersion, doc: Record<string, unknown>, fetchedFrom?: string): Record<string, unknown> | null {
  if (version === '0.5' || version === 'unknown') {
    state.findings.add(
      'OB_VERSION_UNSUPPORTED',
      version === '0.5' ? 'Open Badges 0.5 assertions are not supported' : 'not an Open Badges assertion (no context, no verification)',
      '/assertion',
    )
    state.assertion = doc
    return null
  }
  state.version = version
  if (version !== '2.0') {
    state.upgraded = true
    state.findings.add('OB_VERSION_UPGRADED', `Open Badges ${version} assertion upgraded to 2.0 for verification`, '/assertion')
  }
  state.assertion = version === '2.0' ? doc : upgradeAssertion(doc, fetchedFrom)
  return state.assertion
}

/** Data validation of the graph: assertion, BadgeClass, issuer, extensions, image. */
async function validateGraph(state: VerifyState): Promise<void> {
  const assertion = state.assertion as Record<string, unknown>
  validateDocument(state, assertion, 'Assertion', '/assertion', state.upgraded)
  await checkJsonLd(state, assertion, '/assertion')
  await resolveBadgeClass(state)
  if (state.badgeClass) {
    validateDocument(state, state.badgeClass, 'BadgeClass', '/badgeClass', state.upgraded)
    if (!state.findings.hasErrorAt('/badgeClass/type')) {
      const label = state.badgeClassSource ? `the badge document ${state.badgeClassSource}` : 'the embedded badge'
      checkType(state, state.badgeClass, label, '/badgeClass', 'BadgeClass')
    }
    await checkJsonLd(state, state.badgeClass, '/badgeClass')
    await resolveIssuer(state)
  }
  if (state.issuer) {
    validateDocument(state, state.issuer, 'Profile', '/issuer', state.upgraded, true)
    if (!state.findings.hasErrorAt('/issuer/type')) checkType(state, state.issuer, 'the issuer', '/issuer', 'Issuer', 'Profile')
    await checkJsonLd(state, state.issuer, '/issuer')
  }
  await checkExtensions(state, assertion, '/assertion')
  if (state.badgeClass) await checkExtensions(state, state.badgeClass, '/badgeClass')
  if (state.issuer) await checkExtensions(state, state.issuer, '/issuer')
  if (state.checkImages) await checkBadgeImage(state)
}

async function checkStatus(state: VerifyState, trusted: boolean, signed: boolean): Promise<void> {
  if (!trusted) {
    const skipped = [...(signed ? ['revocation'] : []), 'expiry', ...(state.recipient ? ['recipient'] : [])]
    const list = skipped.length > 1 ? `${skipped.slice(0, -1).join(', ')} and ${skipped[skipped.length - 1]}` : skipped[0]
    state.findings.add('REVOCATION_NOT_CHECKED', `${list} not evaluated: the badge could not be shown to come from its issuer`)
    return
  }
  if (signed) await checkRevocationList(state)
  const assertion = state.assertion as Record<string, unknown>
  const dates = checkDates(assertion, state.now, state.maxClockSkew, state.findings)
  if (dates.expired !== undefined) state.expired = dates.expired
  await checkRecipient(state)
}

async function verifyHosted(state: VerifyState, url: string, expectedId: string | undefined): Promise<void> {
  const fetched = await fetchHostedAssertion(state, url)
  if (!fetched.ok) return
  const doc = setVersion(state, detectVersion(fetched.doc), fetched.doc, url)
  if (!doc) return
  if (doc.revoked === true) {
    state.revoked = true
    const reason = typeof doc.revocationReason === 'string' ? `: ${doc.revocationReason}` : ''
    state.findings.add('ASSERTION_REVOKED', `the hosted assertion declares revoked: true${reason}`, '/assertion/revoked')
    return
  }
  let trusted = true
  if (doc.id !== fetched.url && doc.id !== fetched.finalUrl) {
    state.findings.add('HOSTED_ID_MISMATCH', `the assertion fetched from ${url} declares id ${JSON.stringify(doc.id ?? null)}`, '/assertion/id')
    trusted = false
  }
  if (expectedId !== undefined && doc.id !== expectedId) {
    state.findings.add('HOSTED_ID_MISMATCH', `the badge handed over has id ${expectedId}, the hosted copy ${JSON.stringify(doc.id ?? null)}`, '/assertion/id')
    trusted = false
  }
  const method = methodOf(doc)
  if (method !== 'hosted') {
    reportMethod(state, doc, method, 'the hosted copy declares SignedBadge verification but was not handed over as a JWS')
    trusted = false
  }
  await validateGraph(state)
  if (trusted) {
    if (!state.issuer) trusted = false
    else if (!state.issuerAuthoritative) {
      state.findings.add('HOSTED_OUT_OF_SCOPE', 'the issuer Profile has no http(s) id, so its verification scope cannot be established', '/badgeClass/issuer')
      trusted = false
    } else {
      trusted = checkHostedScope(state, String(doc.id), state.issuer)
      if (trusted && state.badgeClass) checkBadgeClassScope(state, state.badgeClass, state.issuer)
    }
  }
  if (trusted) state.findings.add('HOSTED_VERIFIED', `fetched from ${url}, within the issuer's verification scope`, '/assertion/id')
  await checkStatus(state, trusted, false)
}

/** Decodes (untrusted) a JWS payload; with a shared cache, once per token (deep-frozen, so memoized checks apply). */
function decodePayload(state: VerifyState, token: string): Record<string, unknown> | null {
  const cached = state.tokens?.get(token) as Record<string, unknown> | undefined
  if (cached) return cached
  const decoded = decodeJws(token)
  if (!decoded.ok) {
    state.findings.push({ code: decoded.code, severity: 'error', message: decoded.message })
    return null
  }
  if (exceedsDepth(decoded.payload, undefined, false)) {
    state.findings.add('INPUT_JSON_TOO_DEEP', 'the JWS payload is nested too deeply')
    return null
  }
  if (state.tokens) state.tokens.set(token, deepFreeze(decoded.payload))
  return decoded.payload
}

async function verifySigned(state: VerifyState, token: string): Promise<void> {
  const payload = decodePayload(state, token)
  if (!payload) return
  const doc = setVersion(state, detectVersion(payload), payload)
  if (!doc) return
  const method = methodOf(doc)
  if (method !== 'signed') {
    reportMethod(state, doc, method, 'a JWS whose payload declares HostedBadge verification: verify it by its hosted id instead')
  }
  await validateGraph(state)
  const trusted = method === 'signed' && state.issuer !== undefined && (await checkSignature(state, token))
  await checkStatus(state, trusted, true)
}

async function verifyObject(state: VerifyState, value: Record<string, unknown>): Promise<void> {
  const version = detectVersion(value)
  const method = methodOf(value)
  if (method === 'hosted' && version !== '0.5' && version !== 'unknown') {
    const verify = isObject(value.verify) ? value.verify : undefined
    const url = version === '2.0' ? value.id : (verify?.url ?? value.id)
    if (typeof url !== 'string') {
      state.findings.add('HOSTED_ID_NOT_HTTP', 'a hosted assertion needs the http(s) URL it is hosted at (its id)', '/assertion/id')
      state.assertion = value
      return
    }
    return verifyHosted(state, url, typeof value.id === 'string' ? value.id : undefined)
  }
  const doc = setVersion(state, version, value)
  if (!doc) return
  // Hosted objects went to verifyHosted above: this one is signed (without its JWS) or of no known method.
  reportMethod(state, value, method, 'a SignedBadge is verified from its JWS; this assertion was handed over without its signature')
  validateDocument(state, doc, 'Assertion', '/assertion', state.upgraded)
}

/**
 * Verifies an Open Badges 2.0 (or 1.0/1.1) assertion: a hosted URL, JSON text, a JWS, PNG/SVG bytes, or
 * an object. Never throws for bad badges: every problem is a finding in the report, and `valid` is true
 * only when there is no error.
 *
 * @throws TypeError / RangeError only for API misuse (an input of the wrong type, malformed options).
 * @example
 * ```ts
 * const report = await verify(pngBytes, { recipient: { email: 'teacher@example.org' } })
 * if (!report.valid) for (const m of report.messages) console.log(m.severity, m.code, m.message)
 * ```
 */
export async function verify(input: VerifyInput, options: VerifyOptions = {}): Promise<VerificationReport> {
  checkOptions(options)
  const detected = detectInput(input)
  const now = resolveNow(options.now)
  const cache = options.cache
  const findings = new Findings()
  const state: VerifyState = {
    findings,
    fetcher: new Fetcher(options, cache?.documents),
    now,
    maxClockSkew: options.maxClockSkew ?? DEFAULT_MAX_CLOCK_SKEW,
    recipient: options.recipient,
    checkImages: options.checkImages ?? true,
    keys: cache?.keys ?? createVerifyCache().keys,
    tokens: cache?.tokens,
    sharedCache: cache !== undefined,
    version: null,
    upgraded: false,
    issuerAuthoritative: false,
  }
  try {
    const handed = unpack(state, detected, options.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES)
    if (handed?.kind === 'url') await verifyHosted(state, handed.url, undefined)
    else if (handed?.kind === 'jws') await verifySigned(state, handed.token)
    else if (handed?.kind === 'object') await verifyObject(state, handed.value)
  } catch (error) {
    findings.add('VERIFY_INTERNAL_ERROR', `verification stopped: ${error instanceof Error ? error.message : String(error)}`)
  }
  // buildReport leaves out what was not resolved.
  const { version: openBadgesVersion, assertion, badgeClass, issuer, recipientMatched, revoked, expired } = state
  return buildReport(findings, { openBadgesVersion, assertion, badgeClass, issuer, recipientMatched, revoked, expired })
}
