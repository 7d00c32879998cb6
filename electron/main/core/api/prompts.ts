import type { Handlers } from '../dispatch'
import { promptDetail, requirePrompt } from '../prompts/detail'
import { toHistory } from '../prompts/history'
import { previewPrompt } from '../prompts/preview'
import { createPrompt, saveVersion, updateDetails } from '../prompts/registry'
import { writeTransaction, type CoreContext } from '../context'

type PromptHandlers = Pick<
  Handlers,
  | 'prompts.list'
  | 'prompts.get'
  | 'prompts.saveVersion'
  | 'prompts.create'
  | 'prompts.updateDetails'
  | 'prompts.history'
  | 'prompts.preview'
>

export function promptHandlers(ctx: CoreContext): PromptHandlers {
  const { repos } = ctx
  return {
    'prompts.list': () => repos.prompts.list(),

    'prompts.get': ({ id, versionNumber }) => promptDetail(repos, id, versionNumber),

    'prompts.saveVersion': ({ allowNewVariables, ...input }) =>
      writeTransaction(ctx, () => saveVersion(ctx, input, { allowNewVariables })),

    'prompts.create': ({ allowNewVariables, ...input }) =>
      writeTransaction(ctx, () => {
        const version = createPrompt(ctx, input, { allowNewVariables })
        return promptDetail(repos, version.promptId)
      }),

    'prompts.updateDetails': (input) => writeTransaction(ctx, () => updateDetails(ctx, input)),

    'prompts.history': ({ promptId }) => {
      requirePrompt(repos, promptId)
      return toHistory(repos.history.forPrompt(promptId))
    },

    'prompts.preview': (input) =>
      previewPrompt(input, {
        overrides: repos.priceOverrides.list(),
        // Priced as the gateway sees the provider: injected settings, Settings, or the environment's base URL.
        provider: ctx.llm.pricing(input.model.provider),
      }),
  }
}
