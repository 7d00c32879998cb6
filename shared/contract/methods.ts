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
      })
      .strict(),
    output: promptVersionSchema,
    writes: ['prompt_versions', 'audit_log'],
  }),
  'datasets.list': method({ input: empty, output: z.array(datasetSummarySchema) }),
} satisfies Record<MethodName, MethodSpec>

export type Methods = typeof methods
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>
export type ParsedInput<M extends MethodName> = z.output<Methods[M]['input']>
