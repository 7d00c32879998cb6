/**
 * Issue 19 acceptance, one tool through the mock: the result stores the call's name and exact arguments, the
 * rule "argument queue equals expected queue" passes and fails where it should, a gate on it passes the good
 * model and blocks the regressed ones, and a review item shows the call.
 */
import { describe, expect, it } from 'vitest'
import type { CompareCase } from '../../../../shared/domain/compare'
import type { Queue, Reviewer, ReviewItem } from '../../../../shared/domain/review'
import type { GateResult, Rubric, Score } from '../../../../shared/domain/scoring'
import { useMockLlmServer } from '../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call } from '../core-calls'
import { allItems } from '../review/helpers'
import { acmeCore, resultRows, type ResultRow } from './acme-mock'
import {
  acmeRouter,
  argumentsFor,
  brokenArguments,
  brokenTicket,
  claudeRegressed,
  good,
  regressed,
  routingResponder,
  runRouter,
  tickets,
  wrongQueue,
} from './routing-mock'

const tempHome = useTempHomes()
const startMock = useMockLlmServer()
const slices = [good, regressed, claudeRegressed]

describe('a version with one tool, on a good and a regressed model through the mock', () => {
  it('stores each call exactly, scores the queue rule per case, gates, and shows the call for review', async () => {
    const server = await startMock({ responder: routingResponder })
    const core = acmeCore(tempHome(), server)
    const router = await acmeRouter(core)
    const run = await runRouter(core, router, slices)
    expect(run).toMatchObject({ status: 'completed', counts: { done: 24, errors: 0 } })
    const results = await resultRows(core, run.id)
    expect(results).toHaveLength(24)
    for (const r of results) {
      expect(r.errorKind).toBeNull()
      expect(r.toolCalls).toEqual([
        { id: expect.any(String), name: 'route_ticket', arguments: argumentsFor(r.modelId, r.caseKey ?? '') },
      ])
    }

    const queueScores = await scoresOf(core, run.id, 'tool.queue')
    for (const slice of slices) {
      const failed = queueScores
        .filter((s) => s.modelId === slice.model && s.passed === false)
        .map((s) => keyOf(results, s))
        .sort()
      const expected = slice === good ? [] : [...Object.keys(wrongQueue), brokenTicket].sort()
      expect(failed, slice.model).toEqual(expected)
      expect(queueScores.filter((s) => s.modelId === slice.model && s.passed === true)).toHaveLength(
        tickets.length - expected.length,
      )
    }
    const broken = queueScores.find(
      (s) => s.modelId === regressed.model && keyOf(results, s) === brokenTicket,
    )
    expect(broken?.reason).toMatch(/^route_ticket's arguments are not JSON \(.+\): /)

    for (const slice of slices) {
      const gate = await call<GateResult>(core, 'gates.evaluate', {
        runId: run.id,
        slice: { promptVersionId: router.prompt.version.id, provider: slice.provider, modelId: slice.model },
      })
      expect(gate.verdict, slice.model).toBe(slice === good ? 'pass' : 'fail')
      expect(gate.rules[0]?.candidate).toBe(slice === good ? 1 : 5 / 8)
    }

    // Compare: the regressions are the cases whose call changed, each side showing its call.
    const side = (m: { provider: string; model: string }) => ({
      runId: run.id,
      promptVersionId: router.prompt.version.id,
      provider: m.provider,
      modelId: m.model,
    })
    const compared = await call<{ cases: CompareCase[] }>(core, 'compare.cases', {
      baseline: side(good),
      candidate: side(regressed),
      filter: 'regressions',
    })
    const regressions = compared.cases.map((c) => c.caseKey).sort()
    expect(regressions).toEqual([...Object.keys(wrongQueue), brokenTicket].sort())
    for (const c of compared.cases) {
      expect(c.baseline.toolCalls.map((t) => t.arguments)).toEqual([
        argumentsFor(good.model, c.caseKey ?? ''),
      ])
      expect(c.candidate.toolCalls.map((t) => t.arguments)).toEqual([
        argumentsFor(regressed.model, c.caseKey ?? ''),
      ])
    }
    // The results file carries each call's exact arguments.
    const exported = await call<{ content: string }>(core, 'runs.exportResults', {
      runId: run.id,
      format: 'jsonl',
    })
    expect(exported.content).toContain(JSON.stringify(brokenArguments))

    const items = await reviewItems(core, run.id, regressed)
    expect(items).toHaveLength(tickets.length)
    for (const item of items) {
      expect(item.outputs).toEqual([
        expect.objectContaining({
          text: '',
          toolCalls: [{ name: 'route_ticket', arguments: argumentsFor(regressed.model, item.caseKey ?? '') }],
          provider: null,
          modelId: null,
        }),
      ])
    }
    const shown = items.find((i) => i.caseKey === brokenTicket)
    expect(shown?.outputs[0]?.toolCalls?.[0]?.arguments).toBe(brokenArguments)
    core.close()
  })
})

function keyOf(results: readonly ResultRow[], score: Score): string {
  return results.find((r) => r.caseId === score.caseId)?.caseKey ?? '?'
}

async function scoresOf(core: Parameters<typeof call>[0], runId: string, metric: string): Promise<Score[]> {
  const page = await call<{ total: number; scores: Score[] }>(core, 'runs.scores', {
    runId,
    metric,
    limit: 1000,
  })
  expect(page.scores).toHaveLength(page.total)
  return page.scores
}

/** A blind review queue of one model's outputs, and every item as its one reviewer sees it. */
async function reviewItems(
  core: Parameters<typeof call>[0],
  runId: string,
  slice: { provider: string; model: string },
): Promise<ReviewItem[]> {
  const rubric = await call<Rubric>(core, 'rubrics.save', {
    key: 'routing-review',
    name: 'Routing review',
    criteria: [{ key: 'right_queue', name: 'Right queue', scale: { type: 'pass_fail' } }],
  })
  const mia = await call<Reviewer>(core, 'reviewers.create', { name: 'Mia' })
  const queue = await call<Queue>(core, 'queues.create', {
    name: 'Regressed routing',
    runId,
    rubricId: rubric.id,
    reviewerIds: [mia.id],
    source: { kind: 'filter', provider: slice.provider, modelId: slice.model },
  })
  return allItems(core, queue.id, mia.id)
}
