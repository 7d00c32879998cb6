import { AppError } from '../../../../shared/contract'
import type { DatasetCase } from '../../../../shared/domain/datasets'
import type { PlaygroundCases, PlaygroundStart } from '../../../../shared/domain/playground'
import type { PromptVersion } from '../../../../shared/domain/prompts'
import type { CoreContext } from '../context'
import type { StoredCase } from '../db/repos/dataset-cases'
import { toolParamProblems } from '../llm/providers/tool-check'

/** What a playground session tries: the stored version, or that version with the unsaved edits laid over it. */
export interface PlaygroundTarget {
  base: PromptVersion
  tried: PromptVersion
  fromDraft: boolean
}

export function resolveTarget(ctx: CoreContext, start: PlaygroundStart): PlaygroundTarget {
  const base = ctx.repos.prompts.versionById(start.promptVersionId)
  if (!base) {
    throw new AppError(
      'NOT_FOUND',
      `No prompt version with id ${start.promptVersionId}: reload the prompt and try again.`,
    )
  }
  const tried = start.draft ? { ...base, messages: start.draft.messages, params: start.draft.params } : base
  const problems = toolParamProblems(tried.params)
  if (problems.length > 0) {
    throw new AppError(
      'INVALID_INPUT',
      `The prompt cannot be tried: ${problems.join('; ')}. Fix the tools or response format in the editor first.`,
      { problems },
    )
  }
  return { base, tried, fromDraft: start.draft !== undefined }
}

/** Typed cases are named like this, in the order typed; they become real cases only when saved as a run. */
export const typedCaseKey = (index: number): string => `typed-${index + 1}`

/** The cases in the order asked for: picked ones read from the dataset's working copy, typed ones made up. */
export function resolveCases(ctx: CoreContext, cases: PlaygroundCases): DatasetCase[] {
  if (cases.kind === 'typed') {
    return cases.vars.map((vars, i) => ({
      id: typedCaseKey(i),
      key: typedCaseKey(i),
      vars,
      expected: {},
      expectedOutput: null,
      tags: [],
      notes: '',
    }))
  }
  const dataset = ctx.repos.datasets.get(cases.datasetId)
  if (!dataset)
    throw new AppError('NOT_FOUND', `No dataset with id ${cases.datasetId}: pick the cases again.`)
  const found = new Map(ctx.repos.datasetCases.byIds(cases.caseIds).map((c) => [c.id, c]))
  return [...new Set(cases.caseIds)].map((id) => {
    const c = found.get(id)
    if (!c || c.datasetId !== cases.datasetId) {
      throw new AppError(
        'NOT_FOUND',
        `A picked case (${id}) is no longer in the dataset "${dataset.name}": pick the cases again.`,
      )
    }
    return asCase(c)
  })
}

/** The case as a run reads it, without where the working copy keeps it. */
function asCase(c: StoredCase): DatasetCase {
  const { id, key, vars, expected, expectedOutput, tags, notes, conversation, toolResults } = c
  return {
    ...{ id, key, vars, expected, expectedOutput, tags, notes },
    ...(conversation ? { conversation } : {}),
    ...(toolResults ? { toolResults } : {}),
  }
}
