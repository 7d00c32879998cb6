import { z } from 'zod'
import { idSchema, isoTimeSchema } from './ids'
import { modelRefSchema } from './prompts'

// ── Rubrics ────────────────────────────────────────────────────────────────────────────────────────
const criterionKey = z.string().regex(/^[a-z][a-z0-9_]{0,59}$/, 'Use lower_snake_case keys')

export const rubricScaleSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('pass_fail') }),
  z.object({
    type: z.literal('likert'),
    min: z.number().int(),
    max: z.number().int(),
    /** Label per score, e.g. { "1": "Dangerous", "5": "Matches the guide" }. */
    labels: z.record(z.string(), z.string()).default({}),
  }),
  z.object({
    type: z.literal('labels'),
    /** Ordered worst to best; the score of a label is its index. */
    labels: z.array(z.string().min(1)).min(2).max(10),
  }),
])
export type RubricScale = z.output<typeof rubricScaleSchema>

export const rubricCriterionSchema = z.object({
  key: criterionKey,
  name: z.string().trim().min(1).max(200),
  scale: rubricScaleSchema,
  /** What reviewers and judges read before scoring. */
  guidance: z.string().max(10_000).default(''),
})
export type RubricCriterion = z.output<typeof rubricCriterionSchema>

export const rubricDraftSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9-]{0,59}$/, 'Use lower-case letters, digits and dashes'),
  name: z.string().trim().min(1).max(200),
  description: z.string().max(5_000).default(''),
  criteria: z.array(rubricCriterionSchema).min(1).max(30),
})
export type RubricDraft = z.output<typeof rubricDraftSchema>

/** Rubrics are versioned like prompts: saving a changed rubric adds a version, scores keep theirs. */
export const rubricSchema = rubricDraftSchema.extend({
  id: idSchema,
  version: z.number().int().positive(),
  createdAt: isoTimeSchema,
})
export type Rubric = z.output<typeof rubricSchema>

// ── Scorers ────────────────────────────────────────────────────────────────────────────────────────
const metricName = z
  .string()
  .regex(/^[a-z][a-z0-9_.-]{0,59}$/, 'Use lower-case metric names, e.g. format.json')

/** A path into the output JSON, dot separated ("category", "labels.0"); empty = the whole output text. */
const outputPath = z.string().max(200).default('')

export const formatCheckSchema = z.discriminatedUnion('check', [
  z.object({ check: z.literal('json') }),
  z.object({ check: z.literal('json_schema'), schema: z.record(z.string(), z.unknown()) }),
  /** Against the JSON Schema the result's own prompt version requests as its response format. */
  z.object({ check: z.literal('version_schema') }),
  z.object({
    check: z.literal('regex'),
    pattern: z.string().min(1).max(2_000),
    flags: z.string().max(6).default(''),
  }),
  z.object({
    check: z.literal('length'),
    unit: z.enum(['chars', 'words']).default('chars'),
    min: z.number().int().nonnegative().nullable().default(null),
    max: z.number().int().positive().nullable().default(null),
  }),
])

/** A tool's name in a tool rule; null = any tool. */
const toolName = z.string().trim().min(1).max(64).nullable().default(null)
const expectedField = z.string().trim().min(1).nullable().default(null)

/**
 * Rules on the answer's tool calls (issue 19). Arguments are the exact text the model produced: text that is
 * not JSON is a scored failure with its reason, never "fixed". A rule whose expected field a case lacks leaves
 * that case unscored, as the output rules do.
 */
const toolRuleSchemas = [
  /** Some call's name equals the case's expected field (or `tool`, a literal name). */
  z.object({ op: z.literal('tool_called'), expectedField, tool: toolName }),
  /** Every call (of `tool`, or of any tool) has JSON arguments valid against that tool's schema in the version. */
  z.object({ op: z.literal('tool_args_valid'), tool: toolName }),
  /** An argument of the first call (of `tool`) equals / contains / matches the expected field or literal. */
  z.object({
    op: z.literal('tool_arg'),
    tool: toolName,
    /** Dot path into the call's arguments, e.g. "queue" or "items.0.sku". */
    path: z.string().trim().min(1).max(200),
    compare: z.enum(['equals', 'contains', 'matches']).default('equals'),
    expectedField,
    /** The literal to compare with; for `matches`, a regular expression (from the field or this). */
    value: z.unknown().optional(),
    ignoreCase: z.boolean().default(true),
  }),
  /** The calls' names, in order, are exactly the expected list (a JSON list, or names separated by , or >). */
  z.object({
    op: z.literal('tool_order'),
    expectedField,
    value: z.array(z.string().min(1)).min(1).max(50).optional(),
  }),
  /**
   * No tool is called. With `expectedField`, only cases whose field is true ("true", "yes", 1) are scored:
   * a case that expects a call is the `tool_called` rule's business.
   */
  z.object({ op: z.literal('no_tool_call'), expectedField }),
] as const

