import { AppError } from '../../../../shared/contract'
import type { Handlers } from '../dispatch'
import { contentHash } from '../prompts/hash'
import { appendVersion } from '../prompts/versions'
import type { CoreContext } from './context'

type PromptHandlers = Pick<Handlers, 'prompts.list' | 'prompts.get' | 'prompts.saveVersion'>

export function promptHandlers(ctx: CoreContext): PromptHandlers {
  const { repos } = ctx
  return {
    'prompts.list': () => repos.prompts.list(),

    'prompts.get': ({ id, versionNumber }) => {
      const prompt = repos.prompts.get(id)
      if (!prompt) throw new AppError('NOT_FOUND', `No prompt with id ${id}`)
      const version =
        versionNumber === undefined
          ? repos.prompts.latestVersion(id)
          : repos.prompts.version(id, versionNumber)
      if (!version) {
        throw new AppError(
          'NOT_FOUND',
          `Prompt "${prompt.name}" has no version ${versionNumber ?? '(none saved yet)'}`,
        )
      }
      return { prompt, version, versions: repos.prompts.versions(id) }
    },

    'prompts.saveVersion': (input) =>
      ctx.db
        .transaction(() => {
          const prompt = repos.prompts.get(input.promptId)
          if (!prompt) throw new AppError('NOT_FOUND', `No prompt with id ${input.promptId}`)
          const latest = repos.prompts.latestVersion(input.promptId)
          if (!latest || latest.id !== input.baseVersionId) {
            throw new AppError(
              'CONFLICT',
              `"${prompt.name}" has a newer version (v${latest?.number ?? '?'}) than the one you edited. ` +
                'Reload it and apply your change again.',
              { latestVersionId: latest?.id ?? null },
            )
          }
          const draft = {
            messages: input.messages,
            model: input.model ?? latest.model,
            params: input.params ?? latest.params,
          }
          if (contentHash(draft) === latest.contentHash) {
            throw new AppError(
              'INVALID_INPUT',
              `Nothing changed since v${latest.number}: no new version was created`,
            )
          }
          return appendVersion(repos, {
            promptId: input.promptId,
            ...draft,
            author: ctx.user,
            message: input.message,
            createdAt: ctx.now(),
          })
        })
        .immediate(),
  }
}
