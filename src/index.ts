/**
 * open-microcredentials: issue and verify educator micro-credentials as Open Badges 2.0.
 * The barrel names every export; each module also has its own subpath (see package.json "exports").
 */
export { OpenBadgesError, isOpenBadgesError } from './errors.js'
export type { Problem, OpenBadgesErrorOptions } from './errors.js'
export { VERSION } from './version.js'
export type {
  OneOrMany,
  IRI,
  DateTime,
  JsonLdContext,
  AdditionalProperties,
  IdentityHash,
  IdentityObject,
  VerificationObject,
  ImageObject,
  Image,
  Criteria,
  AlignmentObject,
  Evidence,
  Extension,
  Profile,
  IssuerProfile,
  BadgeClass,
  Assertion,
  RevokedAssertion,
  CryptographicKey,
  RevokedAssertionRef,
  RevocationList,
  Endorsement,
  BadgeObjectKind,
} from './model/openbadges.js'
export type {
  MicroCredentialBadgeClass,
  MicroCredentialAssertion,
  MicroCredentialExtension,
  MicroCredentialResultExtension,
  AssessmentExtension,
  AssessmentObject,
  Rubric,
  RubricCriterion,
  RubricCriterionLevel,
  AssessmentQuestion,
  AssessmentSection,
  ResearchCitation,
  SupportResource,
  StackMembership,
  RubricResult,
  Assessor,
  MicroCredentialDeveloper,
} from './model/microcredential.js'

// Validation (JSON Schemas compiled once, plus the checks a schema can't express)
export { validate, inferKind, parseDateTime, classifyDateTime, isIdentityHash, hasType, typeList, SCHEMA_CODES, classSchemas } from './schema/index.js'
export type { ValidateOptions, ValidationResult, SchemaCode } from './schema/index.js'

// JSON-LD: bundled contexts and the offline document loader
export {
  bundledContexts,
  bundledSchemas,
  projectDocuments,
  documentLoader,
  createDocumentLoader,
  expandDocument,
  contextUrls,
  usesOnlyBundledContexts,
  isBundled,
  JSONLD_CODES,
  OB_V2_CONTEXT,
  OB_V1_CONTEXT,
  ASSESSMENT_CONTEXT_URL,
  ASSESSMENT_SCHEMA_URL,
  ASSESSMENT_EXTENSION,
  MC_CONTEXT_URL,
  MC_SCHEMA_URL,
  MC_RESULT_SCHEMA_URL,
  MC_EXTENSION,
  MC_RESULT_EXTENSION,
  MC_VOCAB,
} from './jsonld/index.js'
export type { ProjectDocument, DocumentLoader, LoadedDocument, CreateDocumentLoaderOptions, ExpandOptions, JsonLdDocument } from './jsonld/index.js'

// Issuing: issuers, micro-credentials, assertions, identities, revocation lists
export {
  defineIssuer,
  defineMicroCredential,
  issueAssertion,
  hashIdentity,
  normalizeEmail,
  identityMatches,
  ISSUE_CODES,
  createRevocationList,
  revoke,
  isRevoked,
  REVOCATION_CODES,
} from './issue/index.js'
export type {
  IssuerDefinition,
  MicroCredentialDefinition,
  CriteriaDefinition,
  DefineMicroCredentialOptions,
  AssessmentDefinition,
  EvidenceRequirement,
  RubricDefinition,
  RubricCriterionDefinition,
  RubricLevelDefinition,
  AwardInput,
  EvidenceInput,
  IssueOptions,
  RecipientInput,
  RubricResultInput,
  IdentityCandidate,
  IdentityHashAlgorithm,
  CreateRevocationListOptions,
  RevocationStatus,
  RevocationCode,
} from './issue/index.js'

