import type { Handlers } from '../dispatch'
import { requirePrompt } from '../prompts/detail'
import { tryCodeScorer } from '../scoring/code/try'
import { checkCodeScorers } from '../scoring/code-suite-check'
import { parseSuiteFile, suiteFile } from '../scoring/suite-file'
import { latestSuite, saveSuite } from '../scoring/suites'
import { writeTransaction, type CoreContext } from '../context'

type SuiteHandlers = Pick<
  Handlers,
  'suites.get' | 'suites.save' | 'suites.export' | 'suites.import' | 'suites.tryCodeScorer'
>

/** A prompt's eval suite (scorers + gate rules): read, saved as a new version, exported and imported as a file. */
export function suiteHandlers(ctx: CoreContext): SuiteHandlers {
  return {
    'suites.get': ({ promptId }) => {
      requirePrompt(ctx.repos, promptId)
      return latestSuite(ctx, promptId)
    },

    // Code scorers are compiled in the sandbox first (async), then the suite is saved in one transaction.
    'suites.save': async ({ promptId, suite, message }) => {
      await checkCodeScorers(suite)
      return writeTransaction(ctx, () => saveSuite(ctx, promptId, suite, message))
    },

    'suites.export': ({ promptId }) => {
      const prompt = requirePrompt(ctx.repos, promptId)
      return suiteFile(prompt.name, latestSuite(ctx, promptId))
    },

    'suites.import': async ({ promptId, content }) => {
      const draft = parseSuiteFile(content)
      await checkCodeScorers(draft)
      return writeTransaction(ctx, () =>
        saveSuite(ctx, promptId, draft, 'Imported from a suite file', 'suite.imported'),
      )
    },

    'suites.tryCodeScorer': (request) => tryCodeScorer(ctx, request),
  }
}
