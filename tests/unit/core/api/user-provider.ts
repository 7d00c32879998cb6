import type { Core } from '../../../../electron/main/core'
import type { PromptDetail } from '../../../../shared/domain/prompts'
import type { Run } from '../../../../shared/domain/runs'
import type { GateResult, SliceKey } from '../../../../shared/domain/scoring'
import type { MockLlmServer } from '../../../fixtures/mock-llm'
import { call, demoCore } from '../core-calls'
import { demoDatasetId, runToEnd } from '../scoring/helpers'

/** A workspace with providers of the user's own and no environment to lean on (no legacy base URL). */
export function userCore(home: string): Core {
  return demoCore(home, { runner: { env: {}, flushMs: 10, demoLatencyScale: 0 } })
}

/** `local-llm`: an OpenAI-compatible server on this machine (the mock), as a user adds one in Settings. */
export async function addLocalLlm(core: Core, server: MockLlmServer, name = 'local-llm'): Promise<void> {
  await call(core, 'providers.save', {
    name,
    kind: 'openai-compatible',
    baseUrl: server.openaiBaseUrl,
    concurrency: 8,
  })
}

/** A prompt of the user's own over the demo tickets, pinned to `model`, with a gate any answer passes. */
export async function supportPrompt(
  core: Core,
  model: { provider: string; model: string },
  name = 'Support reply',
): Promise<PromptDetail> {
  const detail = await call<PromptDetail>(core, 'prompts.create', {
    name,
    messages: [
      { role: 'system', content: 'You answer support tickets in one short paragraph.' },
      { role: 'user', content: 'Subject: {{subject}}\n\n{{body}}' },
    ],
    model,
    params: { temperature: 0, maxTokens: 64 },
    message: 'First version',
    allowNewVariables: true,
  })
  await call(core, 'suites.save', {
    promptId: detail.prompt.id,
    suite: { scorers: [], gates: [{ kind: 'max_error_rate', max: 0.05 }] },
    message: 'Errors only',
  })
  return detail
}

/** Runs one version on one model over the demo tickets, without the cache, to the end. */
export async function runOn(
  core: Core,
  versionId: string,
  model: { provider: string; model: string },
): Promise<{ run: Run; slice: SliceKey }> {
  const run = await runToEnd(
    core,
    { promptVersionIds: [versionId], models: [model], datasetId: await demoDatasetId(core), useCache: false },
    `${model.provider}/${model.model}`,
  )
  return { run, slice: { promptVersionId: versionId, provider: model.provider, modelId: model.model } }
}

/** Sets the slice as the prompt's baseline and evaluates its gate. */
export async function baselineAndGate(
  core: Core,
  promptId: string,
  side: { run: Run; slice: SliceKey },
): Promise<GateResult> {
  await call(core, 'baselines.set', { promptId, runId: side.run.id, slice: side.slice })
  return call<GateResult>(core, 'gates.evaluate', { runId: side.run.id, slice: side.slice })
}
