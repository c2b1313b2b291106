/**
 * Types for micro-credential (MC) metadata carried in Open Badges 2.0 extensions:
 * - the registered 1EdTech Assessment Extension (rubric, evidence requirements) on the BadgeClass;
 * - this project's `MicroCredentialExtension` on the BadgeClass (research basis, resources, stacks...);
 * - this project's `MicroCredentialResultExtension` on the Assertion (rubric results, assessors).
 * See docs/metadata-mapping.md for which MC field lands where.
 */
import type { Assertion, BadgeClass, DateTime, IRI, JsonLdContext, OneOrMany } from './openbadges.js'

/** A level of achievement on one rubric criterion (a rubric cell). */
export interface RubricCriterionLevel {
  /** Lowercase UUID. */
  identifier: string
  description: string
  quality?: string
  score?: number
  position?: number
  feedback?: string
  lastChangeDateTime?: DateTime
  caseUri?: string
}

/** One objective the rubric measures (a rubric row). */
export interface RubricCriterion {
  identifier: string
  description?: string
  category?: string
  weight?: number
  position?: number
  criterionLevels?: OneOrMany<RubricCriterionLevel>
  lastChangeDateTime?: DateTime
  caseUri?: string
}

/** A scoring rubric. */
export interface Rubric {
  identifier: string
  title: string
  rubricCriteria: OneOrMany<RubricCriterion>
  lastChangeDateTime?: DateTime
  caseUri?: string
}

/** A question (an evidence requirement) the earner answers. */
export interface AssessmentQuestion {
  type: 'ExternalQuestion' | 'FileQuestion' | 'TextQuestion'
  text: string
  rubricId?: string
  url?: string
  required?: boolean
  wordLimit?: number
  characterLimit?: number
}

/** A set of questions that make up part of an assessment. */
export interface AssessmentSection {
  questions?: OneOrMany<AssessmentQuestion>
  title?: string
  description?: string
  rubricId?: string
  url?: string
  required?: boolean
}

/** One assessment of the Assessment Extension. */
export interface AssessmentObject {
  type: 'Exam' | 'Performance' | 'Artifact'
  description: string
  assessmentOutput: string
  hasGroupParticipation: boolean
  hasGroupEvaluation: boolean
  evaluationMethod: string
  assessmentExample?: string
  scoringMethodExampleDescription?: string
  assessmentEvaluation?: string
  rubrics?: OneOrMany<Rubric>
  sections?: OneOrMany<AssessmentSection>
}

/** The 1EdTech Open Badges Assessment Extension (on a BadgeClass). */
export interface AssessmentExtension {
  '@context': JsonLdContext
  type: string[]
  description: string
  assessments: OneOrMany<AssessmentObject>
}

/** A citation of supporting research. */
export interface ResearchCitation {
  /** The formatted reference (APA or similar). */
  citation: string
  url?: string
  doi?: string
}

/** A public resource for developing the competency. */
export interface SupportResource {
  name: string
  url: string
  description?: string
  resourceType?: string
}

/** Who designed the micro-credential. */
export interface MicroCredentialDeveloper {
  name: string
  id?: IRI
  url?: string
  email?: string
}

/** Membership of a stack: a defined series of MCs that together make a larger skill set. */
export interface StackMembership {
  /** The stack's IRI. */
  id: IRI
  name: string
  /** 1-based position of this MC in the stack. */
  position: number
  /** How many MCs the stack holds. */
  stackSize?: number
}

/** This project's extension on a BadgeClass: the MC metadata OB 2.0 has no field for. */
export interface MicroCredentialExtension {
  '@context': JsonLdContext
  type: string[]
  keyMethod?: string
  researchBasis?: ResearchCitation[]
  supportResources?: SupportResource[]
  developer?: MicroCredentialDeveloper
  stacks?: StackMembership[]
  renewalCredits?: number
  renewalHours?: number
  estimatedHours?: number
  /** `YYYY-MM-DD`. */
  lastReviewDate?: string
  reviewIntervalMonths?: number
}

/** The score given on one rubric criterion. */
export interface RubricResult {
  /** The rubric criterion's identifier (Assessment Extension). */
  criterion: string
  name?: string
  score: number
  maxScore?: number
  /** The quality label of the level reached. */
  level?: string
  feedback?: string
}

/** A person or organisation who scored the evidence. */
export interface Assessor {
  id?: IRI
  name?: string
  url?: string
  email?: string
}

/** This project's extension on an Assertion: rubric results and assessors. */
export interface MicroCredentialResultExtension {
  '@context': JsonLdContext
  type: string[]
  rubricResults: RubricResult[]
  assessors: Assessor[]
  assessedOn?: DateTime
  attempt?: number
}

/** A BadgeClass describing a micro-credential. */
export interface MicroCredentialBadgeClass extends BadgeClass {
  'extensions:AssessmentExtension'?: AssessmentExtension
  'extensions:MicroCredentialExtension'?: MicroCredentialExtension
}

/** An Assertion of a micro-credential. */
export interface MicroCredentialAssertion extends Assertion {
  'extensions:MicroCredentialResultExtension'?: MicroCredentialResultExtension
}
