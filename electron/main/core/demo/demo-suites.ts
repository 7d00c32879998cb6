import type { z } from 'zod'
import { evalSuiteDraftSchema, type EvalSuiteDraft } from '../../../../shared/domain/scoring'
import type { demoSuitesSchema } from '../../../../shared/domain/demo-files'

type DemoSuite = z.output<typeof demoSuitesSchema>[number]

/** The demo suite with each `rubricKey` replaced by the id the seed gave that rubric. */
export function resolveDemoSuite(suite: DemoSuite, rubricIds: ReadonlyMap<string, string>): EvalSuiteDraft {
  const scorers = suite.scorers.map(({ config, ...scorer }) => {
    const { rubricKey, ...rest } = config
    if (typeof rubricKey !== 'string') return { ...scorer, config }
    const rubricId = rubricIds.get(rubricKey)
    if (!rubricId) throw new Error(`The demo suite names an unknown rubric "${rubricKey}"`)
    return { ...scorer, config: { ...rest, rubricId } }
  })
  return evalSuiteDraftSchema.parse({ scorers, gates: suite.gates })
}
