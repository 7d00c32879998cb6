import { AppError } from '../../../../shared/contract'
import type {
  ModelParams,
  ModelRef,
  PromptMessage,
  PromptSummary,
  PromptVersion,
} from '../../../../shared/domain/prompts'
import type { CoreContext } from '../context'
import { newId } from '../ids'
import { requireLatest, requirePrompt } from './detail'
import { contentHash } from './hash'
import { appendVersion, type AppendOptions } from './versions'

// Every function here writes: the caller runs it inside one `.immediate()` transaction.

export interface NewPromptInput {
  name: string
  description: string
  owner?: string | undefined
  messages: PromptMessage[]
  model: ModelRef
  params: ModelParams
  message: string
}

/** A new prompt and its first version; the name is unique regardless of case. */
export function createPrompt(
  ctx: CoreContext,
  input: NewPromptInput,
  options: AppendOptions = {},
): PromptVersion {
  const name = input.name.trim()
  const existing = ctx.repos.prompts.findByName(name)
  if (existing) {
    throw new AppError('CONFLICT', `A prompt named "${existing.name}" already exists: choose another name`, {
      field: 'name',
      promptId: existing.id,
    })
  }
  const at = ctx.now()
  const id = newId('prm')
  const owner = input.owner?.trim() || ctx.user
  ctx.repos.prompts.insertPrompt({ id, name, description: input.description, owner, createdAt: at })
  ctx.repos.audit.append({
    at,
    actor: ctx.user,
    action: 'prompt.created',
    entityType: 'prompt',
    entityId: id,
    // A new prompt starts at v1, appended right below in the same transaction.
    details: { name, owner, number: 1 },
  })
  const { messages, model, params, message } = input
  const draft = { promptId: id, messages, model, params, message, author: ctx.user, createdAt: at }
  return appendVersion(ctx.repos, draft, options)
}

export interface EditInput {
  promptId: string
  baseVersionId: string
  messages: PromptMessage[]
  model?: ModelRef | undefined
  params?: ModelParams | undefined
  message: string
}

/** Saving an edit appends a version on top of the latest one; nothing is overwritten. */
export function saveVersion(ctx: CoreContext, input: EditInput, options: AppendOptions = {}): PromptVersion {
  const prompt = requirePrompt(ctx.repos, input.promptId)
  const latest = requireLatest(ctx.repos, prompt, input.baseVersionId)
  const content = {
    messages: input.messages,
    model: input.model ?? latest.model,
    params: input.params ?? latest.params,
  }
  if (contentHash(content) === latest.contentHash) {
    throw new AppError('INVALID_INPUT', `Nothing changed since v${latest.number}: no new version was created`)
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

export interface DetailsInput {
  promptId: string
  description?: string | undefined
  owner?: string | undefined
}

/** Description and owner are the only mutable parts of a prompt; the change is recorded in the audit log. */
export function updateDetails(ctx: CoreContext, input: DetailsInput): PromptSummary {
  const prompt = requirePrompt(ctx.repos, input.promptId)
  const description = input.description ?? prompt.description
  const owner = input.owner === undefined ? prompt.owner : input.owner.trim()
  if (owner === '') throw new AppError('INVALID_INPUT', 'A prompt needs an owner', { field: 'owner' })
  const changes: Record<string, { from: string; to: string }> = {}
  if (description !== prompt.description) changes.description = { from: prompt.description, to: description }
  if (owner !== prompt.owner) changes.owner = { from: prompt.owner, to: owner }
  // Re-sending unchanged fields (a form saved twice) is not an error and leaves no audit noise.
  if (Object.keys(changes).length === 0) return prompt
  const at = ctx.now()
  ctx.repos.prompts.updateDetails({ id: prompt.id, description, owner, updatedAt: at })
  ctx.repos.audit.append({
    at,
    actor: ctx.user,
    action: 'prompt.updated',
    entityType: 'prompt',
    entityId: prompt.id,
    details: { changes },
  })
  return requirePrompt(ctx.repos, prompt.id)
}
