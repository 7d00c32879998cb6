import type { DatasetCase } from '../../../../shared/domain/datasets'
import type { ModelRef, PromptVersion } from '../../../../shared/domain/prompts'
import type { DoneKey } from '../db/repos/runs-results'

/** One call to make: a case rendered with a prompt version, sent to a model, for one repeat. */
export interface WorkItem {
  case: DatasetCase
  version: PromptVersion
  model: ModelRef
  repeat: number
}

export const itemKey = (k: DoneKey): string =>
  `${k.caseId}\u0000${k.promptVersionId}\u0000${k.modelId}\u0000${k.repeat}`

export const workItemKey = (item: WorkItem): string =>
  itemKey({
    caseId: item.case.id,
    promptVersionId: item.version.id,
    modelId: item.model.model,
    repeat: item.repeat,
  })

/**
 * Every (case × version × model × repeat) of the plan without a result yet. A fresh run and a resumed one
 * are the same call: what is done is skipped, so a result is never requested twice.
 */
export function pendingWorkItems(
  cases: readonly DatasetCase[],
  versions: readonly PromptVersion[],
  models: readonly ModelRef[],
  repeats: number,
  done: readonly DoneKey[] = [],
): WorkItem[] {
  const skip = new Set(done.map(itemKey))
  const items: WorkItem[] = []
  // Repeat-major order: a paused run has whole passes over the dataset, not every repeat of a few cases.
  for (let repeat = 0; repeat < repeats; repeat++) {
    for (const c of cases) {
      for (const version of versions) {
        for (const model of models) {
          const item = { case: c, version, model, repeat }
          if (!skip.has(workItemKey(item))) items.push(item)
        }
      }
    }
  }
  return items
}
