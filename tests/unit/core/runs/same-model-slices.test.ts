import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import type { BundleExport, BundleImport } from '../../../../shared/domain/bundles'
import type { CompareCase, CompareData } from '../../../../shared/domain/compare'
import type { QueueReport, ReviewItem, Queue, Reviewer } from '../../../../shared/domain/review'
import type { Run } from '../../../../shared/domain/runs'
import type { GateResult, Rubric, RunSummary, SliceKey } from '../../../../shared/domain/scoring'
import { useMockLlmServer } from '../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore } from '../core-calls'
import {
  answeringAs,
  cases,
  ollama,
  perModel,
  planOf,
  results,
  settled,
  userWorkspace,
  vllm,
  type Workspace,
} from './two-providers'

const tempHome = useTempHomes()
const startMock = useMockLlmServer()

const sliceOf = (w: Workspace, m: { provider: string; model: string }): SliceKey => ({
  promptVersionId: w.prompt.version.id,
  provider: m.provider,
  modelId: m.model,
})

/** Both providers' answers are stored and scored; each server says who answered. */
async function scoredRun(): Promise<{ w: Workspace; run: Run }> {
  const servers = [await startMock(answeringAs('ollama')), await startMock(answeringAs('vllm'))] as const
  const w = await userWorkspace(tempHome(), servers)
  const started = await call<Run>(w.core, 'runs.start', { ...planOf(w, [ollama, vllm]), name: 'two boxes' })
  const run = await settled(w.core, started.id)
  expect(run.status).toBe('completed')
  await call<RunSummary>(w.core, 'runs.score', { runId: run.id })
  return { w, run }
}

async function pairwiseQueue(core: Core, w: Workspace, run: Run): Promise<Queue> {
  const rubric = await call<Rubric>(core, 'rubrics.save', {
    key: 'routing',
    name: 'Routing',
    criteria: [{ key: 'correct', name: 'Correct', scale: { type: 'pass_fail' } }],
  })
  const ana = await call<Reviewer>(core, 'reviewers.create', { name: 'Ana' })
  return call<Queue>(core, 'queues.create', {
    name: 'Ollama against vLLM',
    runId: run.id,
    rubricId: rubric.id,
    mode: 'pairwise',
    pair: { a: sliceOf(w, ollama), b: sliceOf(w, vllm) },
    source: { kind: 'all' },
    reviewerIds: [ana.id],
    blind: false,
  })
}

