import type { DatasetCase } from '../../../../shared/domain/datasets'
import type { ModelRef, PromptVersion } from '../../../../shared/domain/prompts'
import { distinctModels, resultKey } from '../../../../shared/lib/model-identity'

/** One call to make: a case rendered with a prompt version, sent to a model, for one repeat. */
export interface WorkItem {
  case: DatasetCase
  version: PromptVersion
  model: ModelRef
  repeat: number
}

/** The identity of the result a work item produces: provider and model id both, as run_results keys it. */
export const workItemKey = (item: WorkItem): string =>
  resultKey({
    caseId: item.case.id,
    promptVersionId: item.version.id,
    provider: item.model.provider,
    modelId: item.model.model,
    repeat: item.repeat,
  })

/**
 * Every (case × version × provider/model × repeat) of the plan without a result yet, as they are taken: a
 * run of 50,000 calls never holds them all. A fresh run and a resumed one are the same call: what is done is
 * skipped, so a result is never requested twice. The same model id through two providers is two models; an
 * exact repeat of one provider/model (a plan stored before plans refused them) is called once, as it can only
 * ever hold one result.
 */
export function* eachPendingWorkItem(
  cases: readonly DatasetCase[],
  versions: readonly PromptVersion[],
  models: readonly ModelRef[],
  repeats: number,
  done: ReadonlySet<string>,
): Generator<WorkItem, void, undefined> {
  const distinct = distinctModels(models)
  // Repeat-major order: a paused run has whole passes over the dataset, not every repeat of a few cases.
  for (let repeat = 0; repeat < repeats; repeat++) {
    for (const c of cases) {
      for (const version of versions) {
        for (const model of distinct) {
          const item = { case: c, version, model, repeat }
          if (done.size === 0 || !done.has(workItemKey(item))) yield item
        }
      }
    }
  }
}

/**
 * Ties the mock server's per-key fault scripts and provider logs to exactly one result row: the provider is
 * part of it (the same model id through two providers is two rows), and the model id, which may hold '/',
 * comes last but for the repeat. Every step of a tool loop is sent with its item's key.
 */
export const itemCaseKey = (runId: string, item: WorkItem): string =>
  `${runId}/${item.case.id}/${item.version.id}/${item.model.provider}/${item.model.model}/${item.repeat}`
