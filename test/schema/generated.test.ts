/**
 * The precompiled validators (src/schema/generated/validators.js): up to date with the schemas, free of run-time
 * code generation, importing only ajv's run-time helpers and ajv-formats' formats, and behaving exactly like
 * ajv's `compile` of the same schemas with the same options.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { GENERATED_DTS, GENERATED_JS, generateValidators } from '../../scripts/generate-validators.js'
import { defineIssuer, defineMicroCredential, issueAssertion } from '../../src/issue/index.js'
import * as generated from '../../src/schema/generated/validators.js'
import { ajvFormats, ajvOptions, extensionSchemas, precompiledSchemas } from '../../src/schema/sources.js'
import { minimal } from './fixtures.js'

const REPO = fileURLToPath(new URL('../..', import.meta.url))
const committedJs = readFileSync(GENERATED_JS, 'utf8')

describe('the committed generated validators', () => {
  it('match what the generator produces from the current schemas', () => {
    const fresh = generateValidators()
    const stale = 'src/schema/generated/ is stale: a schema changed without regenerating. Run `npm run generate` (tsx scripts/generate-validators.ts) and commit the result.'
    expect(committedJs === fresh.js, stale).toBe(true)
    expect(readFileSync(GENERATED_DTS, 'utf8') === fresh.dts, stale).toBe(true)
  })

  it('contain no run-time code generation (new Function, eval, Function(...))', () => {
    expect(committedJs).not.toMatch(/new\s+Function\s*\(/)
    expect(committedJs).not.toMatch(/\beval\s*\(/)
    expect(committedJs).not.toMatch(/(^|[^\w.])Function\s*\(/m)
    expect(committedJs).not.toMatch(/\brequire\s*\(/)
  })

  it('import only ajv run-time helpers and ajv-formats format definitions (ESM)', () => {
    const specifiers = [...committedJs.matchAll(/^import .* from "([^"]+)"$/gm)].map((m) => m[1]!)
    expect(specifiers.length).toBeGreaterThan(0)
    for (const s of specifiers) expect(s).toMatch(/^(ajv\/dist\/runtime\/[\w-]+\.js|ajv-formats\/dist\/formats\.js)$/)
    expect(committedJs).not.toMatch(/\bmodule\.exports\b|\bexports\./)
  })

  it('export one validator per precompiled schema', () => {
    expect(Object.keys(generated).sort()).toEqual(Object.keys(precompiledSchemas).sort())
  })

  it('load and validate in a Node process that forbids code generation from strings (as CSP / edge workers do)', () => {
    const script = [
      `const { validate } = await import(${JSON.stringify(`${REPO}src/schema/index.ts`)})`,
      `let refused = false; try { new Function('return 1') } catch (e) { refused = e instanceof EvalError }`,
      `const bad = validate({ type: 'Assertion' })`,
      `console.log(JSON.stringify({ refused, valid: bad.valid, codes: bad.problems.map((p) => p.code) }))`,
    ].join('\n')
    const out = execFileSync(process.execPath, ['--disallow-code-generation-from-strings', '--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: REPO,
      encoding: 'utf8',
    })
    const result = JSON.parse(out.trim().split('\n').pop()!) as { refused: boolean; valid: boolean; codes: string[] }
    expect(result.refused).toBe(true)
    expect(result.valid).toBe(false)
    expect(result.codes).toEqual(expect.arrayContaining(['ASSERTION_ID_REQUIRED', 'ASSERTION_RECIPIENT_REQUIRED']))
  })
})

// --- behaviour: the precompiled functions against ajv.compile of the same schemas ---

type FormatsPlugin = (ajv: Ajv, formats: string[]) => Ajv
const addFormats = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ?? addFormatsModule) as unknown as FormatsPlugin
const ajv = new Ajv({ ...ajvOptions })
addFormats(ajv, [...ajvFormats])
const reference: Record<string, ValidateFunction> = Object.fromEntries(
  Object.entries(precompiledSchemas).map(([name, schema]) => [name, ajv.compile(schema)]),
)
const precompiled = generated as unknown as Record<string, generated.GeneratedValidator>

function outcome(v: { (d: unknown): boolean; errors?: unknown }, doc: unknown) {
  const valid = v(doc)
  return { valid, errors: valid ? null : v.errors }
}

function expectSame(name: string, doc: unknown): void {
  expect(outcome(precompiled[name]!, doc), name).toEqual(outcome(reference[name]!, doc))
}

const read = (f: string) => JSON.parse(readFileSync(new URL(`../../examples/complete-mc/${f}`, import.meta.url), 'utf8')) as Record<string, unknown>

/** Real documents: the fixtures and the complete micro-credential example, issued. */
function corpus(): Record<string, unknown>[] {
  const issuer = defineIssuer(read('issuer.json') as never)
  const mc = defineMicroCredential(issuer, read('mc.json') as never)
  const award = { ...read('results.json'), recipient: 'j.rivera@school.example.net', evidence: read('evidence.json') as never }
  const assertion = issueAssertion(mc, award as never, {
    now: () => new Date('2026-01-15T12:00:00Z'),
    generateId: () => '00000000-0000-4000-8000-000000000001',
    generateSalt: () => 'c0ffee',
  })
  const docs: Record<string, unknown>[] = [...Object.values(minimal), issuer as never, mc as never, assertion as never]
  // The extension objects the documents carry (what the bundled extension schemas validate).
  for (const d of [...docs]) for (const [k, v] of Object.entries(d)) if (k.startsWith('extensions:') && v && typeof v === 'object') docs.push(v as never)
  return docs
}

describe('the precompiled validators behave like ajv.compile', () => {
  const docs = corpus()

  it('the corpus carries every bundled extension', () => {
    const types = docs.flatMap((d) => (Array.isArray(d.type) ? d.type : [d.type]))
    for (const name of Object.keys(extensionSchemas)) expect(types).toContain(`extensions:${name}`)
  })

  it('on every real document, for every schema: same validity and same errors', () => {
    for (const doc of docs) for (const name of Object.keys(precompiledSchemas)) expectSame(name, doc)
  })

  it('property: on mutated documents (a property replaced by any JSON, or removed), same validity and errors', () => {
    const names = Object.keys(precompiledSchemas)
    // Property names the schemas constrain, so mutations hit them (nested ones too).
    const keys = [...new Set([...JSON.stringify(precompiledSchemas).matchAll(/"([A-Za-z@][\w@:-]*)":/g)].map((m) => m[1]!))]
    const mutation = fc.record({
      doc: fc.constantFrom(...docs),
      name: fc.constantFrom(...names),
      key: fc.constantFrom(...keys),
      nestedIn: fc.option(fc.constantFrom(...keys), { nil: undefined }),
      value: fc.option(fc.jsonValue({ maxDepth: 3 }), { nil: undefined }),
    })
    fc.assert(
      fc.property(mutation, ({ doc, name, key, nestedIn, value }) => {
        const copy = structuredClone(doc) as Record<string, unknown>
        const target = nestedIn !== undefined && copy[nestedIn] && typeof copy[nestedIn] === 'object' ? (copy[nestedIn] as Record<string, unknown>) : copy
        if (value === undefined) delete target[key]
        else target[key] = value
        expectSame(name, copy)
      }),
      { numRuns: 200 },
    )
  })

  it('property: on arbitrary JSON values, same validity and errors', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(precompiledSchemas)), fc.jsonValue({ maxDepth: 4 }), (name, value) => expectSame(name, value)),
      { numRuns: 150 },
    )
  })
})
