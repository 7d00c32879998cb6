import type { assertionsScorerConfigSchema } from '../../../../../shared/domain/scoring'
import type { z } from 'zod'
import type { AsyncScorer } from './async-types'
import { unscored } from './types'

type AssertionsConfig = z.output<typeof assertionsScorerConfigSchema>

/** A case's promptfoo assertions, run as promptfoo runs them (issue 20: being built on branch i20-pf). */
export function assertionsScorer(config: AssertionsConfig): AsyncScorer {
  return () =>
    Promise.resolve(unscored(`promptfoo assertions in "${config.field}" are not run by this build yet`))
}
