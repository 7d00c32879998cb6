import { AppError } from '../../../../shared/contract'
import type { ModelParams, ModelRef, PromptMessage, PromptVersion } from '../../../../shared/domain/prompts'
import type { Repos } from '../db/repos'
import { newId } from '../ids'
import { contentHash } from './hash'

export interface VersionDraft {
  promptId: string
  messages: PromptMessage[]
  model: ModelRef
  params: ModelParams
  author: string
  message: string
  createdAt: string
}

/** Builds the next immutable version; the caller runs it inside its write transaction. */
export function appendVersion(repos: Repos, draft: VersionDraft): PromptVersion {
  checkMessages(draft.messages)
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
    action: 'version.created',
    entityType: 'prompt',
    entityId: version.promptId,
    details: {
      versionId: version.id,
      number: version.number,
      message: version.message,
      hash: version.contentHash,
    },
  })
  return version
}

function checkMessages(messages: readonly PromptMessage[]): void {
  if (messages.length === 0)
    throw new AppError('INVALID_INPUT', 'A prompt version needs at least one message')
  messages.forEach((m, i) => {
    if (m.content.trim() === '') {
      throw new AppError('INVALID_INPUT', `Message ${i + 1} (${m.role}) is empty`, {
        field: `messages.${i}.content`,
      })
    }
  })
}
