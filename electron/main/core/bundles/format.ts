/**
 * The baseline folder a team keeps in git, `<folder>/<prompt-slug>/`: the one format the exporter writes,
 * the importer and `verify` read, and sign-offs sign. Every JSON file is canonicalJsonPretty (sorted keys,
 * two-space indent, LF, trailing newline); every JSONL line is canonicalJson. Nothing in any file depends on
 * the machine, the workspace's ids or the time of export, so export → import → export is byte-identical.
 *
 * Layout (paths relative to the prompt folder):
 *   prompt.json              the prompt, every version, which versions are in staging and prod
 *   dataset.jsonl            the cases of the baseline's dataset snapshot, in snapshot order
 *   rubric.json              the rubrics the suite's judge and human scorers use (by key and version)
 *   gates.json               the eval suite: scorers and gate rules (rubrics referenced by key + version)
 *   baseline/baseline.json   which version × model on which dataset snapshot, who set it, the run's record
 *   baseline/results.jsonl   one line per result of the baseline slice with its scores
 *   baseline/summary.md      the baseline's metrics for people (generated from the two files above)
 *   signoffs.json            sign-offs of this baseline content, with signatures
 *   manifest.json            "sha256:<hex>" of every other file
 */
import { z } from 'zod'
import { ownRecord } from '../../../../shared/lib/own-record'
import {
  cannedToolResultsSchema,
  conversationSchema,
  toolCallSchema,
  toolStepSchema,
} from '../../../../shared/domain/conversation'
import { fileHashesSchema, signatureSchema, type FileHashes } from '../../../../shared/domain/bundles'
import { modelParamsSchema, modelRefSchema, promptMessageSchema } from '../../../../shared/domain/prompts'
import {
  assertionsScorerConfigSchema,
  codeScorerConfigSchema,
  formatCheckSchema,
  gateRuleSchema,
  rubricDraftSchema,
  ruleSchema,
  scoreSourceSchema,
} from '../../../../shared/domain/scoring'
import { canonicalJson } from '../../../../shared/lib/canonical-json'

export const bundlePaths = {
  prompt: 'prompt.json',
  dataset: 'dataset.jsonl',
  rubrics: 'rubric.json',
  gates: 'gates.json',
  baseline: 'baseline/baseline.json',
  results: 'baseline/results.jsonl',
  summary: 'baseline/summary.md',
  signoffs: 'signoffs.json',
  manifest: 'manifest.json',
} as const
export type BundlePath = (typeof bundlePaths)[keyof typeof bundlePaths]

/**
 * The files a sign-off signs. prompt.json is left out because its staging/prod pointers move with every
 * promotion; the baseline's own version is pinned by its content hash in baseline/baseline.json instead.
 */
export const signedPaths: readonly BundlePath[] = [
  bundlePaths.dataset,
  bundlePaths.rubrics,
  bundlePaths.gates,
  bundlePaths.baseline,
  bundlePaths.results,
  bundlePaths.summary,
]

/** Every file but the manifest, in manifest order (sorted). */
export const manifestPaths: readonly BundlePath[] = [
  bundlePaths.baseline,
  bundlePaths.results,
  bundlePaths.summary,
  bundlePaths.dataset,
  bundlePaths.gates,
  bundlePaths.prompt,
  bundlePaths.rubrics,
  bundlePaths.signoffs,
]

/** The whole folder in memory: relative path → exact bytes (UTF-8 text, LF). */
export type BundleFiles = ReadonlyMap<BundlePath, string>

const sha256Ref = z.string().regex(/^sha256:[0-9a-f]{64}$/)
const time = z.string().min(1)

/** "Ticket triage" → "ticket-triage": the prompt folder's name. */
export function promptSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
  return slug || 'prompt'
}

// ── prompt.json ────────────────────────────────────────────────────────────────────────────────────
export const bundleVersionSchema = z
  .object({
    number: z.number().int().positive(),
    author: z.string(),
    message: z.string(),
    createdAt: time,
    /** The registry's contentHash of { messages, model, params }; checked on import and by verify. */
    contentHash: z.string().min(1),
    messages: z.array(promptMessageSchema),
    model: modelRefSchema,
    params: modelParamsSchema,
  })
  .strict()
