/** A JSON value as found in bundled JSON-LD contexts and JSON Schemas. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

/** A JSON object: a bundled JSON-LD context document or JSON Schema. */
export type JsonLdDocument = { [key: string]: JsonValue }
