import type { Handlers } from '../dispatch'
import { writeTransaction, type CoreContext } from '../context'
import { requireDataset } from '../datasets/detail'
import { acceptDrafts, listDrafts, rejectDrafts, updateDraft } from '../datasets/generate/drafts'
import { generateCases } from '../datasets/generate/generate'

type DraftHandlers = Pick<
  Handlers,
  | 'datasets.generateCases'
  | 'caseDrafts.list'
  | 'caseDrafts.update'
  | 'caseDrafts.accept'
  | 'caseDrafts.reject'
>

/** Generated cases (issue 22): a model's drafts, reviewed one by one, accepted into the working copy. */
export function caseDraftHandlers(ctx: CoreContext): DraftHandlers {
  return {
    'datasets.generateCases': (input) => generateCases(ctx, input),

    'caseDrafts.list': ({ datasetId }) => {
      requireDataset(ctx.repos, datasetId)
      return listDrafts(ctx.repos, datasetId)
    },

    'caseDrafts.update': ({ draftId, patch }) =>
      writeTransaction(ctx, () => updateDraft(ctx, draftId, patch)),

    'caseDrafts.accept': ({ draftIds }) =>
      writeTransaction(ctx, () => ({ cases: acceptDrafts(ctx, draftIds) })),

    'caseDrafts.reject': ({ draftIds }) =>
      writeTransaction(ctx, () => ({ rejected: rejectDrafts(ctx, draftIds) })),
  }
}