describe('slices of one model id through two providers', () => {
  it('compare, review pairs and gates keep the two providers apart', async () => {
    const { w, run } = await scoredRun()
    const { core } = w
    const a = { runId: run.id, ...sliceOf(w, ollama) }
    const b = { runId: run.id, ...sliceOf(w, vllm) }

    const data = await call<CompareData>(core, 'compare.data', { slices: [a, b] })
    expect(data.series.map((s) => [s.label, s.results])).toEqual([
      [`Ticket router v1 · local-llm/qwen2.5:7b (run two boxes)`, perModel],
      [`Ticket router v1 · vllm-box/qwen2.5:7b (run two boxes)`, perModel],
    ])
    expect(data.series.map((s) => s.metrics.find((m) => m.metric === 'rule.ollama')?.value)).toEqual([1, 0])
    const compared = await call<{ total: number; cases: CompareCase[] }>(core, 'compare.cases', {
      baseline: a,
      candidate: b,
    })
    expect(compared.total).toBe(cases)
    for (const c of compared.cases) {
      expect([c.baseline.text, c.candidate.text]).toEqual([
        '{"answer":"mock from ollama"}',
        '{"answer":"mock from vllm"}',
      ])
    }

    // A pairwise queue of the two providers: side A is always Ollama's output, side B vLLM's.
    const queue = await pairwiseQueue(core, w, run)
    expect(queue.items).toBe(cases)
    const reviewer = queue.progress[0]?.reviewerId ?? ''
    for (let position = 1; position <= cases; position++) {
      const item = await call<ReviewItem>(core, 'review.item', {
        queueId: queue.id,
        reviewerId: reviewer,
        position,
      })
      const shown = item.outputs.map((o) => [o.provider, o.modelId, o.text]).sort()
      expect(shown).toEqual([
        ['local-llm', 'qwen2.5:7b', '{"answer":"mock from ollama"}'],
        ['vllm-box', 'qwen2.5:7b', '{"answer":"mock from vllm"}'],
      ])
    }
    const report = await call<QueueReport>(core, 'queues.report', { queueId: queue.id })
    expect(report.winRate).toMatchObject({ a: sliceOf(w, ollama), b: sliceOf(w, vllm) })

    // The gate reads each slice's own scores: Ollama's baseline passes, vLLM fails against it.
    await call(core, 'baselines.set', {
      promptId: w.prompt.prompt.id,
      runId: run.id,
      slice: sliceOf(w, ollama),
    })
    const gates = await Promise.all(
      [ollama, vllm].map((m) =>
        call<GateResult>(core, 'gates.evaluate', { runId: run.id, slice: sliceOf(w, m) }),
      ),
    )
    expect(gates.map((g) => [g.candidate.provider, g.verdict])).toEqual([
      ['local-llm', 'pass'],
      ['vllm-box', 'fail'],
    ])
    expect(gates[1]?.pairedCases).toBe(perModel)
    core.close()
  }, 30_000)

  it("a canary checks each provider's slice on its own answers", async () => {
    const servers = [await startMock(answeringAs('ollama')), await startMock(answeringAs('vllm'))] as const
    const w = await userWorkspace(tempHome(), servers)
    const plan = { ...planOf(w, [ollama, vllm]), canary: { share: 0.5, seed: 3 } }
    const run = await settled(w.core, (await call<Run>(w.core, 'runs.start', { ...plan, name: 'canary' })).id)
    expect(run.status).toBe('cancelled')
    expect(run.canary).toMatchObject({ phase: 'stopped', verdict: 'fail' })
    expect(run.canary?.reason).toContain('v1 × vllm-box/qwen2.5:7b fails')
    expect(run.canary?.reason).not.toContain('local-llm')
    w.core.close()
  }, 30_000)

  it('a baseline folder of the second provider round-trips with its provider, results and scores', async () => {
    const { w, run } = await scoredRun()
    const baseline = sliceOf(w, vllm)
    await call(w.core, 'baselines.set', { promptId: w.prompt.prompt.id, runId: run.id, slice: baseline })
    const folder = mkdtempSync(join(tmpdir(), 'evallab-two-providers-'))
    const exported = await call<BundleExport>(w.core, 'bundles.export', {
      promptId: w.prompt.prompt.id,
      folder,
    })
    w.core.close()

    const fresh = demoCore(tempHome(), { seedDemo: false })
    const imported = await call<BundleImport>(fresh, 'bundles.import', { folder: exported.folder })
    const [kept] = await call<{ slice: SliceKey }[]>(fresh, 'baselines.list', { promptId: imported.promptId })
    expect(kept?.slice).toMatchObject({ provider: 'vllm-box', modelId: 'qwen2.5:7b' })
    const rows = await results(fresh, imported.runId)
    expect(rows).toHaveLength(perModel)
    expect(
      rows.every((r) => r.provider === 'vllm-box' && r.responseText === '{"answer":"mock from vllm"}'),
    ).toBe(true)
    const summary = await call<RunSummary>(fresh, 'runs.summary', { runId: imported.runId })
    expect(summary.slices.map((s) => [s.provider, s.results])).toEqual([['vllm-box', perModel]])
    // The scores that travelled are vLLM's own (rule.ollama fails on every one of its answers).
    const ollamaRule = summary.slices[0]?.metrics.find((m) => m.metric === 'rule.ollama')
    expect(ollamaRule).toMatchObject({ n: perModel, value: 0 })
    fresh.close()
  }, 30_000)
})
