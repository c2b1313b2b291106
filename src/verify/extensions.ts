/**
 * Extension validation (Open Badges "Extension Validation", TypeValidation): an extension object names
 * its context; a context may declare `obi:validation` entries that map an extension type to a JSON
 * Schema. Each schema is run with ajv against the extension objects of that type.
 *
 * Contexts and schemas this library carries come from jsonld/; others are fetched under the same policy
 * as every other document. Compiled validators are cached by schema (URL + text), so each schema is
 * compiled once per process. Schemas fetched from elsewhere are untrusted: they are compiled by a
 * separate ajv whose regular expressions refuse nested quantifiers (no catastrophic backtracking).
 *
 * The bundled extension schemas are precompiled (schema/); only a schema fetched at run time needs ajv's
 * compiler, which generates code with `new Function`. ajv is therefore imported (and constructed) only when
 * such a schema must be compiled, and where code generation is forbidden (a Content-Security-Policy without
 * 'unsafe-eval', edge workers) the EvalError becomes the EXTENSION_SCHEMA_UNAVAILABLE warning: that
 * extension was not validated, the rest of verification goes on.
 */
import type { Ajv as AjvInstance, ValidateFunction } from 'ajv'
import { bundledContexts, bundledSchemas } from '../jsonld/index.js'
import { hasType, typesOf } from './documents.js'
import { decodeUtf8, isObject, parseJson } from './json.js'
import { memo } from './memo.js'
import type { VerifyState } from './state.js'

/** A pattern is refused when a quantified group contains a quantifier or an alternation, or it is long. */
export function isSafePattern(pattern: string): boolean {
  if (pattern.length > 512) return false
  if (/\\[1-9]/.test(pattern)) return false // backreferences
  // Many unbounded quantifiers in a row backtrack polynomially (.*a.*b.*c.*d on long text).
  const unbounded = pattern.replace(/\\./g, '').replace(/\[[^\]]*\]/g, 'x').match(/[*+]|\{\d*,\}/g)
  if ((unbounded?.length ?? 0) > 4) return false
  // Find groups followed by a repeating quantifier and look inside them.
  const stack: number[] = []
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]
    if (c === '\\') {
      i++
      continue
    }
    if (c === '[') {
      // skip a character class
      i++
      while (i < pattern.length && pattern[i] !== ']') {
        if (pattern[i] === '\\') i++
        i++
      }
      continue
    }
    if (c === '(') stack.push(i)
    else if (c === ')') {
      const start = stack.pop()
      if (start === undefined) return false
      const next = pattern[i + 1]
      if (next === '*' || next === '+' || next === '{') {
        const body = pattern.slice(start + 1, i).replace(/\\./g, '').replace(/\[[^\]]*\]/g, 'x')
        if (/[*+{|?]/.test(body.replace(/^\?[:=!]|^\?<[=!]?/, ''))) return false
      }
    }
  }
  return stack.length === 0
}

const safeRegExp = Object.assign(
  (pattern: string, flags: string) => {
    if (!isSafePattern(pattern)) throw new Error(`refused regular expression (possible catastrophic backtracking): ${pattern.slice(0, 80)}`)
    return new RegExp(pattern, flags)
  },
  { code: 'new RegExp' },
)

type AjvConstructor = new (options: Record<string, unknown>) => AjvInstance
type FormatsPlugin = (ajv: AjvInstance) => AjvInstance

/** Imports ajv and ajv-formats (once, on the first schema to compile); both are CommonJS. */
async function loadAjv(): Promise<{ Ajv: AjvConstructor; addFormats: FormatsPlugin }> {
  const [ajvModule, formatsModule] = await Promise.all([import('ajv'), import('ajv-formats')])
  const ajvNs = ajvModule as unknown as { Ajv?: AjvConstructor; default?: AjvConstructor & { Ajv?: AjvConstructor } }
  const Ajv = ajvNs.Ajv ?? ajvNs.default?.Ajv ?? (ajvNs.default as AjvConstructor)
  const formats = (formatsModule as unknown as { default: FormatsPlugin & { default?: FormatsPlugin } }).default
  return { Ajv, addFormats: formats.default ?? formats }
}

let ajvLoading: ReturnType<typeof loadAjv> | undefined

async function makeAjv(untrusted: boolean): Promise<AjvInstance> {
  const { Ajv, addFormats } = await (ajvLoading ??= loadAjv())
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    addUsedSchema: false,
    validateSchema: false,
    // A failed compile is reported as a finding; ajv would also print the generated code to the console.
    logger: false,
    ...(untrusted ? { code: { regExp: safeRegExp } } : {}),
  })
  addFormats(ajv)
  return ajv
}

