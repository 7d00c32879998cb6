import { z } from 'zod'
import { datasetSummarySchema } from '../domain/datasets'
import { idSchema } from '../domain/ids'
import { conversationSchema } from '../domain/conversation'
import {
  modelParamsSchema,
  modelRefSchema,
  promptDetailSchema,
  promptMessageSchema,
  promptSummarySchema,
  promptVersionSchema,
} from '../domain/prompts'
import {
  approvalSchema,
  environmentSchema,
  gateCheckSchema,
  historyEntrySchema,
  importTargetSchema,
  previewSchema,
} from '../domain/registry'
import {
  caseFieldsSchema,
  casePatchSchema,
  datasetCasePageSchema,
  datasetCaseSchema,
  datasetDetailSchema,
  datasetSnapshotSchema,
  duplicateGroupSchema,
  snapshotDiffSchema,
} from '../domain/datasets'
import { importFileSchema, importPreviewSchema, importSummarySchema } from '../domain/dataset-import'
import { columnMappingSchema } from '../domain/dataset-mapping'
import { appStatusSchema } from '../domain/workspace'
import { providerMethods } from './methods-providers'
import { runMethods } from './methods-runs'
import { baselineMethods } from './methods-baselines'
import { bundleMethods } from './methods-bundles'
import { compareMethods } from './methods-compare'
import { correctionMethods } from './methods-corrections'
import { pairwiseMethods } from './methods-pairwise'
import { productionMethods } from './methods-production'
import { reviewMethods } from './methods-review'
import { scorecardMethods } from './methods-scorecard'
import { playgroundMethods } from './methods-playground'
// Area E (issue 22): the first-run guide.
import { guideMethods } from './methods-guide'
// Issue 22 · B: generated cases.
import { generateMethods } from './methods-generate'
import { scoringMethods } from './methods-scoring'
import type { MethodName } from './names'
import type { TableName } from './tables'

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I
  output: O
  /** Tables a successful call writes; the core announces them in one `db.changed` event. */
  writes?: readonly TableName[]
  /**
   * Tables the answer is read from: a screen showing it is stale once a `db.changed` names one of them.
   * Checked against the SQL each handler really runs (tests/unit/core/contract/reads.test.ts).
   */
  reads?: readonly TableName[]
}

function method<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  return spec
}

const empty = z.object({}).strict()
/** A prompt, its versions and which version each environment serves. */
const promptReads = ['prompts', 'prompt_versions', 'prompt_environments'] as const

