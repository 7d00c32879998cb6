import type { Handlers } from '../dispatch'
import { addCase, deleteCases, duplicateCases, tagCases, updateCase } from '../datasets/cases'
import { writeTransaction, type CoreContext } from '../context'

type CaseHandlers = Pick<
  Handlers,
  'cases.add' | 'cases.update' | 'cases.duplicate' | 'cases.delete' | 'cases.tag'
>

/** Edits of a dataset's working copy; each is one transaction with its audit entry. */
export function caseHandlers(ctx: CoreContext): CaseHandlers {
  return {
    'cases.add': ({ datasetId, fields }) => writeTransaction(ctx, () => addCase(ctx, datasetId, fields)),

    'cases.update': ({ caseId, patch }) => writeTransaction(ctx, () => updateCase(ctx, caseId, patch)),

    'cases.duplicate': ({ caseIds }) => writeTransaction(ctx, () => duplicateCases(ctx, caseIds)),

    'cases.delete': ({ caseIds }) => writeTransaction(ctx, () => ({ deleted: deleteCases(ctx, caseIds) })),

    'cases.tag': (input) => writeTransaction(ctx, () => ({ updated: tagCases(ctx, input) })),
  }
}
