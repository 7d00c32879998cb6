import type { Handlers } from '../dispatch'
import { requirePrompt } from '../prompts/detail'
import { parseSuiteFile, suiteFile } from '../scoring/suite-file'
import { latestSuite, saveSuite } from '../scoring/suites'
import { writeTransaction, type CoreContext } from '../context'

type SuiteHandlers = Pick<Handlers, 'suites.get' | 'suites.save' | 'suites.export' | 'suites.import'>

/** A prompt's eval suite (scorers + gate rules): read, saved as a new version, exported and imported as a file. */
export function suiteHandlers(ctx: CoreContext): SuiteHandlers {
  return {
    'suites.get': ({ promptId }) => {
      requirePrompt(ctx.repos, promptId)
      return latestSuite(ctx, promptId)
    },

    'suites.save': ({ promptId, suite, message }) =>
      writeTransaction(ctx, () => saveSuite(ctx, promptId, suite, message)),

    'suites.export': ({ promptId }) => {
      const prompt = requirePrompt(ctx.repos, promptId)
      return suiteFile(prompt.name, latestSuite(ctx, promptId))
    },

    'suites.import': ({ promptId, content }) => {
      const draft = parseSuiteFile(content)
      return writeTransaction(ctx, () =>
        saveSuite(ctx, promptId, draft, 'Imported from a suite file', 'suite.imported'),
      )
    },
  }
}