export const methods = {
  'app.status': method({ input: empty, output: appStatusSchema }),
  'prompts.list': method({ input: empty, output: z.array(promptSummarySchema), reads: promptReads }),
  'prompts.get': method({
    input: z.object({ id: idSchema, versionNumber: z.number().int().positive().optional() }).strict(),
    output: promptDetailSchema,
    reads: promptReads,
  }),
  'prompts.saveVersion': method({
    input: z
      .object({
        promptId: idSchema,
        /** The version the edit started from; saving on top of a newer one is a conflict, not a silent overwrite. */
        baseVersionId: idSchema,
        messages: z.array(promptMessageSchema).min(1, 'A prompt needs at least one message'),
        model: modelRefSchema.optional(),
        params: modelParamsSchema.optional(),
        message: z.string().trim().min(1, 'Describe the change in a commit message').max(500),
        allowNewVariables: z.boolean().optional(),
      })
      .strict(),
    output: promptVersionSchema,
    writes: ['prompt_versions', 'audit_log'],
  }),
  'prompts.create': method({
    input: z
      .object({
        name: z.string().trim().min(1, 'Give the prompt a name').max(120),
        description: z.string().max(2000).default(''),
        owner: z.string().max(200).optional(),
        messages: z.array(promptMessageSchema).min(1, 'A prompt needs at least one message'),
        model: modelRefSchema,
        params: modelParamsSchema.default({}),
        message: z.string().trim().min(1, 'Describe the first version in a commit message').max(500),
        allowNewVariables: z.boolean().optional(),
      })
      .strict(),
    output: promptDetailSchema,
    writes: ['prompts', 'prompt_versions', 'audit_log'],
  }),
  'prompts.updateDetails': method({
    input: z
      .object({
        promptId: idSchema,
        description: z.string().max(2000).optional(),
        owner: z.string().max(200).optional(),
      })
      .strict(),
    output: promptSummarySchema,
    writes: ['prompts', 'audit_log'],
  }),
  'prompts.history': method({
    input: z.object({ promptId: idSchema }).strict(),
    output: z.array(historyEntrySchema),
    // Versions, approvals, environment moves and the audit log.
    reads: [...promptReads, 'approvals', 'audit_log'],
  }),
  'prompts.preview': method({
    input: z
      .object({
        messages: z.array(promptMessageSchema),
        model: modelRefSchema,
        params: modelParamsSchema.default({}),
        vars: z.record(z.string(), z.string()).default({}),
        /** Fills `{{case.key}}`: the picked case's key, or a value typed for it. */
        caseKey: z.string().nullable().default(null),
        /** The picked case's conversation turns, shown where the version's placeholder is. */
        conversation: conversationSchema.optional(),
      })
      .strict(),
    output: previewSchema,
  }),
  'prompts.checkPromotion': method({
    input: z.object({ promptId: idSchema, versionId: idSchema, env: environmentSchema }).strict(),
    output: gateCheckSchema,
    // The eval gate is the newest stored gate result of a run of this version.
    reads: [...promptReads, 'approvals', 'gate_results', 'runs'],
  }),
  'prompts.approve': method({
    input: z
      .object({
        promptId: idSchema,
        versionId: idSchema,
        env: environmentSchema,
        comment: z.string().trim().min(1, 'Say what you checked before approving').max(1000),
      })
      .strict(),
    output: approvalSchema,
    writes: ['approvals', 'audit_log'],
  }),
  'prompts.promote': method({
    input: z
      .object({
        promptId: idSchema,
        versionId: idSchema,
        env: environmentSchema,
        reason: z.string().trim().min(1, 'Say why this version is promoted').max(1000),
        /** Promote although the eval gate is not passed; recorded with the promotion. */
        overrideGateReason: z.string().trim().min(1).max(1000).optional(),
      })
      .strict(),
    output: promptDetailSchema,
    writes: ['prompt_environments', 'audit_log'],
  }),
  'prompts.rollback': method({
    input: z
      .object({
        promptId: idSchema,
        env: environmentSchema,
        toVersionId: idSchema,
        reason: z.string().trim().min(1, 'Say why you roll back').max(1000),
      })
      .strict(),
    output: promptDetailSchema,
    writes: ['prompt_environments', 'audit_log'],
  }),
  'prompts.exportVersion': method({
    input: z.object({ promptId: idSchema, versionNumber: z.number().int().positive() }).strict(),
    output: z.object({ fileName: z.string(), content: z.string() }),
  }),
  'prompts.import': method({
    input: z
      .object({
        fileName: z.string().min(1).max(260),
        content: z.string().max(5_000_000, 'Prompt files over 5 MB are not accepted'),
        target: importTargetSchema,
        message: z.string().trim().max(500).optional(),
        allowNewVariables: z.boolean().optional(),
      })
      .strict(),
    output: promptDetailSchema,
    writes: ['prompts', 'prompt_versions', 'audit_log'],
  }),
  'datasets.list': method({
    input: empty,
    output: z.array(datasetSummarySchema),
    reads: ['datasets', 'dataset_cases', 'dataset_snapshots'],
  }),
  'datasets.cases': method({
    input: z
      .object({
        datasetId: idSchema,
        /** Read a snapshot instead of the working copy. */
        snapshotId: idSchema.optional(),
        offset: z.number().int().nonnegative().default(0),
        limit: z.number().int().positive().max(500).default(100),
        /** Full-text search over key, variables, expected values and notes (case-insensitive). */
        search: z.string().max(500).optional(),
        /** Cases must carry every one of these tags. */
        tags: z.array(z.string()).max(50).optional(),
      })
      .strict(),
    output: datasetCasePageSchema,
    reads: ['datasets', 'dataset_cases', 'dataset_snapshots', 'dataset_snapshot_cases', 'case_revisions'],
  }),
  'datasets.get': method({
    input: z.object({ id: idSchema }).strict(),
    output: datasetDetailSchema,
    reads: ['datasets', 'dataset_cases', 'dataset_snapshots'],
  }),
  'datasets.create': method({
    input: z
      .object({
        name: z.string().trim().min(1, 'Give the dataset a name').max(120),
        description: z.string().max(2000).default(''),
      })
      .strict(),
    output: datasetDetailSchema,
    writes: ['datasets', 'audit_log'],
  }),
  'datasets.update': method({
    input: z
      .object({
        id: idSchema,
        name: z.string().trim().min(1).max(120).optional(),
        description: z.string().max(2000).optional(),
      })
      .strict(),
    output: datasetDetailSchema,
    writes: ['datasets', 'audit_log'],
  }),
  'datasets.delete': method({
    input: z.object({ id: idSchema }).strict(),
    output: z.object({ deleted: z.literal(true) }),
    writes: ['datasets', 'dataset_cases', 'dataset_snapshots', 'audit_log'],
  }),
  'datasets.importPreview': method({
    input: importFileSchema
      .extend({
        mapping: columnMappingSchema.optional(),
        excludeRows: z.array(z.number().int().positive()).max(100_000).optional(),
        /** Variables of the prompt this dataset feeds, to suggest which column is which. */
        knownVariables: z.array(z.string()).max(500).optional(),
      })
      .strict(),
    output: importPreviewSchema,
  }),
  'datasets.importCommit': method({
    input: importFileSchema
      .extend({
        mapping: columnMappingSchema,
        excludeRows: z.array(z.number().int().positive()).max(100_000).default([]),
        target: z.discriminatedUnion('kind', [
          z.object({
            kind: z.literal('new'),
            name: z.string().trim().min(1).max(120),
            description: z.string().max(2000).default(''),
          }),
          z.object({ kind: z.literal('existing'), datasetId: idSchema, mode: z.enum(['append', 'replace']) }),
        ]),
      })
      .strict(),
    /** The dataset after the import, and what the import did (always present from the core). */
    output: datasetDetailSchema.extend({ imported: importSummarySchema.optional() }),
    writes: ['datasets', 'dataset_cases', 'audit_log'],
  }),
  'datasets.export': method({
    input: z
      .object({ datasetId: idSchema, snapshotId: idSchema.optional(), format: z.enum(['csv', 'jsonl']) })
      .strict(),
    output: z.object({ fileName: z.string(), content: z.string(), caseCount: z.number().int() }),
  }),
  'datasets.snapshot': method({
    input: z.object({ datasetId: idSchema, message: z.string().trim().max(500).default('') }).strict(),
    output: datasetSnapshotSchema,
    writes: ['dataset_snapshots', 'audit_log'],
  }),
  'datasets.diffSnapshots': method({
    input: z
      .object({
        datasetId: idSchema,
        from: idSchema,
        /** A snapshot id, or 'working' for the current working copy. */
        to: z.union([idSchema, z.literal('working')]),
      })
      .strict(),
    output: snapshotDiffSchema,
    /** Corrected expected values are read from their audit entries. */
    reads: [
      'datasets',
      'dataset_cases',
      'dataset_snapshots',
      'dataset_snapshot_cases',
      'case_revisions',
      'audit_log',
    ],
  }),
  'datasets.duplicates': method({
    input: z.object({ datasetId: idSchema, threshold: z.number().min(0.5).max(1).default(0.85) }).strict(),
    output: z.array(duplicateGroupSchema),
    reads: ['datasets', 'dataset_cases', 'dataset_snapshots'],
  }),
  'datasets.createFromCases': method({
    input: z
      .object({
        sourceDatasetId: idSchema,
        caseIds: z.array(idSchema).min(1, 'Choose at least one case').max(100_000),
        name: z.string().trim().min(1).max(120),
        description: z.string().max(2000).default(''),
      })
      .strict(),
    output: datasetDetailSchema,
    writes: ['datasets', 'dataset_cases', 'audit_log'],
  }),
  'cases.add': method({
    input: z.object({ datasetId: idSchema, fields: caseFieldsSchema.partial({ key: true }) }).strict(),
    output: datasetCaseSchema,
    writes: ['datasets', 'dataset_cases', 'audit_log'],
  }),
  'cases.update': method({
    input: z.object({ caseId: idSchema, patch: casePatchSchema }).strict(),
    output: datasetCaseSchema,
    writes: ['datasets', 'dataset_cases', 'audit_log'],
  }),
  'cases.duplicate': method({
    input: z.object({ caseIds: z.array(idSchema).min(1).max(10_000) }).strict(),
    output: z.array(datasetCaseSchema),
    writes: ['datasets', 'dataset_cases', 'audit_log'],
  }),
  'cases.delete': method({
    input: z.object({ caseIds: z.array(idSchema).min(1).max(100_000) }).strict(),
    output: z.object({ deleted: z.number().int() }),
    writes: ['datasets', 'dataset_cases', 'audit_log'],
  }),
  'cases.tag': method({
    input: z
      .object({
        caseIds: z.array(idSchema).min(1).max(100_000),
        add: z.array(z.string().trim().min(1).max(200)).default([]),
        remove: z.array(z.string().trim().min(1).max(200)).default([]),
      })
      .strict(),
    output: z.object({ updated: z.number().int() }),
    writes: ['datasets', 'dataset_cases', 'audit_log'],
  }),
  ...correctionMethods,
  ...runMethods,
  ...providerMethods,
  ...scoringMethods,
  ...reviewMethods,
  ...compareMethods,
  ...pairwiseMethods,
  ...baselineMethods,
  ...bundleMethods,
  ...productionMethods,
  ...scorecardMethods,
  ...playgroundMethods,
  ...guideMethods,
  // Issue 22 · B: generated cases.
  ...generateMethods,
} satisfies Record<MethodName, MethodSpec>

export type Methods = typeof methods
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>
export type ParsedInput<M extends MethodName> = z.output<Methods[M]['input']>
