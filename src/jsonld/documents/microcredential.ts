/**
 * This project's own Open Badges extensions for educator micro-credentials (MCs): the JSON-LD context and
 * the two JSON Schemas, published under stable IRIs (see `../urls.ts`) that the badge host serves.
 *
 * - `extensions:MicroCredentialExtension` (on a BadgeClass): what OB 2.0 has no field for — key method,
 *   research basis, support resources, developer, stack memberships, renewal credits/hours, review dates.
 * - `extensions:MicroCredentialResultExtension` (on an Assertion): the rubric results (a score per
 *   criterion) and the assessor(s).
 *
 * Following the spec's extension mechanism, the context links each extension type to its JSON Schema
 * through `obi:validation` (TypeValidation).
 */
import type { JsonLdDocument } from './types.js'

export const mcContext: JsonLdDocument = {
  '@context': {
    id: '@id',
    type: '@type',

    obi: 'https://w3id.org/openbadges#',
    extensions: 'https://w3id.org/openbadges/extensions#',
    schema: 'http://schema.org/',
    xsd: 'http://www.w3.org/2001/XMLSchema#',
    omc: 'https://w3id.org/openmicrocredentials/vocab#',

    Extension: 'obi:Extension',
    MicroCredentialExtension: 'extensions:MicroCredentialExtension',
    MicroCredentialResultExtension: 'extensions:MicroCredentialResultExtension',

    name: { '@id': 'schema:name' },
    description: { '@id': 'schema:description' },
    url: { '@id': 'schema:url', '@type': '@id' },
    email: { '@id': 'schema:email' },

    keyMethod: { '@id': 'omc:keyMethod' },
    researchBasis: { '@id': 'omc:researchBasis' },
    citation: { '@id': 'schema:citation' },
    doi: { '@id': 'omc:doi' },
    supportResources: { '@id': 'omc:supportResource' },
    resourceType: { '@id': 'schema:learningResourceType' },
    developer: { '@id': 'omc:developer', '@type': '@id' },
    stacks: { '@id': 'omc:stackMembership' },
    position: { '@id': 'schema:position', '@type': 'xsd:integer' },
    stackSize: { '@id': 'omc:stackSize', '@type': 'xsd:integer' },
    renewalCredits: { '@id': 'omc:renewalCredits', '@type': 'xsd:decimal' },
    renewalHours: { '@id': 'omc:renewalHours', '@type': 'xsd:decimal' },
    estimatedHours: { '@id': 'omc:estimatedHours', '@type': 'xsd:decimal' },
    lastReviewDate: { '@id': 'omc:lastReviewDate', '@type': 'xsd:date' },
    reviewIntervalMonths: { '@id': 'omc:reviewIntervalMonths', '@type': 'xsd:integer' },

    rubricResults: { '@id': 'omc:rubricResult' },
    criterion: { '@id': 'omc:criterion' },
    score: { '@id': 'omc:score', '@type': 'xsd:decimal' },
    maxScore: { '@id': 'omc:maxScore', '@type': 'xsd:decimal' },
    level: { '@id': 'omc:level' },
    feedback: { '@id': 'omc:feedback' },
    assessors: { '@id': 'omc:assessor', '@type': '@id' },
    assessedOn: { '@id': 'omc:assessedOn', '@type': 'xsd:dateTime' },
    attempt: { '@id': 'omc:attempt', '@type': 'xsd:integer' },
  },
  'obi:validation': [
    {
      'obi:validatesType': 'extensions:MicroCredentialExtension',
      'obi:validationSchema': 'https://w3id.org/openmicrocredentials/v1/schema/microcredential.json',
    },
    {
      'obi:validatesType': 'extensions:MicroCredentialResultExtension',
      'obi:validationSchema': 'https://w3id.org/openmicrocredentials/v1/schema/result.json',
    },
  ],
}

const iri = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9+.\\-]*:[^\\s]*$' }
const httpUrl = { type: 'string', pattern: '^https?://[^\\s]+$' }
const nonEmpty = { type: 'string', minLength: 1 }
const dateTime = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|z|[+-]\\d{2}(:?\\d{2})?)$',
}
const extensionType = (name: string) => ({
  description: `Must list both 'Extension' and '${name}'.`,
  type: 'array',
  items: { type: 'string' },
  allOf: [{ contains: { enum: ['Extension'] } }, { contains: { enum: [name] } }],
})

export const mcExtensionSchema: JsonLdDocument = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://w3id.org/openmicrocredentials/v1/schema/microcredential.json',
  title: 'Micro-credential extension (BadgeClass)',
  description:
    'What an educator micro-credential carries beyond Open Badges 2.0: key method, research basis, support resources, developer, stack memberships, renewal credits or hours, review dates.',
  type: 'object',
  properties: {
    '@context': {},
    type: extensionType('extensions:MicroCredentialExtension'),
    keyMethod: { ...nonEmpty, description: 'The key method(s) the educator demonstrates.' },
    researchBasis: {
      description: 'The evidence-based rationale: citations of supporting research.',
      type: 'array',
      items: {
        type: 'object',
        properties: { citation: nonEmpty, url: httpUrl, doi: { type: 'string', pattern: '^10\\.\\S+/\\S+$' } },
        required: ['citation'],
      },
    },
    supportResources: {
      description: 'Public resources for developing the competency.',
      type: 'array',
      items: {
        type: 'object',
        properties: { name: nonEmpty, url: httpUrl, description: { type: 'string' }, resourceType: { type: 'string' } },
        required: ['name', 'url'],
      },
    },
    developer: {
      description: 'Who designed the micro-credential.',
      type: 'object',
      properties: { id: iri, name: nonEmpty, url: httpUrl, email: { type: 'string', pattern: '^[^\\s@]+@[^\\s@]+$' } },
      required: ['name'],
    },
    stacks: {
      description: 'The stacks this micro-credential belongs to, with its position in each.',
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: iri,
          name: nonEmpty,
          position: { type: 'integer', minimum: 1 },
          stackSize: { type: 'integer', minimum: 1 },
        },
        required: ['id', 'name', 'position'],
      },
    },
    renewalCredits: { type: 'number', minimum: 0 },
    renewalHours: { type: 'number', minimum: 0 },
    estimatedHours: { type: 'number', exclusiveMinimum: 0 },
    lastReviewDate: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' },
    reviewIntervalMonths: { type: 'integer', minimum: 1 },
  },
  required: ['@context', 'type'],
}

export const mcResultExtensionSchema: JsonLdDocument = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://w3id.org/openmicrocredentials/v1/schema/result.json',
  title: 'Micro-credential assessment result extension (Assertion)',
  description: 'The rubric results (a score per criterion) and the assessor(s) of one awarded micro-credential.',
  type: 'object',
  properties: {
    '@context': {},
    type: extensionType('extensions:MicroCredentialResultExtension'),
    rubricResults: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          criterion: { ...nonEmpty, description: 'The identifier of the rubric criterion (Assessment Extension).' },
          name: { type: 'string' },
          score: { type: 'number' },
          maxScore: { type: 'number' },
          level: { type: 'string' },
          feedback: { type: 'string' },
        },
        required: ['criterion', 'score'],
      },
    },
    assessors: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        properties: { id: iri, name: nonEmpty, url: httpUrl, email: { type: 'string', pattern: '^[^\\s@]+@[^\\s@]+$' } },
        anyOf: [{ required: ['name'] }, { required: ['id'] }],
      },
    },
    assessedOn: dateTime,
    attempt: { type: 'integer', minimum: 1 },
  },
  required: ['@context', 'type', 'rubricResults', 'assessors'],
}
