import { join } from 'node:path'
import { expect } from 'vitest'
import type { Core } from '../../../../../electron/main/core'
import { openConnection } from '../../../../../electron/main/core/db/connection'
import { createRepos, type Repos } from '../../../../../electron/main/core/db/repos'
import type { DatasetDetail } from '../../../../../shared/domain/datasets'
import type { PromptDetail } from '../../../../../shared/domain/prompts'
import type { EvalSuite, RunSummary, Scorer } from '../../../../../shared/domain/scoring'
import type { MockChatRequest, MockLlmServer } from '../../../../fixtures/mock-llm'
import { call, demoCore } from '../../core-calls'
import { runToEnd } from '../helpers'

export const queues = ['billing', 'shipping', 'security', 'sales'] as const

/** The support model routes by the ticket's words; its `#3` tickets go to the wrong queue. */
export function triageResponder(request: MockChatRequest): string {
  const text = request.messages.map((m) => m.text).join('\n')
  const n = Number(/#(\d+)/.exec(text)?.[1] ?? 0)
  const queue = queues[n % queues.length] ?? 'billing'
  return JSON.stringify({ queue: n % 10 === 3 ? 'sales' : queue, priority: n % 5 })
}

export interface CodeSetup {
  core: Core
  repos: Repos
  runId: string
  promptId: string
  close: () => void
}

/** `cases` support tickets run on two models of the team's own providers: 2 × cases results. */
export async function codeRunSetup(
  home: string,
  server: MockLlmServer,
  cases: number,
  /** More expected fields for case n (e.g. its promptfoo assertions). */
  moreExpected: (n: number) => Record<string, unknown> = () => ({}),
): Promise<CodeSetup> {
  const core = demoCore(home, {
    seedDemo: false,
    providerSettings: {
      'acme-gateway': { kind: 'openai', baseUrl: server.openaiBaseUrl, apiKey: 'test', concurrency: 8 },
      'acme-claude': { kind: 'anthropic', baseUrl: server.anthropicBaseUrl, apiKey: 'test', concurrency: 8 },
    },
    runner: { retryPolicy: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2, timeoutMs: 5000 }, flushMs: 10 },
  })
  const dataset = await call<DatasetDetail>(core, 'datasets.create', { name: 'Support tickets' })
  for (let n = 0; n < cases; n++) {
    await call(core, 'cases.add', {
      datasetId: dataset.dataset.id,
      fields: {
        key: `T-${n}`,
        vars: { ticket: `Ticket #${n}: please help`, tier: n % 2 ? 'pro' : 'enterprise' },
        expected: { queue: queues[n % queues.length], maxPriority: 3, ...moreExpected(n) },
        expectedOutput: null,
        tags: [n % 2 ? 'pro' : 'enterprise'],
        notes: '',
      },
    })
  }
  const prompt = await call<PromptDetail>(core, 'prompts.create', {
    name: 'Support triage',
    messages: [
      { role: 'user', content: 'Route this ticket as JSON {"queue","priority"}: {{ticket}} ({{tier}})' },
    ],
    model: { provider: 'acme-gateway', model: 'acme-router-7b' },
    params: { temperature: 0 },
    message: 'First version',
    allowNewVariables: true,
  })
  const run = await runToEnd(core, {
    promptVersionIds: [prompt.version.id],
    models: [
      { provider: 'acme-gateway', model: 'acme-router-7b' },
      { provider: 'acme-claude', model: 'claude-haiku-acme' },
    ],
    datasetId: dataset.dataset.id,
  })
  expect(run.status).toBe('completed')
  const db = openConnection(join(home, 'evallab.db'))
  return {
    core,
    repos: createRepos(db),
    runId: run.id,
    promptId: prompt.prompt.id,
    close: () => {
      db.close()
      core.close()
    },
  }
}

export const codeScorer = (metric: string, source: string, timeLimitMs = 250): Scorer => ({
  metric,
  label: metric,
  config: { kind: 'code', source, timeLimitMs, memoryLimitMb: 16 },
})

export async function saveScorers(core: Core, promptId: string, scorers: Scorer[]): Promise<EvalSuite> {
  return call<EvalSuite>(core, 'suites.save', {
    promptId,
    suite: { scorers, gates: [] },
    message: 'Code scorers',
  })
}

export const metricOf = (summary: RunSummary, name: string, slice = 0) =>
  summary.slices[slice]?.metrics.find((m) => m.metric === name)
