import { AppError } from '../../../../shared/contract'
import type { PromptDetail, PromptSummary, PromptVersion } from '../../../../shared/domain/prompts'
import type { Repos } from '../db/repos'

export function requirePrompt(repos: Repos, promptId: string): PromptSummary {
  const prompt = repos.prompts.get(promptId)
  if (!prompt) throw new AppError('NOT_FOUND', `No prompt with id ${promptId}`)
  return prompt
}

/** A version id from the caller must exist and belong to the prompt it names. */
export function requireVersion(repos: Repos, prompt: PromptSummary, versionId: string): PromptVersion {
  const version = repos.prompts.versionById(versionId)
  if (!version || version.promptId !== prompt.id) {
    throw new AppError('NOT_FOUND', `Prompt "${prompt.name}" has no version with id ${versionId}`)
  }
  return version
}

/** The prompt with one version in full (the latest unless a number is given), its versions and environments. */
export function promptDetail(repos: Repos, promptId: string, versionNumber?: number): PromptDetail {
  const prompt = requirePrompt(repos, promptId)
  const version =
    versionNumber === undefined
      ? repos.prompts.latestVersion(promptId)
      : repos.prompts.version(promptId, versionNumber)
  if (!version) {
    throw new AppError(
      'NOT_FOUND',
      `Prompt "${prompt.name}" has no version ${versionNumber ?? '(none saved yet)'}`,
    )
  }
  return {
    prompt,
    version,
    versions: repos.prompts.versions(promptId),
    environments: repos.environments.list(promptId),
  }
}

/** The base of an edit must still be the latest version: saving on a stale one is a conflict, not an overwrite. */
export function requireLatest(repos: Repos, prompt: PromptSummary, baseVersionId: string): PromptVersion {
  const latest = repos.prompts.latestVersion(prompt.id)
  if (!latest || latest.id !== baseVersionId) {
    throw new AppError(
      'CONFLICT',
      `"${prompt.name}" has a newer version (v${latest?.number ?? '?'}) than the one you edited. ` +
        'Reload it and apply your change again.',
      { latestVersionId: latest?.id ?? null },
    )
  }
  return latest
}
