import type { ModelRef } from '../../../../shared/domain/prompts'
import type { Scorer } from '../../../../shared/domain/scoring'
import type { ApiClient } from '../../api'

/** What adding the promptfoo assertions scorer did to a prompt's suite. */
export interface AddedAssertionsScorer {
  promptName: string
  metric: string
  /** The suite version after the save; the existing one when the suite already had such a scorer. */
  suiteVersion: number
  judgeModel: ModelRef | null
  alreadyThere: boolean
}

const baseMetric = 'promptfoo.pass'

function freeMetric(scorers: readonly Scorer[]): string {
  const taken = new Set(scorers.map((s) => s.metric))
  if (!taken.has(baseMetric)) return baseMetric
  for (let n = 2; ; n++) if (!taken.has(`${baseMetric}-${n}`)) return `${baseMetric}-${n}`
}

/**
 * After a promptfoo file is imported: one click adds a "promptfoo assertions" scorer (expected.assertions) to
 * the prompt's suite as a new suite version. llm-rubric needs a judge: the suite's own judge model when it
 * has a judge scorer, else the prompt's model — shown to the user, who can change it in the suite editor.
 */
export async function addPromptfooAssertionsScorer(
  client: ApiClient,
  promptId: string,
  options: { needsJudge: boolean; fileName: string },
): Promise<AddedAssertionsScorer> {
  const [suite, prompt] = await Promise.all([
    client.call('suites.get', { promptId }),
    client.call('prompts.get', { id: promptId }),
  ])
  const promptName = prompt.prompt.name
  const existing = suite.scorers.find(
    (s) => s.config.kind === 'assertions' && s.config.field === 'assertions',
  )
  if (existing?.config.kind === 'assertions') {
    const { judgeModel } = existing.config
    return {
      promptName,
      metric: existing.metric,
      suiteVersion: suite.version,
      judgeModel,
      alreadyThere: true,
    }
  }
  const judge = suite.scorers.find((s) => s.config.kind === 'judge')
  const judgeModel = options.needsJudge
    ? judge?.config.kind === 'judge'
      ? judge.config.model
      : prompt.version.model
    : null
  const scorer: Scorer = {
    metric: freeMetric(suite.scorers),
    label: 'promptfoo assertions',
    config: { kind: 'assertions', field: 'assertions', judgeModel },
  }
  const saved = await client.call('suites.save', {
    promptId,
    suite: { scorers: [...suite.scorers, scorer], gates: suite.gates },
    message: `Added a promptfoo assertions scorer for the tests imported from ${options.fileName}`,
  })
  return { promptName, metric: scorer.metric, suiteVersion: saved.version, judgeModel, alreadyThere: false }
}
