/**
 * One row of the runner benchmark (see runner.ts), in a process of its own so that its peak RSS is that of
 * one run of 2,000 calls: a fresh workspace with 500 generated cases imported through `datasets.importCommit`,
 * a prompt with two versions, two OpenAI models pointed at the in-process mock server, then runs.start → the
 * run's final progress event, timed. Prints one JSON line (the row's figures) as its last line of output.
 *
 *   npx tsx bench/runner-row.ts <latencyMs> <concurrency>
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { openCore, type Core } from '../electron/main/core'
import type { PromptDetail, PromptVersion } from '../shared/domain/prompts'
import type { Run, RunProgress } from '../shared/domain/runs'
import { startMockLlmServer } from '../tests/fixtures/mock-llm'

export const CASES = 500
export const MODELS = [
  { provider: 'openai', model: 'gpt-4o-mini' },
  { provider: 'openai', model: 'gpt-4o' },
] as const

/** What one row measured; runner.ts derives the snake_case figures from it. */
export interface RowMeasure {
  latencyMs: number
  concurrency: number
  calls: number
  wallMs: number
  peakRssMb: number
  /** RSS once the workspace, mock and prompt are ready, just before runs.start. */
  baselineRssMb: number
  results: number
  errors: number
  status: string
  /** Requests the mock answered and the most it had in flight at once (the effective concurrency). */
  mockTotal: number
  mockMaxInFlight: number
}

async function call<T>(core: Core, method: string, input: unknown): Promise<T> {
  const result = await core.dispatch(method, input)
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`)
  return result.value as T
}

const quote = (text: string): string => `"${text.replace(/"/g, '""')}"`

function buildCases(rows: number): string {
  const topics = ['refund', 'login', 'export', 'invoice', 'dashboard', 'password', 'billing', 'upload']
  const lines = ['customer_message,expected']
  for (let i = 0; i < rows; i++) {
    const topic = topics[i % topics.length] ?? 'other'
    const message = `Ticket ${i + 1}: I have a problem with my ${topic}, it fails since yesterday (case ${i}).`
    lines.push(`${quote(message)},${quote(topic)}`)
  }
  return `${lines.join('\n')}\n`
}

async function importCases(core: Core): Promise<string> {
  const contentBase64 = Buffer.from(buildCases(CASES), 'utf8').toString('base64')
  const fileName = 'bench-cases.csv'
  const preview = await call<{ mapping: Record<string, unknown> }>(core, 'datasets.importPreview', {
    fileName,
    contentBase64,
    knownVariables: ['customer_message'],
  })
  const detail = await call<{ dataset: { id: string; caseCount: number } }>(core, 'datasets.importCommit', {
    fileName,
    contentBase64,
    mapping: preview.mapping,
    target: { kind: 'new', name: 'Runner bench' },
  })
  if (detail.dataset.caseCount !== CASES) throw new Error(`imported ${detail.dataset.caseCount} cases`)
  return detail.dataset.id
}

async function createPromptVersions(core: Core): Promise<string[]> {
  const user = { role: 'user', content: 'Customer message:\n{{customer_message}}' }
  const first = await call<PromptDetail>(core, 'prompts.create', {
    name: 'Runner bench triage',
    messages: [{ role: 'system', content: 'Classify the support ticket in one word.' }, user],
    model: MODELS[0],
    message: 'First version',
    allowNewVariables: true,
  })
  const second = await call<PromptVersion>(core, 'prompts.saveVersion', {
    promptId: first.prompt.id,
    baseVersionId: first.version.id,
    messages: [
      { role: 'system', content: 'Name the product area of this ticket, one word, lower case.' },
      user,
    ],
    message: 'Second version',
    allowNewVariables: true,
  })
  return [first.version.id, second.id]
}

/** Resolves with the time the run left 'running' (its final progress event). */
function settled(core: Core): Promise<number> {
  return new Promise((resolve) => {
    const stop = core.bus.subscribe((event, payload) => {
      if (event !== 'runs.progress' || (payload as RunProgress).status === 'running') return
      stop()
      resolve(performance.now())
    })
  })
}

/** Peak RSS in MB: sampled every 20 ms, and the kernel's high-water mark for the process. */
function rssSampler(): { stop(): number } {
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 20)
  return {
    stop() {
      clearInterval(timer)
      const kernelPeak = process.resourceUsage().maxRSS * 1024
      return Math.max(peak, kernelPeak, process.memoryUsage().rss) / 1024 / 1024
    },
  }
}

export async function measureRow(latencyMs: number, concurrency: number): Promise<RowMeasure> {
  const sampler = rssSampler()
  const server = await startMockLlmServer({ latencyMs })
  const home = mkdtempSync(join(tmpdir(), 'evallab-bench-runner-'))
  const core = openCore({
    home,
    seedDemo: false,
    user: 'bench',
    providerSettings: {
      openai: { kind: 'openai', baseUrl: server.openaiBaseUrl, apiKey: 'bench', concurrency },
    },
  })
  try {
    const datasetId = await importCases(core)
    const promptVersionIds = await createPromptVersions(core)
    const baselineRssMb = process.memoryUsage().rss / 1024 / 1024
    const done = settled(core)
    const started = performance.now()
    const run = await call<Run>(core, 'runs.start', {
      name: `bench c${concurrency} ${latencyMs} ms`,
      promptVersionIds,
      models: MODELS,
      datasetId,
      concurrency: { openai: concurrency },
      useCache: false,
    })
    const wallMs = (await done) - started
    const peakRssMb = sampler.stop()
    const final = await call<Run>(core, 'runs.get', { id: run.id })
    const page = await call<{ total: number }>(core, 'runs.results', { runId: run.id, limit: 1 })
    return {
      latencyMs,
      concurrency,
      calls: final.counts.total,
      wallMs,
      peakRssMb,
      baselineRssMb,
      results: page.total,
      errors: final.counts.errors,
      status: final.status,
      mockTotal: server.stats.total,
      mockMaxInFlight: server.stats.maxInFlight,
    }
  } finally {
    sampler.stop()
    core.close()
    await server.close()
    rmSync(home, { recursive: true, force: true })
  }
}

if (process.argv[1]?.endsWith('runner-row.ts')) {
  const measure = await measureRow(Number(process.argv[2] ?? 0), Number(process.argv[3] ?? 64))
  console.log(JSON.stringify(measure))
}
