/**
 * The core's event loop while a big run starts, runs and is scored: `runs.start` time, `runs.score` time and
 * results/s, and the longest stall seen by a 10 ms ping in each phase. The mock LLM server runs in this
 * process at 0 ms. A development measure for issue 18 (the UI benchmark is bench/ui*), not part of
 * `npm run bench`.
 *
 *   npx tsx bench/core-stall.ts [cases=25000]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { openCore, type Core } from '../electron/main/core'
import { startMockLlmServer } from '../tests/fixtures/mock-llm'

const CASES = Number(process.argv[2] ?? 25_000)

async function call<T>(core: Core, method: string, input: unknown): Promise<T> {
  const result = await core.dispatch(method, input)
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`)
  return result.value as T
}

function csv(rows: number): string {
  const lines = ['customer_message,expected']
  for (let i = 0; i < rows; i++) lines.push(`"Ticket ${i}: my invoice fails (case ${i})",invoice`)
  return `${lines.join('\n')}\n`
}

/** The longest gap between 10 ms ticks beyond the 10 ms, per phase. */
function stallMeter() {
  let last = performance.now()
  let worst = 0
  const timer = setInterval(() => {
    const now = performance.now()
    worst = Math.max(worst, now - last - 10)
    last = now
  }, 10)
  return {
    take(): number {
      const w = worst
      worst = 0
      return Math.round(w)
    },
    stop: () => clearInterval(timer),
  }
}

async function main(): Promise<void> {
  const server = await startMockLlmServer({ latencyMs: 0 })
  const home = mkdtempSync(join(tmpdir(), 'evallab-stall-'))
  const core = openCore({
    home,
    seedDemo: false,
    user: 'bench',
    providerSettings: {
      'lab-openai': { kind: 'openai', baseUrl: server.openaiBaseUrl, apiKey: 'k', concurrency: 64 },
    },
  })
  const contentBase64 = Buffer.from(csv(CASES)).toString('base64')
  const fileName = 'cases.csv'
  const preview = await call<{ mapping: unknown }>(core, 'datasets.importPreview', {
    fileName,
    contentBase64,
    knownVariables: ['customer_message'],
  })
  const detail = await call<{ dataset: { id: string } }>(core, 'datasets.importCommit', {
    fileName,
    contentBase64,
    mapping: preview.mapping,
    target: { kind: 'new', name: 'Stall' },
  })
  const models = [
    { provider: 'lab-openai', model: 'qwen-a' },
    { provider: 'lab-openai', model: 'qwen-b' },
  ]
  const prompt = await call<{ version: { id: string } }>(core, 'prompts.create', {
    name: 'Stall triage',
    messages: [{ role: 'user', content: 'Classify:\n{{customer_message}}' }],
    model: models[0],
    message: 'First',
    allowNewVariables: true,
  })
  const stalls = stallMeter()
  const done = new Promise<void>((resolve) => {
    core.bus.subscribe((event, payload) => {
      const p = payload as { status: string }
      if (event === 'runs.progress' && p.status !== 'running' && p.status !== 'planning') resolve()
    })
  })
  stalls.take()
  let t = performance.now()
  const run = await call<{ id: string }>(core, 'runs.start', {
    name: 'stall',
    promptVersionIds: [prompt.version.id],
    models,
    datasetId: detail.dataset.id,
    useCache: false,
  })
  const startMs = performance.now() - t
  const startStall = stalls.take()
  if (process.argv[3] === 'start') {
    await call(core, 'runs.cancel', { id: run.id })
    console.log(
      JSON.stringify({ startMs: Math.round(startMs), startStallMs: startStall, cancelStall: stalls.take() }),
    )
    core.close()
    await server.close()
    return
  }
  t = performance.now()
  await done
  const runMs = performance.now() - t
  const runStall = stalls.take()
  const final = await call<{ status: string; counts: { done: number } }>(core, 'runs.get', { id: run.id })
  t = performance.now()
  await call(core, 'runs.score', { runId: run.id })
  const scoreMs = performance.now() - t
  const scoreStall = stalls.take()
  stalls.stop()
  const results = final.counts.done
  console.log(
    JSON.stringify({
      cases: CASES,
      status: final.status,
      results,
      startMs: Math.round(startMs),
      startStallMs: startStall,
      runS: Math.round(runMs) / 1000,
      runStallMs: runStall,
      scoreMs: Math.round(scoreMs),
      scoreResultsPerS: Math.round(results / (scoreMs / 1000)),
      scoreStallMs: scoreStall,
    }),
  )
  core.close()
  await server.close()
  rmSync(home, { recursive: true, force: true })
}

await main()
process.exit(0)
