import type { MethodInput } from '../../../../shared/contract'
import type { PromptVersion } from '../../../../shared/domain/prompts'
import { sameModel } from '../../../../shared/lib/model-ref'
import type { Draft } from './draft'
import { paramsFromForm, paramsToForm, sameForm } from './params-form'

export type SaveInput = MethodInput<'prompts.saveVersion'>

/**
 * The prompts.saveVersion call for a draft on top of `base`. Model and params are sent only when they
 * changed (the core keeps the base version's otherwise); a params form with errors is not sent at all.
 */
export function buildSaveInput(
  base: PromptVersion,
  draft: Draft,
  commitMessage: string,
  allowNewVariables: boolean,
): { input: SaveInput } | { problem: string } {
  const input: SaveInput = {
    promptId: base.promptId,
    baseVersionId: base.id,
    messages: draft.messages,
    message: commitMessage,
  }
  if (!sameModel(draft.model, base.model)) input.model = { ...draft.model, model: draft.model.model.trim() }
  if (!sameForm(draft.params, paramsToForm(base.params))) {
    const { params, errors } = paramsFromForm(draft.params)
    if (errors.toolsText)
      return { problem: `Fix the tools first: ${errors.toolsText.split('\n').join('; ')}` }
    const fields = Object.keys(errors)
    if (fields.length > 0) return { problem: `Fix the model parameters first (${fields.join(', ')}).` }
    input.params = params
  }
  if (allowNewVariables) input.allowNewVariables = true
  return { input }
}
