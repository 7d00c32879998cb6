/**
 * Issue 19 at the judge's seam: an LLM judge (the user's own Anthropic provider, through the mock) scoring an
 * answer made only of a route_ticket call is shown that call, not an empty output.
 */
import { describe, expect, it } from 'vitest'
import { judgeMarker } from '../../../../electron/main/core/llm/providers/judge-markers'
import type { Rubric, Score } from '../../../../shared/domain/scoring'
import type { MockAnswer, MockChatRequest } from '../../../fixtures/mock-llm'
import { useMockLlmServer } from '../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call } from '../core-calls'
import { acmeCore, claudeDirect, lastUserText } from '../runs/acme-mock'
import { acmeRouter, argumentsFor, good, routingResponder, runRouter, tickets } from '../runs/routing-mock'

const tempHome = useTempHomes()
const startMock = useMockLlmServer()

/** The judge passes an answer only when it can see the call's queue; the router answers with calls. */
function responder(judged: string[]) {
  return (request: MockChatRequest): MockAnswer => {
    if (!request.system.startsWith(judgeMarker)) return routingResponder(request)
    const shown = lastUserText(request)
    judged.push(shown)
    const sees = /<tool_calls>\n#1 route_ticket\n[^]*"queue"/.test(shown)
    return JSON.stringify({ score: sees ? 'pass' : 'fail', reason: sees ? 'routed' : 'no call shown' })
  }
}

describe('an LLM judge of tool-call answers, through the mock', () => {
  it('is shown each call as text and scores it', async () => {
    const judged: string[] = []
    const server = await startMock({ responder: responder(judged) })
    const core = acmeCore(tempHome(), server)
    const router = await acmeRouter(core)
    const rubric = await call<Rubric>(core, 'rubrics.save', {
      key: 'routing-judge',
      name: 'Routing judge',
      criteria: [{ key: 'routed_sensibly', name: 'Routed sensibly', scale: { type: 'pass_fail' } }],
    })
    const judge = { provider: claudeDirect, model: 'claude-3-5-haiku-latest' }
    await call(core, 'suites.save', {
      promptId: router.prompt.prompt.id,
      message: 'A judge on the routing',
      suite: {
        scorers: [
          {
            metric: 'judge.routed',
            label: 'Routed sensibly',
            config: { kind: 'judge', rubricId: rubric.id, criterionKey: 'routed_sensibly', model: judge },
          },
        ],
        gates: [],
      },
    })
    const run = await runRouter(core, router, [good])
    expect(run.status).toBe('completed')
    expect(judged).toHaveLength(tickets.length)
    for (const t of tickets) {
      const shown = judged.find((text) => text.includes(`<id>\n${t.key}\n</id>`))
      const pretty = JSON.stringify(JSON.parse(argumentsFor(good.model, t.key)), null, 2)
      expect(shown, t.key).toContain(
        `<output>\n\n</output>\n<tool_calls>\n#1 route_ticket\n${pretty}\n</tool_calls>`,
      )
      expect(shown).not.toMatch(/toolu_|call_mock/)
    }
    const page = await call<{ scores: Score[] }>(core, 'runs.scores', {
      runId: run.id,
      metric: 'judge.routed',
    })
    expect(page.scores.map((s) => [s.passed, s.reason])).toEqual(tickets.map(() => [true, 'routed']))
    core.close()
  })
})
