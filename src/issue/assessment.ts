/**
 * Builds the 1EdTech Assessment Extension (rubric and evidence requirements) of a micro-credential.
 * Rubric, criterion and level identifiers default to name-based UUIDs derived from the badge id and their
 * position, so defining the same MC twice gives the same identifiers (assertions refer to them).
 */
import { ASSESSMENT_CONTEXT_URL, ASSESSMENT_EXTENSION } from '../jsonld/urls.js'
import type { AssessmentExtension, AssessmentObject, AssessmentQuestion, Rubric, RubricCriterion, RubricCriterionLevel } from '../model/microcredential.js'
import { nameUuid } from './ids.js'
import type { InputChecker } from './input.js'

/** One level of a rubric criterion (a rubric cell). */
export interface RubricLevelDefinition {
  id?: string
  description: string
  /** The label of the level, e.g. "Proficient". */
  quality?: string
  score?: number
  feedback?: string
}

/** One rubric criterion (a row). */
export interface RubricCriterionDefinition {
  id?: string
  description: string
  category?: string
  weight?: number
  caseUri?: string
  levels?: RubricLevelDefinition[]
}

/** The scoring rubric of an MC. */
export interface RubricDefinition {
  id?: string
  title: string
  caseUri?: string
  criteria: RubricCriterionDefinition[]
}

/** One piece of evidence the earner must submit (an Assessment Extension question). */
export interface EvidenceRequirement {
  /** What to submit, e.g. "A 10-minute video of a lesson using think-alouds". */
  text: string
  /** `file` (default): an upload; `text`: written response; `external`: a link. */
  kind?: 'file' | 'text' | 'external'
  required?: boolean
  wordLimit?: number
  characterLimit?: number
  url?: string
  /** 1-based position of the rubric criterion this evidence is scored against. */
  criterion?: number
}

