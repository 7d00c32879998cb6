import { AppError } from '../../../../shared/contract'
import type { Environment } from '../../../../shared/domain/environments'
import type { PromptSummary, PromptVersion } from '../../../../shared/domain/prompts'
import type { CoreContext } from '../context'
import { newId } from '../ids'
import { contentHash } from '../prompts/hash'
import { checkTools } from '../prompts/tool-checks'
import { checkPlaceholders } from '../prompts/validation'
import { bundlePaths, type BundleVersion, type PromptFile } from './format'

export interface ImportedPrompt {
  prompt: PromptSummary
  /** Workspace version id by bundle version number. */
  versionIds: Map<number, string>
  versionsAdded: number
  /** Environments whose pointer the import moved, with the version number they now point at. */
  moved: { env: Environment; number: number }[]
}

const invalid = (message: string): AppError =>
  new AppError('INVALID_INPUT', `${bundlePaths.prompt}: ${message}`)

/**
 * The prompt by name: created with every version when missing; otherwise the bundle's versions must be the
 * workspace's versions of the same numbers, and newer ones are added. Staging and prod then point where the
 * folder says: the folder is the team's record, so no promotion checks apply (the audit log keeps the move).
 */
export function importPrompt(ctx: CoreContext, file: PromptFile): ImportedPrompt {
  file.versions.forEach(checkContentHash)
  file.versions.forEach(checkVersionContent)
  const existing = ctx.repos.prompts.findByName(file.name)
  const promptId = existing?.id ?? newId('prm')
  if (!existing) {
    ctx.repos.prompts.insertPrompt({
      id: promptId,
      name: file.name,
      description: file.description,
      owner: file.owner,
      createdAt: file.versions[0]?.createdAt ?? ctx.now(),
    })
  }
  const versionIds = new Map<number, string>()
  let versionsAdded = 0
  for (const v of file.versions) {
    const stored = ctx.repos.prompts.version(promptId, v.number)
    if (stored && stored.contentHash !== v.contentHash) {
      throw invalid(`version ${v.number} differs from this workspace's version ${v.number}`)
    }
    if (!stored && v.number !== (ctx.repos.prompts.latestVersion(promptId)?.number ?? 0) + 1) {
      throw invalid(`version ${v.number} cannot follow this workspace's versions`)
    }
    const id = stored?.id ?? insertVersion(ctx, promptId, v)
    if (!stored) versionsAdded++
    versionIds.set(v.number, id)
  }
  const moved = pointEnvironments(ctx, promptId, file, versionIds)
  const prompt = ctx.repos.prompts.get(promptId)
  if (!prompt) throw new AppError('NOT_FOUND', `No prompt with id ${promptId}`)
  return { prompt, versionIds, versionsAdded, moved }
}

function checkContentHash(v: BundleVersion): void {
  const recomputed = contentHash(v)
  if (recomputed !== v.contentHash) {
    throw invalid(`version ${v.number}: contentHash does not match its messages, model and params`)
  }
}

/**
 * The checks a save runs on a version's placeholder and tools (duplicate tool names, a tool choice naming no
 * tool, a parameters object that is no JSON Schema...): a hand-edited folder must not store a version the editor
 * would refuse, which would then fail every case of a run.
 */
function checkVersionContent(v: BundleVersion): void {
  try {
    checkPlaceholders(v.messages)
    checkTools(v.params)
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    throw invalid(`version ${v.number}: ${error.message}`)
  }
}

function insertVersion(ctx: CoreContext, promptId: string, v: BundleVersion): string {
  const version: PromptVersion = {
    id: newId('pv'),
    promptId,
    number: v.number,
    author: v.author,
    message: v.message,
    createdAt: v.createdAt,
    contentHash: v.contentHash,
    messages: v.messages,
    model: v.model,
    params: v.params,
  }
  ctx.repos.prompts.insertVersion(version)
  return version.id
}

/** An environment the folder leaves empty keeps this workspace's pointer: pointers are never removed. */
function pointEnvironments(
  ctx: CoreContext,
  promptId: string,
  file: PromptFile,
  versionIds: ReadonlyMap<number, string>,
): ImportedPrompt['moved'] {
  const moved: ImportedPrompt['moved'] = []
  for (const env of ['staging', 'prod'] as const) {
    const number = file.environments[env]
    const versionId = number === null ? undefined : versionIds.get(number)
    if (number === null || versionId === undefined) continue
    if (ctx.repos.environments.get(promptId, env)?.versionId === versionId) continue
    ctx.repos.environments.set({ promptId, env, versionId, updatedAt: ctx.now(), updatedBy: ctx.user })
    moved.push({ env, number })
  }
  return moved
}