/** The literal to compare with, or the case's expected field holding it (one of the two). */
const textAgainst = {
  path: outputPath,
  expectedField: z.string().nullable().default(null),
  value: z.string().optional(),
  ignoreCase: z.boolean().default(true),
}

/**
 * More output checks (issue 20). Similarity scores keep the measure on `raw` (0..1) and pass at `min`, so a
 * pass-rate summary stays a pass rate; text without an expected value leaves the case unscored.
 */
const outputRuleSchemas = [
  z.object({ op: z.literal('not_contains'), ...textAgainst }),
  z.object({ op: z.literal('starts_with'), ...textAgainst }),
  z.object({ op: z.literal('ends_with'), ...textAgainst }),
  /** The output is one of the allowed values (`values`, or the expected field: a JSON list or `a|b|c`). */
  z.object({
    op: z.literal('one_of'),
    path: outputPath,
    expectedField: z.string().nullable().default(null),
    values: z.array(z.string()).min(1).max(500).optional(),
    ignoreCase: z.boolean().default(true),
  }),
  /** A number within `tolerance` of the expected number (absolute, or a share of it when `relative`). */
  z.object({
    op: z.literal('numeric_close'),
    path: outputPath,
    expectedField: z.string().nullable().default(null),
    value: z.number().optional(),
    tolerance: z.number().nonnegative().default(0),
    relative: z.boolean().default(false),
  }),
  /** Text similarity to the expected text: Levenshtein ratio, ROUGE-L F1 or sentence BLEU (0..1). */
  z.object({
    op: z.literal('similarity'),
    path: outputPath,
    measure: z.enum(['levenshtein', 'rouge_l', 'bleu']),
    expectedField: z.string().nullable().default(null),
    value: z.string().optional(),
    min: z.number().min(0).max(1).default(0.8),
  }),
  /** A JSON field is present (`present: true`) or absent in the output; `null` counts as present. */
  z.object({ op: z.literal('json_field'), path: z.string().trim().min(1).max(200), present: z.boolean() }),
] as const

export const ruleSchema = z.discriminatedUnion('op', [
  /** Output field equals the case's expected field (or a literal), after trimming; case-insensitive if asked. */
  z.object({
    op: z.literal('equals'),
    path: outputPath,
    expectedField: z.string().nullable().default(null),
    value: z.unknown().optional(),
    ignoreCase: z.boolean().default(true),
  }),
  z.object({
    op: z.literal('contains'),
    path: outputPath,
    expectedField: z.string().nullable().default(null),
    value: z.string().optional(),
    ignoreCase: z.boolean().default(true),
  }),
  z.object({
    op: z.literal('regex'),
    path: outputPath,
    pattern: z.string().min(1),
    flags: z.string().default(''),
  }),
  z.object({
    op: z.literal('range'),
    path: outputPath,
    min: z.number().nullable().default(null),
    max: z.number().nullable().default(null),
  }),
  ...toolRuleSchemas,
  ...outputRuleSchemas,
])

/** Per-call limits of a code scorer (the sandbox's defaults when omitted). */
export const codeScorerConfigSchema = z.object({
  kind: z.literal('code'),
  /**
   * JavaScript evaluating to a function, or defining `function score(output, context)`:
   * `(output, { vars, expected, toolCalls, metadata }) → boolean | number (0..1) | { score, pass, reason }`.
   */
  source: z.string().trim().min(1).max(100_000),
  timeLimitMs: z.number().int().min(10).max(10_000).default(250),
  memoryLimitMb: z.number().int().min(2).max(256).default(16),
})

/**
 * A case's own promptfoo assertions (kept by a promptfoo import in an expected field), run as promptfoo runs
 * them: weights, the test's threshold, `javascript` in the code sandbox, `llm-rubric` graded by `judgeModel`.
 * The score's raw is the weighted test score; value is 1 when the test passes, 0 when it fails.
 */