export type BundleVersion = z.infer<typeof bundleVersionSchema>

export const promptFileSchema = z
  .object({
    format: z.literal('evallab.prompt'),
    version: z.literal(1),
    name: z.string().min(1),
    description: z.string(),
    owner: z.string(),
    environments: z
      .object({
        staging: z.number().int().positive().nullable(),
        prod: z.number().int().positive().nullable(),
      })
      .strict(),
    /** Every version, numbers 1…n in order. */
    versions: z.array(bundleVersionSchema).min(1),
  })
  .strict()
export type PromptFile = z.infer<typeof promptFileSchema>

// ── dataset.jsonl (one line per case) ─────────────────────────────────────────────────────────────
export const datasetLineSchema = z
  .object({
    key: z.string().min(1),
    vars: ownRecord(z.string(), z.string()),
    expected: ownRecord(z.string(), z.unknown()),
    expectedOutput: z.string().nullable(),
    tags: z.array(z.string()),
    notes: z.string(),
    /** Written only for a case that has them, so a single-turn dataset keeps its bytes (and hash). */
    conversation: conversationSchema.optional(),
    toolResults: cannedToolResultsSchema.optional(),
  })
  .strict()
export type DatasetLine = z.infer<typeof datasetLineSchema>

// ── rubric.json ───────────────────────────────────────────────────────────────────────────────────
export const bundleRubricSchema = rubricDraftSchema.extend({ version: z.number().int().positive() }).strict()
export const rubricsFileSchema = z
  .object({
    format: z.literal('evallab.rubrics'),
    version: z.literal(1),
    /** Sorted by key, then version. */
    rubrics: z.array(bundleRubricSchema),
  })
  .strict()
export type RubricsFile = z.infer<typeof rubricsFileSchema>

// ── gates.json ────────────────────────────────────────────────────────────────────────────────────
/** A rubric named portably: the workspace's rubric ids never appear in a file. */
export const rubricRefSchema = z.object({ key: z.string(), version: z.number().int().positive() }).strict()

export const bundleScorerConfigSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('format'), format: formatCheckSchema }).strict(),
  z.object({ kind: z.literal('rule'), rule: ruleSchema }).strict(),
  z
    .object({
      kind: z.literal('judge'),
      rubric: rubricRefSchema,
      criterionKey: z.string(),
      model: modelRefSchema,
      samples: z.number().int().min(1).max(9),
    })
    .strict(),
  z.object({ kind: z.literal('human'), rubric: rubricRefSchema, criterionKey: z.string() }).strict(),
  /** Code scorers travel with their source: the CLI gate runs them in the same sandbox. */
  codeScorerConfigSchema.strict(),
  assertionsScorerConfigSchema.strict(),
])
export const bundleScorerSchema = z
  .object({ metric: z.string(), label: z.string(), config: bundleScorerConfigSchema })
  .strict()

export const gatesFileSchema = z
  .object({
    format: z.literal('evallab.suite'),
    version: z.literal(1),
    /** The suite's version in the exporting workspace, with who saved it and why. */
    suiteVersion: z.number().int().nonnegative(),
    createdAt: time.nullable(),
    createdBy: z.string().nullable(),
    message: z.string(),
    scorers: z.array(bundleScorerSchema),
    gates: z.array(gateRuleSchema),
  })
  .strict()
export type GatesFile = z.infer<typeof gatesFileSchema>

// ── baseline/baseline.json ─────────────────────────────────────────────────────────────────────────
export const baselineFileSchema = z
  .object({
    format: z.literal('evallab.baseline'),
    version: z.literal(1),
    promptVersion: z.number().int().positive(),
    /** The version's contentHash (also in prompt.json): the signed pin of what was evaluated. */
    promptContentHash: z.string().min(1),
    provider: z.string().min(1),
    modelId: z.string().min(1),
    dataset: z
      .object({
        name: z.string().min(1),
        description: z.string(),
        snapshot: z
          .object({
            number: z.number().int().positive(),
            message: z.string(),
            createdAt: time,
            createdBy: z.string(),
            caseCount: z.number().int().nonnegative(),
            /**
             * sha256Ref of dataset.jsonl's bytes (checked on import). Not the workspace's snapshot hash: that
             * one covers case ids, which no file carries, so it differs in every workspace.
             */
            contentHash: z.string().min(1),
          })
          .strict(),
      })
      .strict(),
    run: z
      .object({
        name: z.string().min(1),
        createdAt: time,
        createdBy: z.string(),
        finishedAt: time.nullable(),
        /** Per-model prices the costs were computed with, as frozen in the run. */
        priceTable: z.record(z.string(), z.unknown()),
      })
      .strict(),
    setBy: z.string(),
    setAt: time,
    note: z.string(),
  })
  .strict()
