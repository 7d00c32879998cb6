import { AppError } from '../../../../shared/contract'
import type { PromptSummary } from '../../../../shared/domain/prompts'
import type { Repos } from '../db/repos'
import type { BundleVersion, PromptFile } from './format'

/** prompt.json: every version 1…n in full and where staging and prod point. */
export function buildPromptFile(repos: Repos, prompt: PromptSummary): PromptFile {
  const versions: BundleVersion[] = []
  for (let number = 1; number <= prompt.versionCount; number++) {
    const v = repos.prompts.version(prompt.id, number)
    if (!v) throw new AppError('INTERNAL', `Prompt "${prompt.name}" has no version ${number}`)
    versions.push({
      number: v.number,
      author: v.author,
      message: v.message,
      createdAt: v.createdAt,
      contentHash: v.contentHash,
      messages: v.messages,
      model: v.model,
      params: v.params,
    })
  }
  return {
    format: 'evallab.prompt',
    version: 1,
    name: prompt.name,
    description: prompt.description,
    owner: prompt.owner,
    environments: { staging: prompt.environments.staging, prod: prompt.environments.prod },
    versions,
  }
}
