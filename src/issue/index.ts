/**
 * `open-microcredentials/issue`: define issuers and micro-credentials, issue assertions, hash and match
 * recipient identities. (Revocation lists: `./revocation.ts`.)
 */
export { defineIssuer } from './issuer.js'
export type { IssuerDefinition } from './issuer.js'
export { defineMicroCredential } from './microcredential.js'
export type { CriteriaDefinition, DefineMicroCredentialOptions, MicroCredentialDefinition } from './microcredential.js'
export type { AssessmentDefinition, EvidenceRequirement, RubricCriterionDefinition, RubricDefinition, RubricLevelDefinition } from './assessment.js'
export { issueAssertion } from './assertion.js'
export type { AwardInput, EvidenceInput, IssueOptions, RecipientInput, RubricResultInput } from './assertion.js'
export { hashIdentity, identityMatches, normalizeEmail } from './identity.js'
export type { IdentityCandidate, IdentityHashAlgorithm } from './identity.js'
export { ISSUE_CODES } from './input.js'
export { baseUrlOf, nameUuid, slugify } from './ids.js'
export { createRevocationList, isRevoked, revoke, REVOCATION_CODES } from './revocation.js'
export type { CreateRevocationListOptions, RevocationCode, RevocationStatus } from './revocation.js'
