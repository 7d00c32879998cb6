import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCoreContext } from '../../../../../electron/main/core/context'
import { openConnection } from '../../../../../electron/main/core/db/connection'
import type { ScoreCall } from '../../../../../electron/main/core/db/repos/score-calls'
import { scoreResults } from '../../../../../electron/main/core/scoring'
import { createGrader } from '../../../../../electron/main/core/scoring/grade'
import type { MockLlmServer } from '../../../../fixtures/mock-llm'
import { useMockLlmServer } from '../../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../../fixtures/temp-home'
import { call } from '../../core-calls'
import { codeRunSetup, saveScorers, triageResponder } from './setup'

const tempHome = useTempHomes()
const startMock = useMockLlmServer()

/** A second context on the same workspace, as the CLI gate or a canary opens one. */
function contextOn(home: string, server: MockLlmServer) {
  const db = openConnection(join(home, 'evallab.db'))
  const ctx = createCoreContext(
    db,
    { user: 'tester', now: () => '2026-12-05T10:00:00.000Z' },
    {
      providerSettings: {
        'acme-gateway': { kind: 'openai', baseUrl: server.openaiBaseUrl, apiKey: 'test', concurrency: 4 },
        'acme-claude': {
          kind: 'anthropic',
          baseUrl: server.anthropicBaseUrl,
          apiKey: 'test',
          concurrency: 4,
        },
      },
    },
  )
  return { ctx, close: () => db.close() }
}

const grader = (request: { system: string; messages: { text: string }[]; model: string }) =>
  request.model === 'grader-acme'
    ? '{"pass": true, "score": 1, "reason": "polite"}'
    : triageResponder(request as never)

describe('assertion scorers in the pass: model-graded ones wait for a pass with model calls', () => {
  it('judges off: a case holding llm-rubric is left for later; the others are scored; judges on scores it', async () => {
    const server = await startMock({ responder: grader })
    const home = tempHome()
    const assertions = (n: number) =>
      n === 1
        ? {
            assertions: [
              { type: 'contains', value: 'queue' },
              { type: 'llm-rubric', value: 'is polite' },
            ],
          }
        : n === 2
          ? { assertions: [{ type: 'not-llm-rubric', value: 'is rude' }] }
          : { assertions: [{ type: 'contains', value: 'queue' }] }
    const { core, repos, runId, promptId, close } = await codeRunSetup(home, server, 4, assertions)
    const judgeModel = { provider: 'acme-claude', model: 'grader-acme' }
    await saveScorers(core, promptId, [
      {
        metric: 'pf.assertions',
        label: 'promptfoo',
        config: { kind: 'assertions', field: 'assertions', judgeModel },
      },
    ])
    const { ctx, close: closeCtx } = contextOn(home, server)
    // Cases T-1 and T-2 (two models each) wait: their verdict needs the grader.
    expect(await scoreResults(ctx, runId, { judges: false })).toMatchObject({ written: 4 })
    expect(repos.runScores.count(runId)).toBe(4)
    expect(await scoreResults(ctx, runId, { judges: false })).toMatchObject({ written: 0, skipped: 4 })
    expect(await scoreResults(ctx, runId, { judges: true })).toMatchObject({ written: 4, skipped: 4 })
    expect(repos.runScores.count(runId)).toBe(8)
    closeCtx()
    close()
  }, 120_000)

  it('grade calls go through the judge lane and are recorded with tokens and cost', async () => {
    const server = await startMock({ responder: grader })
    const home = tempHome()
    const { core, runId, close } = await codeRunSetup(home, server, 1)
    await call(core, 'prices.save', {
      provider: 'acme-claude',
      model: 'grader-acme',
      inputPerMTok: 1,
      outputPerMTok: 2,
    })
    const { ctx, close: closeCtx } = contextOn(home, server)
    const grade = createGrader(ctx, {})
    const owner = {
      runId,
      key: {
        caseId: 'c1',
        promptVersionId: 'v1',
        provider: 'acme-gateway',
        modelId: 'acme-router-7b',
        repeat: 0,
      },
      metric: 'pf.assertions',
      scorerHash: 'h',
    }
    const calls: ScoreCall[] = []
    const answer = await grade(
      owner,
      {
        model: { provider: 'acme-claude', model: 'grader-acme' },
        messages: [{ role: 'user', content: 'Is it polite?' }],
      },
      calls,
    )
    expect(answer).toEqual({ ok: true, text: '{"pass": true, "score": 1, "reason": "polite"}' })
    expect(calls).toHaveLength(1)
    expect(calls[0]).toMatchObject({
      judgeProvider: 'acme-claude',
      judgeModel: 'grader-acme',
      sample: 0,
      attempts: 1,
    })
    expect(calls[0]?.costUsd).toBeGreaterThan(0)
    const unknown = await grade(owner, { model: { provider: 'nowhere', model: 'x' }, messages: [] }, calls)
    expect(unknown).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^The grader cannot be called: /),
    })
    closeCtx()
    close()
  }, 120_000)
})
