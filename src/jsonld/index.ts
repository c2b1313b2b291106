/**
 * `open-microcredentials/jsonld`: the bundled JSON-LD contexts and JSON Schemas, and offline document loaders.
 */
export { bundledContexts, bundledSchemas, projectDocuments } from './bundled.js'
export type { ProjectDocument } from './bundled.js'
export { createDocumentLoader, documentLoader, isBundled, JSONLD_CODES } from './loader.js'
export type { CreateDocumentLoaderOptions, DocumentLoader, LoadedDocument } from './loader.js'
export { contextUrls, expandDocument, usesOnlyBundledContexts } from './expand.js'
export type { ExpandOptions } from './expand.js'
export {
  ASSESSMENT_CONTEXT_URL,
  ASSESSMENT_EXTENSION,
  ASSESSMENT_SCHEMA_URL,
  MC_CONTEXT_URL,
  MC_EXTENSION,
  MC_RESULT_EXTENSION,
  MC_RESULT_SCHEMA_URL,
  MC_SCHEMA_URL,
  MC_VOCAB,
  OB_V1_CONTEXT,
  OB_V1_CONTEXT_ALT,
  OB_V1_LEGACY_CONTEXT,
  OB_V2_CONTEXT,
  OB_V2_CONTEXT_ALT,
} from './urls.js'
export type { JsonLdDocument, JsonValue } from './documents/types.js'