let trustedAjv: Promise<AjvInstance> | undefined
let untrustedAjv: Promise<AjvInstance> | undefined
const compiled = new Map<string, ValidateFunction | Error>()
const MAX_COMPILED = 128
/** Set once this runtime has refused code generation: later schemas are not tried again. */
let codeGenerationRefused: EvalError | undefined

/** The compile step, replaceable by tests (to simulate a runtime that forbids code generation). */
export const compiler = {
  compile: (ajv: AjvInstance, schema: Record<string, unknown>): ValidateFunction => ajv.compile(schema),
}

/** True for the error a runtime throws when it forbids code generation from strings (CSP, edge workers). */
export function isCodeGenerationRefusal(error: unknown): error is EvalError {
  return error instanceof EvalError || (error instanceof Error && error.name === 'EvalError')
}

/** Rewrites draft-04/06 specifics ajv 8 does not read (`$schema`, `id`, boolean exclusive bounds). */
export function normalizeSchema(schema: unknown, depth = 0): unknown {
  if (depth > 64 || schema === null || typeof schema !== 'object') return schema
  if (Array.isArray(schema)) return schema.map((s) => normalizeSchema(s, depth + 1))
  const out: Record<string, unknown> = {}
  const src = schema as Record<string, unknown>
  for (const [key, value] of Object.entries(src)) {
    if (key === '$schema') continue
    if (key === 'id' && typeof value === 'string' && depth === 0) out.$id = value
    else if ((key === 'exclusiveMaximum' || key === 'exclusiveMinimum') && typeof value === 'boolean') {
      const bound = key === 'exclusiveMaximum' ? 'maximum' : 'minimum'
      if (value && typeof src[bound] === 'number') out[key] = src[bound]
    } else if (key === 'properties' || key === 'patternProperties' || key === 'definitions' || key === '$defs') {
      out[key] = isObject(value)
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeSchema(v, depth + 1)]))
        : value
    } else out[key] = normalizeSchema(value, depth + 1)
  }
  // An exclusive bound replaces the inclusive one it qualified.
  if (typeof out.exclusiveMaximum === 'number' && src.exclusiveMaximum === true) delete out.maximum
  if (typeof out.exclusiveMinimum === 'number' && src.exclusiveMinimum === true) delete out.minimum
  return out
}

/**
 * Compiles (once) the schema at `url`; an Error when it cannot be compiled — an EvalError when this runtime
 * forbids code generation (then every later call returns that EvalError without trying again).
 */
export async function compileSchema(url: string, text: string, schema: unknown, trusted: boolean): Promise<ValidateFunction | Error> {
  if (codeGenerationRefused) return codeGenerationRefused
  const key = `${trusted ? 't' : 'u'} ${url}\n${text}`
  const hit = compiled.get(key)
  if (hit) return hit
  let result: ValidateFunction | Error
  try {
    const ajv = await (trusted ? (trustedAjv ??= makeAjv(false)) : (untrustedAjv ??= makeAjv(true)))
    const normalized = normalizeSchema(schema) as Record<string, unknown>
    delete normalized.$id // validators are keyed here, not in ajv's registry
    result = compiler.compile(ajv, normalized)
  } catch (error) {
    if (isCodeGenerationRefusal(error)) {
      codeGenerationRefused = error
      return error
    }
    result = error instanceof Error ? error : new Error(String(error))
  }
  compiled.set(key, result)
  if (compiled.size > MAX_COMPILED) compiled.delete(compiled.keys().next().value as string)
  return result
}

/** Forgets a code-generation refusal (tests). */
export function resetCodeGenerationRefusal(): void {
  codeGenerationRefused = undefined
}

interface FoundExtension {
  value: Record<string, unknown>
  path: string
  /** The extension's context URLs. */
  contexts: string[]
  types: string[]
}