export const assertionsScorerConfigSchema = z.object({
  kind: z.literal('assertions'),
  field: z.string().trim().min(1).max(200).default('assertions'),
  /** Grades llm-rubric (and other model-graded) assertions; null leaves a case that has one unscored. */
  judgeModel: modelRefSchema.nullable().default(null),
})

export const scorerConfigSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('format'), format: formatCheckSchema }),
  z.object({ kind: z.literal('rule'), rule: ruleSchema }),
  z.object({
    kind: z.literal('judge'),
    rubricId: idSchema,
    criterionKey: criterionKey,
    model: modelRefSchema,
    /** Several samples for a noisy judge; the score is their median (mean for pass/fail → majority). */
    samples: z.number().int().min(1).max(9).default(1),
  }),
  z.object({ kind: z.literal('human'), rubricId: idSchema, criterionKey: criterionKey }),
  codeScorerConfigSchema,
  assertionsScorerConfigSchema,
])
export type ScorerConfig = z.output<typeof scorerConfigSchema>

export const scorerSchema = z.object({
  /** The metric the scorer produces; gate rules refer to it. */
  metric: metricName,
  label: z.string().trim().min(1).max(200),
  config: scorerConfigSchema,
})
export type Scorer = z.output<typeof scorerSchema>

// ── Gate rules ─────────────────────────────────────────────────────────────────────────────────────
export const gateRuleSchema = z.discriminatedUnion('kind', [
  /** e.g. "format pass rate ≥ 99 %": metric mean (pass rate for pass/fail) at least `min` (0..1 or scale). */
  z.object({ kind: z.literal('min_score'), metric: metricName, min: z.number() }),
  /** e.g. "quality no more than 5 points below baseline": points = percentage points of the 0..1 score. */
  z.object({ kind: z.literal('max_drop'), metric: metricName, maxDropPoints: z.number().nonnegative() }),
  z.object({ kind: z.literal('max_p95_latency_ms'), maxMs: z.number().positive() }),
  z.object({ kind: z.literal('max_cost_per_interaction'), maxUsd: z.number().nonnegative() }),
  z.object({ kind: z.literal('max_error_rate'), max: z.number().min(0).max(1) }),
])
export type GateRule = z.output<typeof gateRuleSchema>

/** A prompt's eval suite: its scorers and gate rules, versioned together and exported as one file. */
export const evalSuiteDraftSchema = z.object({
  scorers: z.array(scorerSchema).max(50),
  gates: z.array(gateRuleSchema).max(50),
})
export type EvalSuiteDraft = z.output<typeof evalSuiteDraftSchema>

export const evalSuiteSchema = evalSuiteDraftSchema.extend({
  promptId: idSchema,
  version: z.number().int().nonnegative(),
  createdAt: isoTimeSchema.nullable(),
  createdBy: z.string().nullable(),
  message: z.string(),
})
export type EvalSuite = z.output<typeof evalSuiteSchema>

// ── Scores and summaries ───────────────────────────────────────────────────────────────────────────
/** Which kind of scorer wrote a score (migration 0016 widened the stored set with code and assertions). */
export const scoreSourceSchema = z.enum(['format', 'rule', 'judge', 'human', 'code', 'assertions'])
export type ScoreSource = z.infer<typeof scoreSourceSchema>

export const scoreSchema = z.object({
  caseId: idSchema,
  promptVersionId: idSchema,
  provider: z.string(),
  modelId: z.string(),
  repeat: z.number().int().nonnegative(),
  metric: z.string(),
  /** Normalised to 0..1 (pass = 1); null when the scorer could not score (e.g. judge call failed). */
  value: z.number().min(0).max(1).nullable(),
  /** The raw score on the criterion's own scale, e.g. 4 on 1–5. */
  raw: z.number().nullable(),
  passed: z.boolean().nullable(),
  reason: z.string(),
  source: scoreSourceSchema,
})
export type Score = z.infer<typeof scoreSchema>

export const intervalSchema = z.object({ low: z.number(), high: z.number() })

export const metricSummarySchema = z.object({
  metric: z.string(),
  label: z.string(),
  kind: z.enum(['pass_rate', 'mean']),
  n: z.number().int().nonnegative(),
  /** Pass rate or mean on 0..1. */
  value: z.number().nullable(),
  ci95: intervalSchema.nullable(),
})
export type MetricSummary = z.infer<typeof metricSummarySchema>

