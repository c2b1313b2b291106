import { describe, expect, it, vi } from 'vitest'
import { compiler, isSafePattern, normalizeSchema, resetCodeGenerationRefusal } from '../../src/verify/extensions.js'
import { verify, type VerificationReport } from '../../src/verify/index.js'
import { json } from './helpers.js'
import { HOSTED_ID, NOW, makeWorld, serve } from './world.js'

const codes = (r: VerificationReport) => r.messages.map((m) => m.code)
const errors = (r: VerificationReport) => r.messages.filter((m) => m.severity === 'error').map((m) => m.code)

const CTX = 'https://ext.example/geo/context.json'
const SCHEMA = 'https://ext.example/geo/schema.json'
const geoContext = {
  '@context': { obi: 'https://w3id.org/openbadges#', extensions: 'https://w3id.org/openbadges/extensions#', geo: 'http://schema.org/geo', description: 'http://schema.org/description' },
  'obi:validation': [{ 'obi:validatesType': 'extensions:GeoCoordinates', 'obi:validationSchema': SCHEMA }],
}
const geoSchema = {
  $schema: 'http://json-schema.org/draft-04/schema#',
  id: SCHEMA,
  type: 'object',
  properties: {
    description: { type: 'string' },
    geo: {
      type: 'object',
      properties: { latitude: { type: 'number', maximum: 90, exclusiveMaximum: true }, longitude: { type: 'number' } },
      required: ['latitude', 'longitude'],
    },
  },
  required: ['description', 'geo'],
}

function withExtension(ext: Record<string, unknown>) {
  return async (routes: Record<string, ReturnType<typeof json>> = {}) => {
    const world = await makeWorld()
    world.badgeClass['extensions:GeoCoordinates'] = { '@context': CTX, type: ['Extension', 'extensions:GeoCoordinates'], ...ext }
    return serve(world, { [CTX]: json(geoContext), [SCHEMA]: json(geoSchema), ...routes })
  }
}

describe('extensions with obi:validation', () => {
  it('a conforming extension validates (context and schema fetched under the policy, once)', async () => {
    const { fetch, calls } = await withExtension({ description: 'Sunderland', geo: { latitude: 54.9, longitude: -1.38 } })()
    const report = await verify(HOSTED_ID, { fetch, now: NOW })
    expect(errors(report)).toEqual([])
    expect(codes(report)).toContain('EXTENSION_VALIDATED')
    expect(calls.filter((u) => u === CTX)).toHaveLength(1)
    expect(calls.filter((u) => u === SCHEMA)).toHaveLength(1)
  })

  it('a violating extension fails with EXTENSION_INVALID at its path', async () => {
    const { fetch } = await withExtension({ description: 'North pole', geo: { latitude: 90, longitude: 0 } })()
    const report = await verify(HOSTED_ID, { fetch, now: NOW })
    const finding = report.messages.find((m) => m.code === 'EXTENSION_INVALID')
    expect(finding?.path).toBe('/badgeClass/extensions:GeoCoordinates/geo/latitude')
    expect(report.valid).toBe(false)
    const missing = await verify(HOSTED_ID, { fetch: (await withExtension({ geo: { latitude: 1, longitude: 2 } })()).fetch, now: NOW })
    expect(errors(missing)).toContain('EXTENSION_INVALID')
  })

  it('an unreachable context or schema is a warning (the extension is not validated)', async () => {
    const noContext = await withExtension({ description: 'x', geo: { latitude: 1, longitude: 2 } })({ [CTX]: json({}, 404) })
    const a = await verify(HOSTED_ID, { fetch: noContext.fetch, now: NOW })
    expect(codes(a)).toContain('EXTENSION_CONTEXT_UNAVAILABLE')
    const noSchema = await withExtension({ description: 'x', geo: { latitude: 1, longitude: 2 } })({ [SCHEMA]: json({}, 500) })
    const b = await verify(HOSTED_ID, { fetch: noSchema.fetch, now: NOW })
    expect(codes(b)).toContain('EXTENSION_SCHEMA_UNAVAILABLE')
  })

  it('a schema with a catastrophic regular expression is refused, quickly', async () => {
    const evil = { type: 'object', properties: { description: { type: 'string', pattern: '^(a+)+$' } } }
    const { fetch } = await withExtension({ description: `${'a'.repeat(40)}!`, geo: { latitude: 1, longitude: 2 } })({ [SCHEMA]: json(evil) })
    const report = await verify(HOSTED_ID, { fetch, now: NOW })
    expect(codes(report)).toContain('EXTENSION_SCHEMA_UNAVAILABLE')
  })

  it('where code generation is forbidden (CSP without unsafe-eval, edge workers), a fetched schema is a warning, not a failure', async () => {
    // What ajv's compile throws there: `new Function` refused with an EvalError.
    const refuse = vi.spyOn(compiler, 'compile').mockImplementation(() => {
      throw new EvalError('Code generation from strings disallowed for this context')
    })
    const schema = 'https://ext.example/geo/schema-csp.json'
    const context = { ...geoContext, 'obi:validation': [{ 'obi:validatesType': 'extensions:GeoCoordinates', 'obi:validationSchema': schema }] }
    try {
      const { fetch } = await withExtension({ description: 'x', geo: { latitude: 1, longitude: 2 } })({ [CTX]: json(context), [schema]: json(geoSchema) })
      const report = await verify(HOSTED_ID, { fetch, now: NOW })
      expect(refuse).toHaveBeenCalled()
      const finding = report.messages.find((m) => m.code === 'EXTENSION_SCHEMA_UNAVAILABLE')
      expect(finding?.severity).toBe('warning')
      expect(finding?.path).toBe('/badgeClass/extensions:GeoCoordinates')
      expect(codes(report)).not.toContain('EXTENSION_VALIDATED')
      expect(errors(report)).toEqual([])
      expect(report.valid).toBe(true)
      // Refused once: the runtime is not asked again for the next badge.
      const calls = refuse.mock.calls.length
      const again = await verify(HOSTED_ID, { fetch, now: NOW })
      expect(codes(again)).toContain('EXTENSION_SCHEMA_UNAVAILABLE')
      expect(refuse.mock.calls.length).toBe(calls)
    } finally {
      refuse.mockRestore()
      resetCodeGenerationRefusal()
    }
  })

  it('the micro-credential extensions are validated by the bundled schemas, offline', async () => {
    const world = await makeWorld()
    world.badgeClass['extensions:MicroCredentialExtension'] = {
      '@context': 'https://w3id.org/openmicrocredentials/v1/context.json',
      type: ['Extension', 'extensions:MicroCredentialExtension'],
      keyMethod: 'Conference notes',
      reviewIntervalMonths: 0,
    }
    const { fetch, calls } = serve(world)
    const report = await verify(HOSTED_ID, { fetch, now: NOW })
    expect(report.valid).toBe(false)
    expect(report.messages.some((m) => m.severity === 'error' && m.path?.startsWith('/badgeClass/extensions:MicroCredentialExtension'))).toBe(true)
    expect(calls.some((u) => u.includes('openmicrocredentials'))).toBe(false)
  })
})