/** Finds extension objects (type includes `Extension`) nested in a badge document. */
export function findExtensions(doc: Record<string, unknown>, base: string): FoundExtension[] {
  const found: FoundExtension[] = []
  const visit = (value: unknown, path: string, depth: number): void => {
    if (depth > 32 || value === null || typeof value !== 'object') return
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, `${path}/${i}`, depth + 1))
      return
    }
    const obj = value as Record<string, unknown>
    if (depth > 0 && hasType(obj, 'Extension')) {
      const contexts = (Array.isArray(obj['@context']) ? obj['@context'] : [obj['@context']]).filter((c): c is string => typeof c === 'string')
      found.push({ value: obj, path, contexts, types: typesOf(obj) })
    }
    for (const [key, child] of Object.entries(obj)) {
      if (key === '@context') continue
      visit(child, `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, depth + 1)
    }
  }
  visit(doc, base, 0)
  return found
}

interface Loaded {
  value: unknown
  text: string
  trusted: boolean
}

/** A bundled document, or one fetched under the policy; null (with a warning) when unavailable. */
async function loadJson(state: VerifyState, url: string, label: 'context' | 'schema', path: string): Promise<Loaded | null> {
  const bundled = (label === 'context' ? bundledContexts : bundledSchemas)[url] ?? bundledContexts[url] ?? bundledSchemas[url]
  if (bundled) return { value: bundled, text: '', trusted: true }
  const code = label === 'context' ? 'EXTENSION_CONTEXT_UNAVAILABLE' : 'EXTENSION_SCHEMA_UNAVAILABLE'
  const result = await state.fetcher.get(url, 'json')
  if (!result.ok) {
    state.findings.add(code, `extension ${label} ${url} could not be fetched (${result.error.code}: ${result.error.message})`, path)
    return null
  }
  const text = decodeUtf8(result.resource.body)
  const parsed = parseJson(text)
  if (!parsed.ok || !isObject(parsed.value)) {
    state.findings.add(code, `extension ${label} ${url} is not a JSON object`, path)
    return null
  }
  return { value: parsed.value, text, trusted: false }
}

interface ValidationRule {
  validatesType: string
  schema: string
}

function validationRules(context: unknown): ValidationRule[] {
  if (!isObject(context)) return []
  const list = context['obi:validation'] ?? context.validation ?? context['https://w3id.org/openbadges#validation']
  const entries = Array.isArray(list) ? list : list === undefined ? [] : [list]
  const rules: ValidationRule[] = []
  for (const entry of entries) {
    if (!isObject(entry)) continue
    const validatesType = entry['obi:validatesType'] ?? entry.validatesType
    const schema = entry['obi:validationSchema'] ?? entry.validationSchema
    if (typeof validatesType === 'string' && typeof schema === 'string') rules.push({ validatesType, schema })
  }
  return rules
}

/** Validates every extension in `doc` against the JSON Schemas its context declares. */
export async function checkExtensions(state: VerifyState, doc: Record<string, unknown>, base: string): Promise<void> {
  for (const { value, path, contexts, types } of memo(doc, `extensions ${base}`, () => findExtensions(doc, base))) {
    for (const contextUrl of contexts) {
      const context = await loadJson(state, contextUrl, 'context', `${path}/@context`)
      if (!context) continue
      const rules = typeof context.value === 'object' && context.value !== null ? memo(context.value, 'obi:validation', () => validationRules(context.value)) : []
      for (const rule of rules) {
        if (!types.includes(rule.validatesType)) continue
        // Bundled extension schemas (Assessment, micro-credential) are already run by schema/ validate().
        if (bundledSchemas[rule.schema] !== undefined) continue
        const schema = await loadJson(state, rule.schema, 'schema', path)
        if (!schema) continue
        const validator = await compileSchema(rule.schema, schema.text, schema.value, schema.trusted)
        if (isCodeGenerationRefusal(validator)) {
          state.findings.add(
            'EXTENSION_SCHEMA_UNAVAILABLE',
            `extension schema ${rule.schema} not run: this runtime forbids code generation from strings (Content-Security-Policy without 'unsafe-eval', or an edge worker), which compiling a fetched schema needs`,
            path,
          )
          continue
        }
        if (validator instanceof Error) {
          state.findings.add('EXTENSION_SCHEMA_UNAVAILABLE', `extension schema ${rule.schema} cannot be compiled: ${validator.message.slice(0, 200)}`, path)
          continue
        }
        let ok: boolean
        try {
          ok = validator(value) === true
        } catch (error) {
          state.findings.add('EXTENSION_SCHEMA_UNAVAILABLE', `extension schema ${rule.schema} failed: ${String(error).slice(0, 200)}`, path)
          continue
        }
        if (ok) {
          state.findings.add('EXTENSION_VALIDATED', `${rule.validatesType} satisfies ${rule.schema}`, path)
          continue
        }
        for (const error of (validator.errors ?? []).slice(0, 20)) {
          state.findings.add(
            'EXTENSION_INVALID',
            `${rule.validatesType}: ${error.instancePath || '(the extension)'} ${error.message ?? 'is invalid'}`,
            `${path}${error.instancePath}`,
          )
        }
      }
    }
  }
}
