import type { Handlers } from '../dispatch'
import { promptDetail } from '../prompts/detail'
import { exportVersionFile } from '../prompts/files'
import { importPromptFile } from '../prompts/import'
import { writeTransaction, type CoreContext } from '../context'

type FileHandlers = Pick<Handlers, 'prompts.exportVersion' | 'prompts.import'>

export function promptFileHandlers(ctx: CoreContext): FileHandlers {
  return {
    'prompts.exportVersion': ({ promptId, versionNumber }) => {
      const { prompt, version } = promptDetail(ctx.repos, promptId, versionNumber)
      return exportVersionFile(prompt, version)
    },

    'prompts.import': (input) =>
      writeTransaction(ctx, () => {
        const version = importPromptFile(ctx, input)
        return promptDetail(ctx.repos, version.promptId)
      }),
  }
}