/** How the MC is assessed: the Assessment Extension, in plain terms. */
export interface AssessmentDefinition {
  /** Default `Performance` (evidence from practice). */
  type?: 'Performance' | 'Artifact' | 'Exam'
  description?: string
  /** The key features of the evidence produced (e.g. "lesson plan, classroom video, reflection"). */
  assessmentOutput: string
  /** How the evidence is scored. */
  evaluationMethod: string
  groupParticipation?: boolean
  groupEvaluation?: boolean
  assessmentExample?: string
  scoringMethodExampleDescription?: string
  assessmentEvaluation?: string
  /** Title of the evidence section. Default "Submission requirements". */
  sectionTitle?: string
  evidence: EvidenceRequirement[]
  rubric: RubricDefinition
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const QUESTION_TYPES = { file: 'FileQuestion', text: 'TextQuestion', external: 'ExternalQuestion' } as const

function uuidOr(c: InputChecker, value: unknown, path: string, name: string): string {
  if (value === undefined) return nameUuid(name)
  if (typeof value !== 'string' || !UUID.test(value)) {
    c.add('INPUT_INVALID', path, `${path} must be a lowercase UUID (8-4-4-4-12)`)
    return nameUuid(name)
  }
  return value
}

/** Checks and builds the extension; problems go to `c` (paths under `/assessment`). */
export function buildAssessment(c: InputChecker, input: unknown, badgeId: string): AssessmentExtension | undefined {
  const a = c.object(input, '/assessment', true)
  if (!a) return undefined
  const type = a.type ?? 'Performance'
  if (!['Performance', 'Artifact', 'Exam'].includes(type as string)) c.add('INPUT_INVALID', '/assessment/type', 'type must be Performance, Artifact or Exam')
  const output = c.text(a.assessmentOutput, '/assessment/assessmentOutput', true)
  const method = c.text(a.evaluationMethod, '/assessment/evaluationMethod', true)
  const description = c.text(a.description, '/assessment/description')
  const group = c.boolean(a.groupParticipation, '/assessment/groupParticipation') ?? false
  const groupEval = c.boolean(a.groupEvaluation, '/assessment/groupEvaluation') ?? false
  const example = c.url(a.assessmentExample, '/assessment/assessmentExample')
  const scoringExample = c.text(a.scoringMethodExampleDescription, '/assessment/scoringMethodExampleDescription')
  const evaluation = c.url(a.assessmentEvaluation, '/assessment/assessmentEvaluation')
  const sectionTitle = c.text(a.sectionTitle, '/assessment/sectionTitle') ?? 'Submission requirements'

  const rubric = buildRubric(c, a.rubric, badgeId)
  const evidence = c.list(a.evidence, '/assessment/evidence', true)
  if (Array.isArray(a.evidence) && a.evidence.length === 0) c.add('INPUT_REQUIRED', '/assessment/evidence', 'list at least one evidence requirement')
  const questions: AssessmentQuestion[] = []
  evidence.forEach((item, i) => {
    const p = `/assessment/evidence/${i}`
    const e = c.object(item, p)
    if (!e) return
    const text = c.text(e.text, `${p}/text`, true)
    const kind = (e.kind ?? 'file') as string
    if (!(kind in QUESTION_TYPES)) c.add('INPUT_INVALID', `${p}/kind`, 'kind must be file, text or external')
    const q: AssessmentQuestion = { type: QUESTION_TYPES[kind as keyof typeof QUESTION_TYPES] ?? 'FileQuestion', text: text ?? '' }
    q.required = c.boolean(e.required, `${p}/required`) ?? true
    const words = c.number(e.wordLimit, `${p}/wordLimit`, { integer: true, min: 1 })
    if (words !== undefined) q.wordLimit = words
    const chars = c.number(e.characterLimit, `${p}/characterLimit`, { integer: true, min: 1 })
    if (chars !== undefined) q.characterLimit = chars
    const url = c.url(e.url, `${p}/url`)
    if (url !== undefined) q.url = url
    const criterion = c.number(e.criterion, `${p}/criterion`, { integer: true, min: 1 })
    if (criterion !== undefined && rubric) {
      const target = asList(rubric.rubricCriteria)[criterion - 1]
      if (target) q.rubricId = target.identifier
      else c.add('RUBRIC_CRITERION_UNKNOWN', `${p}/criterion`, `the rubric has no criterion #${criterion}`)
    }
    questions.push(q)
  })

  const assessment: AssessmentObject = {
    type: type as AssessmentObject['type'],
    description: description ?? 'Performance assessment of evidence from the educator’s practice, scored against the rubric.',
    assessmentOutput: output ?? '',
    hasGroupParticipation: group,
    hasGroupEvaluation: groupEval,
    evaluationMethod: method ?? '',
  }
  if (example !== undefined) assessment.assessmentExample = example
  if (scoringExample !== undefined) assessment.scoringMethodExampleDescription = scoringExample
  if (evaluation !== undefined) assessment.assessmentEvaluation = evaluation
  if (rubric) assessment.rubrics = [rubric]
  assessment.sections = [{ title: sectionTitle, required: true, questions, ...(rubric ? { rubricId: rubric.identifier } : {}) }]
  return {
    '@context': ASSESSMENT_CONTEXT_URL,
    type: ['Extension', ASSESSMENT_EXTENSION],
    description: description ?? 'How this micro-credential is assessed: the evidence to submit and the scoring rubric.',
    assessments: [assessment],
  }
}

function buildRubric(c: InputChecker, input: unknown, badgeId: string): Rubric | undefined {
  const r = c.object(input, '/assessment/rubric', true)
  if (!r) return undefined
  const title = c.text(r.title, '/assessment/rubric/title', true)
  const caseUri = c.url(r.caseUri, '/assessment/rubric/caseUri')
  const rubricId = uuidOr(c, r.id, '/assessment/rubric/id', `${badgeId}#rubric`)
  const list = c.list(r.criteria, '/assessment/rubric/criteria', true)
  if (Array.isArray(r.criteria) && r.criteria.length === 0) c.add('INPUT_REQUIRED', '/assessment/rubric/criteria', 'a rubric needs at least one criterion')
  const criteria: RubricCriterion[] = []
  list.forEach((item, i) => {
    const p = `/assessment/rubric/criteria/${i}`
    const cr = c.object(item, p)
    if (!cr) return
    const criterion: RubricCriterion = {
      identifier: uuidOr(c, cr.id, `${p}/id`, `${badgeId}#rubric/criterion/${i + 1}`),
      description: c.text(cr.description, `${p}/description`, true) ?? '',
      position: i + 1,
    }
    const category = c.text(cr.category, `${p}/category`)
    if (category !== undefined) criterion.category = category
    const weight = c.number(cr.weight, `${p}/weight`, { min: 0 })
    if (weight !== undefined) criterion.weight = weight
    const critCase = c.url(cr.caseUri, `${p}/caseUri`)
    if (critCase !== undefined) criterion.caseUri = critCase
    const levels: RubricCriterionLevel[] = []
    c.list(cr.levels, `${p}/levels`).forEach((lv, j) => {
      const lp = `${p}/levels/${j}`
      const l = c.object(lv, lp)
      if (!l) return
      const level: RubricCriterionLevel = {
        identifier: uuidOr(c, l.id, `${lp}/id`, `${badgeId}#rubric/criterion/${i + 1}/level/${j + 1}`),
        description: c.text(l.description, `${lp}/description`, true) ?? '',
        position: j + 1,
      }
      const quality = c.text(l.quality, `${lp}/quality`)
      if (quality !== undefined) level.quality = quality
      const score = c.number(l.score, `${lp}/score`)
      if (score !== undefined) level.score = score
      const feedback = c.text(l.feedback, `${lp}/feedback`)
      if (feedback !== undefined) level.feedback = feedback
      levels.push(level)
    })
    if (levels.length > 0) criterion.criterionLevels = levels
    criteria.push(criterion)
  })
  const rubric: Rubric = { identifier: rubricId, title: title ?? '', rubricCriteria: criteria }
  if (caseUri !== undefined) rubric.caseUri = caseUri
  return rubric
}

export function asList<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value]
}
