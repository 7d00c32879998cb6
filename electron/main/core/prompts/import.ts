import type { z } from 'zod'
import { AppError } from '../../../../shared/contract'
import type { ModelParams, ModelRef, PromptMessage, PromptVersion } from '../../../../shared/domain/prompts'
import type { importTargetSchema } from '../../../../shared/domain/registry'
import type { CoreContext } from '../context'
import { requireLatest, requirePrompt } from './detail'
import { parsePromptFile, type ParsedPromptFile } from './files'
import { contentHash } from './hash'
import { createPrompt } from './registry'
import { appendVersion, type AppendOptions } from './versions'

export interface ImportInput {
  fileName: string
  content: string
  target: z.infer<typeof importTargetSchema>
  message?: string | undefined
  allowNewVariables?: boolean | undefined
}

interface ImportedContent {
  messages: PromptMessage[]
  model: ModelRef | null
  params: ModelParams | null
  description: string
  defaultMessage: string
  audit: Record<string, unknown>
}

/**
 * Imports one prompt file as a new prompt or as the next version of an existing one. Runs inside the
 * caller's write transaction; any refusal names the file and leaves nothing stored.
 */
export function importPromptFile(ctx: CoreContext, input: ImportInput): PromptVersion {
  try {
    const imported = importedContent(input.fileName, parsePromptFile(input.fileName, input.content))
    const message = input.message?.trim() || imported.defaultMessage
    const options: AppendOptions = {
      allowNewVariables: input.allowNewVariables ?? false,
      audit: { action: 'version.imported', details: imported.audit },
    }
    return input.target.kind === 'new'
      ? importAsNew(ctx, { ...input.target, imported, message }, options)
      : importOnTop(ctx, { ...input.target, imported, message }, options)
  } catch (error) {
    throw namingFile(input.fileName, error)
  }
}

function importedContent(fileName: string, parsed: ParsedPromptFile): ImportedContent {
  if (parsed.format !== 'evallab') {
    return {
      messages: parsed.messages,
      model: null,
      params: null,
      description: '',
      defaultMessage: `Imported from ${fileName} (promptfoo ${parsed.format === 'promptfoo-chat' ? 'chat' : 'text'})`,
      audit: { fileName, format: parsed.format },
    }
  }
  const { prompt, version } = parsed.file
  return {
    messages: version.messages,
    model: version.model,
    params: version.params,
    description: prompt.description,
    defaultMessage: `Imported from ${fileName} (v${version.number} of "${prompt.name}")`,
    audit: { fileName, format: 'evallab', sourceVersionId: version.id, sourceHash: version.contentHash },
  }
}

function importAsNew(
  ctx: CoreContext,
  input: { name: string; model?: ModelRef | undefined; imported: ImportedContent; message: string },
  options: AppendOptions,
): PromptVersion {
  const { imported } = input
  // A file that pins a model keeps it, so the imported version hashes exactly like the exported one.
  const model = imported.model ?? input.model
  if (!model) {
    throw new AppError(
      'INVALID_INPUT',
      'This file pins no model: choose the model to pin for the new prompt',
      {
        field: 'target.model',
      },
    )
  }
  const draft = {
    name: input.name,
    description: imported.description,
    messages: imported.messages,
    model,
    params: imported.params ?? {},
    message: input.message,
  }
  return createPrompt(ctx, draft, options)
}

function importOnTop(
  ctx: CoreContext,
  input: { promptId: string; baseVersionId: string; imported: ImportedContent; message: string },
  options: AppendOptions,
): PromptVersion {
  const prompt = requirePrompt(ctx.repos, input.promptId)
  const latest = requireLatest(ctx.repos, prompt, input.baseVersionId)
  // promptfoo files carry only messages: the model and parameters the prompt runs with now stay pinned.
  const content = {
    messages: input.imported.messages,
    model: input.imported.model ?? latest.model,
    params: input.imported.params ?? latest.params,
  }
  if (contentHash(content) === latest.contentHash) {
    throw new AppError('INVALID_INPUT', `is identical to v${latest.number}: no new version was created`)
  }
  const draft = {
    promptId: prompt.id,
    ...content,
    author: ctx.user,
    message: input.message,
    createdAt: ctx.now(),
  }
  return appendVersion(ctx.repos, draft, options)
}

/** Validation errors raised while storing (empty message, template syntax, unknown variable) name the file too. */
function namingFile(fileName: string, error: unknown): unknown {
  if (!(error instanceof AppError) || error.code !== 'INVALID_INPUT') return error
  if (error.message.startsWith(`"${fileName}"`)) return error
  const separator = error.message.startsWith('is ') ? ' ' : ': '
  return new AppError('INVALID_INPUT', `"${fileName}"${separator}${error.message}`, error.details)
}
