import { expect } from 'vitest'
import type { Core } from '../../../../../electron/main/core'
import { costOf } from '../../../../../electron/main/core/llm/cost'
import type { ProviderSettings } from '../../../../../electron/main/core/llm/providers/settings'
import type { ModelRef } from '../../../../../shared/domain/prompts'
import type { Run, RunResult } from '../../../../../shared/domain/runs'
import type { MockLlmServer } from '../../../../fixtures/mock-llm'
import { call, demoCore } from '../../core-calls'
import { ownWorkspace, type OwnWorkspace } from '../own-provider'

/** The user's own accounts, all on the mock: an OpenAI account, a Claude team account, a local server. */
export const acmeMini: ModelRef = { provider: 'acme-openai', model: 'gpt-4o-mini' }
export const acme4o: ModelRef = { provider: 'acme-openai', model: 'gpt-4o' }
export const claudeHaiku: ModelRef = { provider: 'claude-team', model: 'claude-3-5-haiku-20241022' }
export const localQwen: ModelRef = { provider: 'local-llm', model: 'qwen2.5:7b' }

export function mockSettings(server: MockLlmServer): Record<string, ProviderSettings> {
  return {
    'acme-openai': { kind: 'openai', baseUrl: server.openaiBaseUrl, apiKey: 'sk-acme', concurrency: 8 },
    'claude-team': { kind: 'anthropic', baseUrl: server.anthropicBaseUrl, apiKey: 'sk-ant', concurrency: 8 },
    'local-llm': { kind: 'openai-compatible', baseUrl: server.openaiBaseUrl, concurrency: 4 },
  }
}

/** The real adapters (no batchApiFactory), polled every few ms so a test waits on the mock, not a clock. */
const runner = { env: {}, flushMs: 5, batchPollMs: 5, batchPollMaxMs: 20 }

export function mockCore(home: string, server: MockLlmServer): Core {
  return demoCore(home, { seedDemo: false, providerSettings: mockSettings(server), runner })
}

export function mockWorkspace(
  home: string,
  server: MockLlmServer,
  model: ModelRef,
  rows: number,
): Promise<OwnWorkspace> {
  return ownWorkspace(home, model, { rows, providerSettings: mockSettings(server), runner })
}

export function startBatch(
  ws: OwnWorkspace,
  models: ModelRef[],
  extra: Record<string, unknown> = {},
): Promise<Run> {
  return call<Run>(ws.core, 'runs.start', {
    name: 'Batch on the mock',
    promptVersionIds: ws.versionIds,
    models,
    datasetId: ws.datasetId,
    useCache: false,
    mode: 'batch',
    ...extra,
  })
}

/** Every answered batch row costs half what the same usage costs streamed, at the run's frozen streamed price. */
export function expectHalfPrice(run: Run, rows: readonly RunResult[]): void {
  const answered = rows.filter((r) => r.batch && r.errorKind === null && !r.cached)
  expect(answered.length).toBeGreaterThan(0)
  for (const row of answered) {
    const price = run.priceTable.find((p) => p.provider === row.provider && p.model === row.modelId)
    expect(price?.inputPerMTok, `${row.provider}/${row.modelId} has a streamed price`).toBeGreaterThan(0)
    const usage = {
      inputTokens: row.inputTokens ?? 0,
      outputTokens: row.outputTokens ?? 0,
      cachedTokens: row.cachedTokens ?? 0,
    }
    expect(row.costUsd).toBeCloseTo((costOf(price, usage) ?? NaN) / 2, 12)
  }
}

/** The number of times the mock ran each custom id (batch items are keyed by custom id, streamed calls by case key). */
export function batchRuns(server: MockLlmServer): Map<string, number> {
  const out = new Map<string, number>()
  for (const [key, runs] of server.stats.attempts) if (!key.includes('/')) out.set(key, runs.length)
  return out
}
