import { expect } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import type { ModelRef, PromptDetail } from '../../../../shared/domain/prompts'
import type { Run, RunProgress, RunResult, RunResultPage } from '../../../../shared/domain/runs'
import type { MockLlmServer } from '../../../fixtures/mock-llm'
import { call, demoCore } from '../core-calls'
import { importAsNew } from '../datasets/api-helpers'

/**
 * A user's own workspace for the tests of one model id through two providers: no demo data, two
 * OpenAI-compatible providers of their own (each pointing at its own mock server), a CSV dataset, a prompt
 * pinned to one of them and a suite, all made through the contract.
 */

// The same model id served by two servers of the user's own: an Ollama box and a vLLM box.
export const ollama: ModelRef = { provider: 'local-llm', model: 'qwen2.5:7b' }
export const vllm: ModelRef = { provider: 'vllm-box', model: 'qwen2.5:7b' }
export const cases = 12
export const repeats = 2
export const perModel = cases * repeats

const csv = [
  'ticket_id,subject,category',
  ...Array.from({ length: cases }, (_, i) => `t-${100 + i},Refund request number ${i},billing`),
].join('\n')

export interface Workspace {
  core: Core
  prompt: PromptDetail
  datasetId: string
}

/** A workspace with no demo data: the user's providers, dataset, prompt and suite, through the contract. */
export async function userWorkspace(
  home: string,
  servers: readonly [MockLlmServer, MockLlmServer],
): Promise<Workspace> {
  const core = demoCore(home, { seedDemo: false, runner: { env: {}, flushMs: 10 } })
  for (const [name, server] of [
    [ollama.provider, servers[0]],
    [vllm.provider, servers[1]],
  ] as const) {
    await call(core, 'providers.save', {
      name,
      kind: 'openai-compatible',
      baseUrl: server.openaiBaseUrl,
      concurrency: 2,
    })
  }
  const dataset = await importAsNew(core, 'tickets.csv', csv, 'Support tickets')
  const prompt = await call<PromptDetail>(core, 'prompts.create', {
    name: 'Ticket router',
    messages: [{ role: 'user', content: 'Route this ticket as JSON: {{subject}}' }],
    model: ollama,
    params: { temperature: 0, responseFormat: { type: 'json_object' } },
    message: 'first version',
  })
  await call(core, 'suites.save', {
    promptId: prompt.prompt.id,
    message: 'JSON and an answer',
    suite: {
      scorers: [
        { metric: 'format.json', label: 'Valid JSON', config: { kind: 'format', format: { check: 'json' } } },
        {
          metric: 'rule.answer',
          label: 'Answers',
          config: { kind: 'rule', rule: { op: 'contains', path: 'answer', value: 'mock' } },
        },
        // Tells the two servers' answers apart when they are scripted to differ (see answeringAs).
        {
          metric: 'rule.ollama',
          label: 'Answered by the Ollama box',
          config: { kind: 'rule', rule: { op: 'contains', path: 'answer', value: 'ollama' } },
        },
      ],
      gates: [{ kind: 'min_score', metric: 'rule.ollama', min: 0.9 }],
    },
  })
  return { core, prompt, datasetId: dataset.dataset.id }
}

export const planOf = (w: Workspace, models: ModelRef[]) => ({
  promptVersionIds: [w.prompt.version.id],
  models,
  datasetId: w.datasetId,
  repeats,
  useCache: false,
})

/** The run once it has ended; progress still on its way from before a resume (paused) is not an end. */
export function settled(core: Core, runId: string): Promise<Run> {
  const ended = new Set(['completed', 'cancelled', 'failed'])
  return new Promise((resolve) => {
    const stop = core.bus.subscribe((event, payload) => {
      const p = payload as RunProgress
      if (event !== 'runs.progress' || p.runId !== runId || !ended.has(p.status)) return
      stop()
      void call<Run>(core, 'runs.get', { id: runId }).then(resolve)
    })
  })
}

/** Pauses the run once `after` results are written; resolves with the paused run. */
export function pauseAfter(core: Core, runId: string, after: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    let asked = false
    const stop = core.bus.subscribe((event, payload) => {
      const p = payload as RunProgress
      if (event !== 'runs.progress' || p.runId !== runId || asked || p.done < after) return
      asked = true
      stop()
      call<Run>(core, 'runs.pause', { id: runId }).then(resolve, reject)
    })
  })
}

export async function results(
  core: Core,
  runId: string,
  filter: Record<string, string> = {},
): Promise<RunResult[]> {
  const page = await call<RunResultPage>(core, 'runs.results', { runId, limit: 500, ...filter })
  expect(page.results).toHaveLength(page.total)
  return page.results
}

/** A mock server whose every answer names who answered, as JSON: `{"answer":"mock from <who>"}`. */
export const answeringAs = (who: string) => ({
  latencyMs: 5,
  responder: () => JSON.stringify({ answer: `mock from ${who}` }),
})
