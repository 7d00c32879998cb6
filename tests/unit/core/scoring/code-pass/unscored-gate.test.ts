import { describe, expect, it } from 'vitest'
import type { EvalSuite, GateResult } from '../../../../../shared/domain/scoring'
import { useMockLlmServer } from '../../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../../fixtures/temp-home'
import { call } from '../../core-calls'
import { codeRunSetup, codeScorer, triageResponder } from './setup'

const tempHome = useTempHomes()
const startMock = useMockLlmServer()

describe('a min_score gate on a code scorer that could score nothing', () => {
  it('says the scorer ran, how many outputs were left unscored and why — not that it is missing', async () => {
    const server = await startMock({ responder: triageResponder })
    const { core, repos, runId, promptId, close } = await codeRunSetup(tempHome(), server, 3)
    try {
      // A typo the scorer's author made: `expected.queues` is undefined on every case.
      const broken = '(output, { expected }) => expected.queues.includes(JSON.parse(output).queue)'
      await call<EvalSuite>(core, 'suites.save', {
        promptId,
        suite: {
          scorers: [codeScorer('code.routed', broken)],
          gates: [{ kind: 'min_score', metric: 'code.routed', min: 0.9 }],
        },
        message: 'Routing rule',
      })
      await call(core, 'runs.score', { runId })
      const fact = repos.runScores.facts(runId)[0]!
      const slice = { promptVersionId: fact.promptVersionId, provider: fact.provider, modelId: fact.modelId }
      const gate = await call<GateResult>(core, 'gates.evaluate', { runId, slice })
      expect(gate.rules[0]?.verdict).toBe('inconclusive')
      expect(gate.rules[0]?.explanation).toMatch(
        /^No scores for code\.routed on this slice: the scorer ran but all 3 outputs were left unscored\. Reason \(every one\): "The code scorer failed: The scorer threw while scoring: TypeError: .*"\.$/,
      )
      expect(gate.rules[0]?.explanation).not.toMatch(/is a scorer for it in the eval suite/)
    } finally {
      close()
    }
  }, 60_000)
})