export type BaselineFile = z.infer<typeof baselineFileSchema>

// ── baseline/results.jsonl (one line per result of the baseline slice) ─────────────────────────────
export const resultScoreSchema = z
  .object({
    value: z.number().min(0).max(1).nullable(),
    raw: z.number().nullable(),
    passed: z.boolean().nullable(),
    reason: z.string(),
    source: scoreSourceSchema,
  })
  .strict()

/** Sorted by case key, then repeat. */
export const resultLineSchema = z
  .object({
    case: z.string().min(1),
    repeat: z.number().int().nonnegative(),
    output: z.string().nullable(),
    finishReason: z.string().nullable(),
    error: z.object({ kind: z.string(), message: z.string() }).strict().nullable(),
    inputTokens: z.number().int().nonnegative().nullable(),
    outputTokens: z.number().int().nonnegative().nullable(),
    cachedTokens: z.number().int().nonnegative().nullable(),
    costUsd: z.number().nonnegative().nullable(),
    ttftMs: z.number().nonnegative().nullable(),
    totalMs: z.number().nonnegative().nullable(),
    attempts: z.number().int().nonnegative(),
    /**
     * The answer's tool calls (arguments as the exact text) and each step of a tool loop. Written only when
     * the answer has calls / the result has steps, so a result without them keeps the bytes it had before
     * (and a bundle written before tool calls existed imports as results with none).
     */
    toolCalls: z.array(toolCallSchema.strict()).min(1).optional(),
    steps: z.array(toolStepSchema).optional(),
    /** Metric → score (the suite's scorers; human scores as merged from review). */
    scores: z.record(z.string(), resultScoreSchema),
  })
  .strict()
export type ResultLine = z.infer<typeof resultLineSchema>

// ── signoffs.json ─────────────────────────────────────────────────────────────────────────────────
export const signoffEntrySchema = z
  .object({
    name: z.string().min(1),
    role: z.string().min(1),
    signedAt: time,
    comment: z.string(),
    runContentHash: sha256Ref,
    /** The signedPaths' hashes at sign-off: verify names the file that changed since. */
    files: fileHashesSchema,
    signature: signatureSchema.nullable(),
  })
  .strict()
export type SignoffEntry = z.infer<typeof signoffEntrySchema>

export const signoffsFileSchema = z
  .object({
    format: z.literal('evallab.signoffs'),
    version: z.literal(1),
    /** Sorted by signedAt, then name, then role. */
    signoffs: z.array(signoffEntrySchema),
  })
  .strict()
export type SignoffsFile = z.infer<typeof signoffsFileSchema>

// ── manifest.json ─────────────────────────────────────────────────────────────────────────────────
export const manifestFileSchema = z
  .object({
    format: z.literal('evallab.manifest'),
    version: z.literal(1),
    prompt: z.string().min(1),
    files: fileHashesSchema,
  })
  .strict()
export type ManifestFile = z.infer<typeof manifestFileSchema>

// ── The signed statement ──────────────────────────────────────────────────────────────────────────
/**
 * The exact bytes an Ed25519 sign-off signature covers: who, when, in which role, what comment, and the
 * hashes of the signed files (results.jsonl's hash is the run content hash).
 */
export function signoffStatement(
  promptName: string,
  entry: Pick<SignoffEntry, 'name' | 'role' | 'signedAt' | 'comment' | 'runContentHash'> & {
    files: FileHashes
  },
): Buffer {
  return Buffer.from(
    canonicalJson({
      format: 'evallab.signoff-statement',
      version: 1,
      prompt: promptName,
      name: entry.name,
      role: entry.role,
      signedAt: entry.signedAt,
      comment: entry.comment,
      runContentHash: entry.runContentHash,
      files: entry.files,
    }),
    'utf8',
  )
}