// Signing: keys, JWS, the strict low-level signature check
export {
  generateKeyPair,
  importPublicKey,
  importPrivateKey,
  exportPublicKeyPem,
  exportPublicKeyJwk,
  exportPrivateKeyPem,
  exportPrivateKeyJwk,
  isPublicKeyHandle,
  isPrivateKeyHandle,
  toCryptographicKey,
  createIssuerKeyList,
  addIssuerKey,
  rotateIssuerKey,
  retireIssuerKey,
  activeIssuerKey,
  checkSigningKey,
  issuerKeyDocuments,
  withIssuerKeys,
  signAssertion,
  decodeJws,
  verifySignature,
  SIGNATURE_ALGORITHMS,
  isSignatureAlgorithm,
  SIGNATURE_CHECK_CODES,
  SIGN_ERROR_CODES,
} from './sign/index.js'
export type {
  SignatureAlgorithm,
  SignatureCheckCode,
  SignErrorCode,
  GenerateKeyPairOptions,
  KeyPair,
  KeyType,
  KeyCurve,
  PublicKeyHandle,
  PrivateKeyHandle,
  PublicKeyInput,
  PrivateKeyInput,
  PublicJwk,
  PrivateJwk,
  RsaPublicJwk,
  EcPublicJwk,
  OkpPublicJwk,
  IssuerKeyEntry,
  IssuerKeyList,
  NewIssuerKey,
  IssuerKeyClockOptions,
  SigningKey,
  SignAssertionOptions,
  DecodeJwsResult,
  DecodeJwsOptions,
  DecodeJwsCode,
  SignatureCheck,
  VerifySignatureOptions,
  ResolveKey,
  ResolvedKey,
} from './sign/index.js'

// Baking: badges in PNG and SVG images
export {
  bake,
  extract,
  bakePng,
  extractFromPng,
  bakeSvg,
  extractFromSvg,
  detectImageFormat,
  BakeError,
  PngError,
  SvgError,
  BAKE_CODES,
  DEFAULT_MAX_INFLATED_BYTES,
  DEFAULT_MAX_SVG_BYTES,
} from './bake/index.js'
export type {
  ExtractResult,
  ExtractOptions,
  BakedForm,
  ImageFormat,
  BadgeInput,
  BakeSvgOptions,
  BakeErrorCode,
  BakingErrorCode,
  PngErrorCode,
  SvgErrorCode,
} from './bake/index.js'

// Verification: the complete Open Badges 2.0 verifier
export { verify, createVerifyCache, VERIFY_CODES, FETCH_CODES, FETCH_DEFAULTS, DEFAULT_MAX_INPUT_BYTES } from './verify/index.js'
export type {
  VerifyOptions,
  VerificationReport,
  VerificationMessage,
  OpenBadgesVersion,
  RecipientQuery,
  VerifyInput,
  VerifyCache,
  VerifyCacheOptions,
  VerifyCode,
  Severity,
  FetchCode,
  FetchLike,
  HostResolver,
} from './verify/index.js'

// Hosting: the Web-standard badge host, the memory store, publishing, batch issuance.
// The directory store and the node:http adapter (createFsStore, listen, createNodeListener) are on the
// `open-microcredentials/host` subpath only, so this entry stays free of node:fs and node:http.
export { createBadgeHost, HOST_CORE } from './host/handler.js'
export { createMemoryStore } from './host/memory-store.js'
export { contentTypeForKey, STATIC_CONTENT_TYPES, revokedStub } from './host/store.js'
export { keyForId, idForKey, keyForPathname, isTraversalTarget, normalizeBaseUrl, isPublicKey, isStoreKey } from './host/paths.js'
export { negotiate } from './host/negotiate.js'
export { escapeHtml } from './host/html.js'
export { publishDocument, readStoreConfig, writeStoreConfig } from './host/publish.js'
export { exportStaticSite } from './host/export.js'
export { revokeAssertion } from './host/revoke.js'
export { issueBatch, batchSecret, BATCH_CODES } from './host/batch.js'
export { readRoster, rowToAward, normalizeColumn, ROSTER_CODES } from './host/roster.js'
export { parseCsv, formatCsvRecord, CSV_CODES } from './host/csv.js'
export { HOST_CODES } from './host/codes.js'
export type { BadgeHandler, BadgeHostOptions, CacheControlPolicy, HostCore, StaticDocument } from './host/handler.js'
export type { HostRequest, HostResponse } from './host/respond.js'
export type { BadgeStore, StoredResource, PutOptions } from './host/store.js'
export type { DocumentRepresentation } from './host/negotiate.js'
export type { PublishResult, StoreConfig } from './host/publish.js'
export type { ExportOptions, ExportSummary } from './host/export.js'
export type { RevokeAssertionOptions, RevokeAssertionResult } from './host/revoke.js'
export type { IssueBatchOptions, RowOutcome, BatchSummary } from './host/batch.js'
export type { RosterRecord, RosterRow, RosterHeader } from './host/roster.js'
export type { CsvRecord, CsvOptions, CsvSource } from './host/csv.js'
export type { HostErrorCode } from './host/codes.js'