export const sliceKeySchema = z.object({
  promptVersionId: idSchema,
  provider: z.string(),
  modelId: z.string(),
})
export type SliceKey = z.infer<typeof sliceKeySchema>

/** One (prompt version × model) of a run. */
export const sliceSummarySchema = sliceKeySchema.extend({
  versionNumber: z.number().int().positive(),
  results: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  metrics: z.array(metricSummarySchema),
  /** Per tag (segment), e.g. "tier:enterprise". */
  byTag: z.array(z.object({ tag: z.string(), n: z.number().int(), metrics: z.array(metricSummarySchema) })),
  costPerInteractionUsd: z.number().nullable(),
  totalCostUsd: z.number(),
  judgeCostUsd: z.number(),
  latencyP50Ms: z.number().nullable(),
  latencyP95Ms: z.number().nullable(),
  /** The streamed answers P50/P95 are taken over (not failed, not from the cache). */
  latencyN: z.number().int().nonnegative().default(0),
  /** Answers that came through a Batch API: they have no latency, and are left out of P50/P95. */
  batchResults: z.number().int().nonnegative().default(0),
})
export type SliceSummary = z.infer<typeof sliceSummarySchema>

export const runSummarySchema = z.object({
  runId: idSchema,
  suiteVersion: z.number().int().nonnegative(),
  slices: z.array(sliceSummarySchema),
})
export type RunSummary = z.infer<typeof runSummarySchema>

// ── Baselines and gate results ─────────────────────────────────────────────────────────────────────
export const baselineSchema = z.object({
  promptId: idSchema,
  datasetSnapshotId: idSchema,
  runId: idSchema,
  slice: sliceKeySchema,
  setBy: z.string(),
  setAt: isoTimeSchema,
  note: z.string(),
})
export type Baseline = z.infer<typeof baselineSchema>

export const verdictSchema = z.enum(['pass', 'fail', 'inconclusive'])
export type Verdict = z.infer<typeof verdictSchema>

export const ruleOutcomeSchema = z.object({
  rule: gateRuleSchema,
  /** Human-readable, e.g. "format.json pass rate ≥ 99 %". */
  label: z.string(),
  verdict: verdictSchema,
  candidate: z.number().nullable(),
  baseline: z.number().nullable(),
  /** Candidate − baseline on paired cases, with its paired-bootstrap 95 % interval. */
  delta: z.number().nullable(),
  deltaCi95: intervalSchema.nullable(),
  /** Exact paired test: McNemar for pass/fail, Wilcoxon signed-rank for ordinal scores. */
  test: z.object({ name: z.string(), pValue: z.number(), statistic: z.number().nullable() }).nullable(),
  /** Set when the dataset is too small to detect the rule's threshold (minimum detectable effect). */
  warning: z.string().nullable(),
  explanation: z.string(),
  /** The cases that fail the rule (absolute rules) or got worse (relative rules), at most 200. */
  failingCases: z.array(z.object({ caseId: idSchema, caseKey: z.string().nullable(), detail: z.string() })),
})
export type RuleOutcome = z.infer<typeof ruleOutcomeSchema>

export const gateResultSchema = z.object({
  id: idSchema,
  promptId: idSchema,
  promptVersionId: idSchema,
  candidateRunId: idSchema,
  candidate: sliceKeySchema,
  baselineRunId: idSchema.nullable(),
  suiteVersion: z.number().int().nonnegative(),
  verdict: verdictSchema,
  pairedCases: z.number().int().nonnegative(),
  rules: z.array(ruleOutcomeSchema),
  createdAt: isoTimeSchema,
  createdBy: z.string(),
})
export type GateResult = z.infer<typeof gateResultSchema>

// ── Canary ─────────────────────────────────────────────────────────────────────────────────────────
export const canaryPlanSchema = z.object({
  /** Share of the dataset run first, e.g. 0.1. */
  share: z.number().min(0.01).max(0.9),
  seed: z.number().int().default(1),
})
export const canaryStateSchema = z.object({
  share: z.number(),
  phase: z.enum(['sampling', 'stopped', 'continued']),
  sampleSize: z.number().int().nonnegative(),
  /** The gate verdict on the sample that decided the phase. */
  verdict: verdictSchema.nullable(),
  reason: z.string(),
})
export type CanaryState = z.infer<typeof canaryStateSchema>
