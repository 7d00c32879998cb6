import { z } from 'zod'
import { datasetSummarySchema } from '../domain/datasets'
import { idSchema } from '../domain/ids'
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
import { datasetCasePageSchema } from '../domain/datasets'
import { appStatusSchema } from '../domain/workspace'
import type { MethodName } from './names'

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I
  output: O
  /** Tables a successful call writes; the core announces them in one `db.changed` event. */
  writes?: readonly string[]
}

function method<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  return spec
}

const empty = z.object({}).strict()

export const methods = {
  'app.status': method({ input: empty, output: appStatusSchema }),
  'prompts.list': method({ input: empty, output: z.array(promptSummarySchema) }),
  'prompts.get': method({
    input: z.object({ id: idSchema, versionNumber: z.number().int().positive().optional() }).strict(),
    output: promptDetailSchema,
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
  }),
  'prompts.preview': method({
    input: z
      .object({
        messages: z.array(promptMessageSchema),
        model: modelRefSchema,
        params: modelParamsSchema.default({}),
        vars: z.record(z.string(), z.string()).default({}),
      })
      .strict(),
    output: previewSchema,
  }),
  'prompts.checkPromotion': method({
    input: z.object({ promptId: idSchema, versionId: idSchema, env: environmentSchema }).strict(),
    output: gateCheckSchema,
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
  'datasets.list': method({ input: empty, output: z.array(datasetSummarySchema) }),
  'datasets.cases': method({
    input: z
      .object({
        datasetId: idSchema,
        offset: z.number().int().nonnegative().default(0),
        limit: z.number().int().positive().max(500).default(100),
      })
      .strict(),
    output: datasetCasePageSchema,
  }),
} satisfies Record<MethodName, MethodSpec>

export type Methods = typeof methods
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>
export type ParsedInput<M extends MethodName> = z.output<Methods[M]['input']>