describe('JSON-LD processing of unknown contexts', () => {
  it('a document bringing an unreachable context is not valid JSON-LD', async () => {
    const world = await makeWorld()
    world.hosted['@context'] = ['https://w3id.org/openbadges/v2', 'https://ctx.example/extra.json']
    const report = await verify(HOSTED_ID, { fetch: serve(world).fetch, now: NOW })
    expect(errors(report)).toContain('JSONLD_INVALID')
  })

  it('a reachable extra context (fetched under the policy) is fine', async () => {
    const world = await makeWorld()
    world.hosted['@context'] = ['https://w3id.org/openbadges/v2', 'https://ctx.example/extra.json']
    world.hosted.favoriteColor = 'green'
    const { fetch } = serve(world, { 'https://ctx.example/extra.json': json({ '@context': { favoriteColor: 'https://ctx.example/favoriteColor' } }) })
    const report = await verify(HOSTED_ID, { fetch, now: NOW })
    expect(errors(report)).toEqual([])
  })

  it('an invalid inline context is reported', async () => {
    const world = await makeWorld()
    world.hosted['@context'] = ['https://w3id.org/openbadges/v2', { foo: 42 }]
    const report = await verify(HOSTED_ID, { fetch: serve(world).fetch, now: NOW })
    expect(errors(report)).toContain('JSONLD_INVALID')
  })
})

describe('schema helpers', () => {
  it.each([
    ['^[a-z]+$', true],
    ['^https?://\\S+$', true],
    ['^(https?://)?example\\.org$', true],
    ['^\\d{4}-\\d{2}$', true],
    ['^(a+)+$', false],
    ['^(a|aa)*$', false],
    ['^(\\w+\\s?)*$', false],
    ['(.*a){12}', false],
    ['^(a)\\1$', false],
    ['.*.*.*.*.*x', false],
  ])('isSafePattern(%s) = %s', (pattern, safe) => {
    expect(isSafePattern(pattern)).toBe(safe)
  })

  it('normalizes draft-04 schemas', () => {
    expect(normalizeSchema({ $schema: 'http://json-schema.org/draft-04/schema#', id: 'x', properties: { n: { maximum: 5, exclusiveMaximum: true } } })).toEqual({
      $id: 'x',
      properties: { n: { exclusiveMaximum: 5 } },
    })
  })
})
