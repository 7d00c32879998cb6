import type { ModelParams, ModelRef, PromptMessage, PromptVersion } from '../../../../shared/domain/prompts'
import type { Repos } from '../db/repos'
import { newId } from '../ids'
import { contentHash } from './hash'
import { checkTools } from './tool-checks'
import { checkMessages, checkVariables } from './validation'

export interface VersionDraft {
  promptId: string
  messages: PromptMessage[]
  model: ModelRef
  params: ModelParams
  author: string
  message: string
  createdAt: string
}

export interface AppendOptions {
  /** Accept variables no earlier version uses and no dataset provides ("save anyway"). */
  allowNewVariables?: boolean
  /** Imports are recorded as such, with where they came from. */
  audit?: { action: 'version.created' | 'version.imported'; details?: Record<string, unknown> }
}

/**
 * Validates and stores the next immutable version. The caller runs it inside its write transaction, so a
 * refusal here leaves nothing stored.
 */
export function appendVersion(repos: Repos, draft: VersionDraft, options: AppendOptions = {}): PromptVersion {
  checkMessages(draft.messages)
  checkTools(draft.params)
  checkVariables(repos, draft.promptId, draft.messages, options.allowNewVariables ?? false)
  const latest = repos.prompts.latestVersion(draft.promptId)
  const version: PromptVersion = {
    id: newId('pv'),
    promptId: draft.promptId,
    number: (latest?.number ?? 0) + 1,
    messages: draft.messages,
    model: draft.model,
    params: draft.params,
    author: draft.author,
    message: draft.message.trim(),
    createdAt: draft.createdAt,
    contentHash: contentHash(draft),
  }
  repos.prompts.insertVersion(version)
  repos.audit.append({
    at: version.createdAt,
    actor: version.author,
    action: options.audit?.action ?? 'version.created',
    entityType: 'prompt',
    entityId: version.promptId,
    details: {
      ...options.audit?.details,
      versionId: version.id,
      number: version.number,
      message: version.message,
      hash: version.contentHash,
    },
  })
  return version
}
