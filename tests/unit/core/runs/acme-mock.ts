import type { Core, CoreOptions } from '../../../../electron/main/core'
import type { DatasetCase } from '../../../../shared/domain/datasets'
import type { RunResultPage } from '../../../../shared/domain/runs'
import type { MockChatRequest, MockLlmServer, Responder } from '../../../fixtures/mock-llm'
import { call, demoCore } from '../core-calls'
import { allCases, importAsNew } from '../datasets/api-helpers'

/**
 * A user's own workspace for issue 19's acceptance paths through the mock server and the real SDKs: no demo
 * data, two providers of their own (an OpenAI account and a direct Anthropic one), both pointing at the mock.
 */
export const acmeOpenai = 'acme-openai'
export const claudeDirect = 'claude-direct'

export function acmeCore(home: string, server: MockLlmServer, runner: CoreOptions['runner'] = {}): Core {
  return demoCore(home, {
    seedDemo: false,
    user: 'pm',
    providerSettings: {
      [acmeOpenai]: { kind: 'openai', baseUrl: server.openaiBaseUrl, apiKey: 'test', concurrency: 4 },
      [claudeDirect]: { kind: 'anthropic', baseUrl: server.anthropicBaseUrl, apiKey: 'test', concurrency: 4 },
    },
    runner: { env: {}, flushMs: 10, ...runner },
  })
}

/** Imports JSONL lines as a new dataset, with the mapping the preview suggests; returns it and its cases. */
export async function importJsonl(
  core: Core,
  fileName: string,
  lines: readonly Record<string, unknown>[],
  name: string,
): Promise<{ datasetId: string; cases: DatasetCase[] }> {
  const content = lines.map((l) => JSON.stringify(l)).join('\n')
  const imported = await importAsNew(core, fileName, `${content}\n`, name)
  return { datasetId: imported.dataset.id, cases: await allCases(core, imported.dataset.id) }
}

/** A responder that keeps every request it answers (retries included), in arrival order. */
export function recording(responder: Responder): { responder: Responder; seen: MockChatRequest[] } {
  const seen: MockChatRequest[] = []
  return {
    seen,
    responder: (request) => {
      seen.push(request)
      return responder(request)
    },
  }
}

/** The text of the request's last user turn (the case's ticket, wherever the prompt put it). */
export const lastUserText = (request: MockChatRequest): string =>
  [...request.messages].reverse().find((m) => m.role === 'user')?.text ?? ''

/** A stored result as the results page gives it: with its case key. */
export type ResultRow = RunResultPage['results'][number]

/** Every result of the run, page by page. */
export async function resultRows(core: Core, runId: string): Promise<ResultRow[]> {
  const out: ResultRow[] = []
  for (let offset = 0; ; offset += 500) {
    const page = await call<RunResultPage>(core, 'runs.results', { runId, limit: 500, offset })
    out.push(...page.results)
    if (out.length >= page.total || page.results.length === 0) return out
  }
}
