/**
 * The JSON Schemas `validate()` runs, by the name of the validator generated from each one. Not imported at
 * run time: `scripts/generate-validators.ts` compiles these with ajv's standalone code generation into
 * `src/schema/generated/validators.js`, which `compile.ts` imports (no code generation at run time, so the
 * library loads under a strict Content-Security-Policy and in edge workers).
 */
import { bundledSchemas } from '../jsonld/bundled.js'
import { ASSESSMENT_SCHEMA_URL, MC_RESULT_SCHEMA_URL, MC_SCHEMA_URL } from '../jsonld/urls.js'
import { classShapeSchemas } from './class-schemas.js'

type Schema = Record<string, unknown>

export { classShapeSchemas }

function withoutMeta(schema: Schema): Schema {
  // The Assessment Extension schema declares draft-06; its keywords mean the same in draft-07, which ajv
  // compiles by default, so the `$schema`/`$id` markers are dropped rather than loading another meta-schema.
  const { $schema: _s, $id: _i, ...rest } = schema
  return rest
}

const schemaOf = (url: string): Schema => {
  const found = bundledSchemas[url]
  if (!found) throw new Error(`internal: schema ${url} is not bundled`)
  return withoutMeta(found as Schema)
}

/** The bundled extension schemas (their validators are keyed by extension type in compile.ts). */
export const extensionSchemas = {
  AssessmentExtension: schemaOf(ASSESSMENT_SCHEMA_URL),
  MicroCredentialExtension: schemaOf(MC_SCHEMA_URL),
  MicroCredentialResultExtension: schemaOf(MC_RESULT_SCHEMA_URL),
} as const satisfies Record<string, Schema>

/** Every schema that is precompiled, by the export name of its generated validator. */
export const precompiledSchemas: Readonly<Record<string, Schema>> = { ...classShapeSchemas, ...extensionSchemas }

/**
 * The ajv options the validators are generated with (the generator adds `code`). `allErrors`: report every
 * problem, not the first. `strict: false`: the published Assessment Extension schema has an unknown keyword
 * (a typo, `desccription`), which must not stop it compiling.
 */
export const ajvOptions = { allErrors: true, strict: false, validateSchema: false } as const

/** The formats the schemas may use, as ajv-formats defines them (full mode). */
export const ajvFormats = ['date-time', 'uri', 'date'] as const
