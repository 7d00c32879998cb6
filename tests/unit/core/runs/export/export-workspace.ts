import type { Core } from '../../../../../electron/main/core'
import type { ModelRef, PromptDetail } from '../../../../../shared/domain/prompts'
import type { Run, RunProgress } from '../../../../../shared/domain/runs'
import type { MockChatRequest, MockLlmServer } from '../../../../fixtures/mock-llm'
import { call, demoCore } from '../../core-calls'
import { importAsNew } from '../../datasets/api-helpers'

/**
 * A user's own workspace for the results export: no demo data, their own hosted OpenAI-compatible gateway (a
 * model no price table knows) and OpenAI itself (a known price), both served by the mock server; a JSONL dataset with empty and
 * missing values, formula-like text and unicode; a prompt, a second version of it and a suite of rules.
 */
export const gateway: ModelRef = { provider: 'acme-gateway', model: 'acme-support-7b' }
export const openai: ModelRef = { provider: 'openai', model: 'gpt-4o-mini' }

export interface ExportWorkspace {
  core: Core
  prompt: PromptDetail
  versionIds: string[]
  datasetId: string
}

/** Case i: every 7th has no `customer` var, every 5th an empty one; every 3rd subject looks like a formula. */
export function caseLine(i: number): string {
  const key = `case-${String(i).padStart(5, '0')}`
  const vars: Record<string, string> = {
    subject: i % 3 === 0 ? `=HYPERLINK("http://x.test/${i}")` : `Colis n°${i} abîmé — « remboursement »`,
  }
  if (i % 7 !== 0) vars.customer = i % 5 === 0 ? '' : `Zoë "${i}"\nline two`
  const expected = { category: i % 2 === 0 ? 'refund' : '-exchange', priority: i % 4 }
  const tags = i % 2 === 0 ? ['billing'] : []
  return JSON.stringify({ key, vars, expected, expectedOutput: null, tags, notes: i % 11 === 0 ? '' : 'ok' })
}

/** The answer: formula-like for subjects that are, an empty answer for every 13th case. */
export function answer(request: MockChatRequest): string {
  const text = request.messages.map((m) => m.text).join('\n')
  if (text.includes('=HYPERLINK')) return '=cmd|"/c calc"!A1'
  const n = Number(/n°(\d+) /.exec(text)?.[1] ?? 1)
  if (n % 13 === 0) return ''
  return `Refund approved. ${text.length}`
}

export async function exportWorkspace(
  home: string,
  server: MockLlmServer,
  cases: number,
  retry = { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 2, timeoutMs: 2000 },
): Promise<ExportWorkspace> {
  const core = demoCore(home, {
    seedDemo: false,
    providerSettings: {
      openai: { kind: 'openai', baseUrl: server.openaiBaseUrl, apiKey: 'test', concurrency: 16 },
    },
    runner: { env: {}, flushMs: 10, retryPolicy: retry },
  })
  await call(core, 'providers.save', {
    name: gateway.provider,
    kind: 'openai-compatible',
    baseUrl: server.openaiBaseUrl,
    // The team's hosted gateway: it bills, and no price table knows its model.
    locality: 'hosted',
    concurrency: 16,
  })
  const jsonl = Array.from({ length: cases }, (_, i) => caseLine(i + 1)).join('\n')
  const dataset = await importAsNew(core, 'tickets.jsonl', `${jsonl}\n`, 'Damaged parcels')
  const user = { role: 'user', content: 'Subject: {{subject}}\nFrom: {{customer}}' }
  const prompt = await call<PromptDetail>(core, 'prompts.create', {
    name: 'Parcel reply',
    messages: [user],
    model: gateway,
    params: { temperature: 0 },
    message: 'first version',
  })
  const second = await call<{ id: string }>(core, 'prompts.saveVersion', {
    promptId: prompt.prompt.id,
    baseVersionId: prompt.version.id,
    messages: [{ role: 'system', content: 'Be brief.' }, user],
    message: 'second version',
  })
  await call(core, 'suites.save', {
    promptId: prompt.prompt.id,
    message: 'refund rules',
    suite: {
      scorers: [
        {
          metric: 'rule.refund',
          label: 'Mentions a refund',
          config: { kind: 'rule', rule: { op: 'contains', path: '', value: 'Refund' } },
        },
        {
          metric: 'rule.approved',
          label: 'Approves',
          config: { kind: 'rule', rule: { op: 'contains', path: '', value: 'approved' } },
        },
      ],
      gates: [],
    },
  })
  return { core, prompt, versionIds: [prompt.version.id, second.id], datasetId: dataset.dataset.id }
}

/** Starts a run, waits for its end and scores it. */
export async function scoredRun(
  w: ExportWorkspace,
  plan: { promptVersionIds: string[]; models: ModelRef[]; repeats?: number },
  name: string,
): Promise<Run> {
  const run = await call<Run>(w.core, 'runs.start', {
    ...plan,
    datasetId: w.datasetId,
    useCache: false,
    name,
  })
  const end = ended(w.core, run.id)
  const now = await call<Run>(w.core, 'runs.get', { id: run.id })
  const final = ['completed', 'cancelled', 'failed'].includes(now.status) ? now : await end
  await call(w.core, 'runs.score', { runId: run.id })
  return final
}

function ended(core: Core, runId: string): Promise<Run> {
  const done = new Set(['completed', 'cancelled', 'failed'])
  return new Promise((resolve) => {
    const stop = core.bus.subscribe((event, payload) => {
      const p = payload as RunProgress
      if (event !== 'runs.progress' || p.runId !== runId || !done.has(p.status)) return
      stop()
      void call<Run>(core, 'runs.get', { id: runId }).then(resolve)
    })
  })
}
