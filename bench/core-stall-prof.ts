/**
 * Where the core's long ticks come from, for tests/unit/core/runs/busy-core.test.ts: the same 25,000-case ×
 * 2-model run, the mock LLM server in its own process (as in that test), concurrency 16. Every gap of more
 * than 40 ms between 10 ms ticks is logged with the process's CPU time during it (a gap with little CPU is
 * the OS not scheduling the process, not work on the loop) and the heap (a drop is a major GC); GC pauses
 * over 20 ms are listed at the end. A development probe, not part of `npm run bench`. Add --cpu-prof to see
 * what ran.
 *
 *   PROF_OUT=/tmp/events.txt node --import tsx bench/core-stall-prof.ts [cases=25000]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance, PerformanceObserver } from 'node:perf_hooks'
import { openCore, type Core } from '../electron/main/core'
import { forkMockLlm } from '../tests/fixtures/mock-llm/fork'

const CASES = Number(process.argv[2] ?? 25_000)
async function call<T>(core: Core, method: string, input: unknown): Promise<T> {
  const result = await core.dispatch(method, input)
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`)
  return result.value as T
}
function csv(rows: number): string {
  const lines = ['ticket,expected_area']
  for (let i = 0; i < rows; i++) lines.push(`"Order ${i}: the export to CSV stops at row ${i % 97}",export`)
  return `${lines.join('\n')}\n`
}
const t0 = performance.now()
const events: string[] = []
const gcs: { at: number; ms: number; kind: number }[] = []
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const d = e as unknown as { detail?: { kind: number } }
    gcs.push({ at: Math.round(e.startTime - t0), ms: Math.round(e.duration), kind: d.detail?.kind ?? -1 })
  }
}).observe({ entryTypes: ['gc'] })
let phase = 'setup'
let last = performance.now()
let lastCpu = process.cpuUsage()
const timer = setInterval(() => {
  const now = performance.now()
  const gap = now - last - 10
  const cpu = process.cpuUsage(lastCpu)
  lastCpu = process.cpuUsage()
  const cpuMs = Math.round((cpu.user + cpu.system) / 1000)
  if (gap > 40)
    events.push(
      `${phase} tick-gap ${Math.round(gap)}ms cpu ${cpuMs}ms ending at ${Math.round(now - t0)} heap ${Math.round(process.memoryUsage().heapUsed / 1e6)}MB`,
    )
  last = now
}, 10)
const mem = setInterval(() => {
  const m = process.memoryUsage()
  events.push(
    `${phase} mem at ${Math.round(performance.now() - t0)} heapUsed ${Math.round(m.heapUsed / 1e6)} heapTotal ${Math.round(m.heapTotal / 1e6)} rss ${Math.round(m.rss / 1e6)}`,
  )
}, 5000)
const server = await forkMockLlm({ latencyMs: 0 })
const home = mkdtempSync(join(tmpdir(), 'evallab-prof-'))
const core = openCore({
  home,
  seedDemo: false,
  user: 'bench',
  providerSettings: {
    'lab-vllm': { kind: 'openai', baseUrl: server.openaiBaseUrl, apiKey: 'k', concurrency: 16 },
  },
})
const contentBase64 = Buffer.from(csv(CASES)).toString('base64')
const preview = await call<{ mapping: unknown }>(core, 'datasets.importPreview', {
  fileName: 't.csv',
  contentBase64,
  knownVariables: ['ticket'],
})
const detail = await call<{ dataset: { id: string } }>(core, 'datasets.importCommit', {
  fileName: 't.csv',
  contentBase64,
  mapping: preview.mapping,
  target: { kind: 'new', name: 'Stall' },
})
const models = [
  { provider: 'lab-vllm', model: 'qwen-a' },
  { provider: 'lab-vllm', model: 'qwen-b' },
]
const prompt = await call<{ version: { id: string } }>(core, 'prompts.create', {
  name: 'Stall',
  messages: [{ role: 'user', content: 'Classify:\n{{ticket}}' }],
  model: models[0],
  message: 'First',
  allowNewVariables: true,
})
const done = new Promise<void>((resolve) =>
  core.bus.subscribe((event, payload) => {
    const p = payload as { status: string }
    if (event === 'runs.progress' && p.status !== 'running' && p.status !== 'planning') resolve()
  }),
)
phase = 'start'
events.push(`start begins at ${Math.round(performance.now() - t0)}`)
let t = performance.now()
const run = await call<{ id: string }>(core, 'runs.start', {
  name: 's',
  promptVersionIds: [prompt.version.id],
  models,
  datasetId: detail.dataset.id,
  useCache: false,
})
const startMs = performance.now() - t
phase = 'run'
events.push(`run begins at ${Math.round(performance.now() - t0)}`)
t = performance.now()
await done
const runMs = performance.now() - t
phase = 'score'
events.push(`score begins at ${Math.round(performance.now() - t0)}`)
t = performance.now()
await call(core, 'runs.score', { runId: run.id })
const scoreMs = performance.now() - t
phase = 'end'
clearInterval(timer)
clearInterval(mem)
events.push(
  JSON.stringify({
    startMs: Math.round(startMs),
    runS: Math.round(runMs) / 1000,
    scoreMs: Math.round(scoreMs),
  }),
)
writeFileSync(
  process.env.PROF_OUT ?? '/tmp/c2/events.txt',
  `${events.join('\n')}\n--gc>20\n${gcs
    .filter((g) => g.ms > 20)
    .map((g) => JSON.stringify(g))
    .join('\n')}\n`,
)
core.close()
await server.close()
rmSync(home, { recursive: true, force: true })
process.exit(0)
