// @ts-check
/**
 * One row of the runner benchmark (see runner.ts), in a process of its own so that its peak RSS is that of
 * one run of 2,000 calls. Plain JavaScript against the core as built for users (out/main/core.js; `npm run
 * bench` builds it when stale): a TypeScript loader in this process would add ~60 MB that users never carry.
 * A fresh workspace with 500 generated cases imported through `datasets.importCommit`, a prompt with two
 * versions, two OpenAI models pointed at the mock server (in its own process, see tests/fixtures/mock-llm/child.ts, as a real
 * provider would be), then runs.start → the run's final progress event, timed. Prints one JSON line (the
 * row's figures, a RowMeasure of runner.ts) as its last line of output.
 *
 * Optional third and fourth arguments: the number of cases (default 500; calls = cases × 4) and the mock's
 * behaviour as JSON (fault rates, a requests-per-minute limit; see tests/fixtures/mock-llm/README.md).
 *
 *   node --max-old-space-size=1024 bench/runner-row.mjs <latencyMs> <concurrency> [cases] [mock JSON]
 */
import { fork } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { openCore } from '../out/main/core.js'

const CASES = Number(process.argv[4] ?? 500)
const MOCK = /** @type {Record<string, unknown>} */ (JSON.parse(process.argv[5] ?? '{}'))
const MODELS = [
  { provider: 'openai', model: 'gpt-4o-mini' },
  { provider: 'openai', model: 'gpt-4o' },
]

/** @param {any} core @param {string} method @param {unknown} input @returns {Promise<any>} */
async function call(core, method, input) {
  const result = await core.dispatch(method, input)
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`)
  return result.value
}

/** @param {string} text */
const quote = (text) => `"${text.replace(/"/g, '""')}"`

/** @param {number} rows */
function buildCases(rows) {
  const topics = ['refund', 'login', 'export', 'invoice', 'dashboard', 'password', 'billing', 'upload']
  const lines = ['customer_message,expected']
  for (let i = 0; i < rows; i++) {
    const topic = topics[i % topics.length] ?? 'other'
    const message = `Ticket ${i + 1}: I have a problem with my ${topic}, it fails since yesterday (case ${i}).`
    lines.push(`${quote(message)},${quote(topic)}`)
  }
  return `${lines.join('\n')}\n`
}

/** @param {any} core @returns {Promise<string>} */
async function importCases(core) {
  const contentBase64 = Buffer.from(buildCases(CASES), 'utf8').toString('base64')
  const fileName = 'bench-cases.csv'
  const preview = await call(core, 'datasets.importPreview', {
    fileName,
    contentBase64,
    knownVariables: ['customer_message'],
  })
  const detail = await call(core, 'datasets.importCommit', {
    fileName,
    contentBase64,
    mapping: preview.mapping,
    target: { kind: 'new', name: 'Runner bench' },
  })
  if (detail.dataset.caseCount !== CASES) throw new Error(`imported ${detail.dataset.caseCount} cases`)
  return detail.dataset.id
}

/** @param {any} core @returns {Promise<string[]>} */
async function createPromptVersions(core) {
  const user = { role: 'user', content: 'Customer message:\n{{customer_message}}' }
  const first = await call(core, 'prompts.create', {
    name: 'Runner bench triage',
    messages: [{ role: 'system', content: 'Classify the support ticket in one word.' }, user],
    model: MODELS[0],
    message: 'First version',
    allowNewVariables: true,
  })
  const second = await call(core, 'prompts.saveVersion', {
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

/** Resolves with the time the run left 'running' (its final progress event). @param {any} core */
function settled(core) {
  return new Promise((resolve) => {
    const stop = core.bus.subscribe((/** @type {string} */ event, /** @type {any} */ payload) => {
      if (event !== 'runs.progress' || payload.status === 'running') return
      stop()
      resolve(performance.now())
    })
  })
}

/** Peak RSS in MB: sampled every 20 ms, and the kernel's high-water mark for the process. */
function rssSampler() {
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

/** @param {import('node:child_process').ChildProcess} child @param {string} type @returns {Promise<any>} */
function nextMessage(child, type) {
  return new Promise((resolve, reject) => {
    /** @param {any} message */
    const onMessage = (message) => {
      if (message?.type !== type) return
      child.off('message', onMessage)
      resolve(message)
    }
    child.on('message', onMessage)
    child.once('exit', (code) => reject(new Error(`the mock process exited with ${code}`)))
  })
}

/** The mock LLM server in its own process (a TypeScript fixture, so it runs under tsx there). */
async function startMockProcess(/** @type {number} */ latencyMs) {
  const script = fileURLToPath(new URL('../tests/fixtures/mock-llm/child.ts', import.meta.url))
  // tsx resolves from the working directory: run the mock from the repo root wherever the bench started.
  const cwd = fileURLToPath(new URL('..', import.meta.url))
  const behavior = JSON.stringify({ seed: 1, ...MOCK, latencyMs })
  const child = fork(script, [behavior], { execArgv: ['--import', 'tsx'], cwd })
  const { openaiBaseUrl } = await nextMessage(child, 'ready')
  return {
    /** @type {string} */ openaiBaseUrl,
    /** @returns {Promise<import('../tests/fixtures/mock-llm/child').MockProcessStats>} */
    async stats() {
      const reply = nextMessage(child, 'stats')
      child.send('stats')
      return reply
    },
    close: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve(undefined))
        child.send('close')
      }),
  }
}

async function measureRow(/** @type {number} */ latencyMs, /** @type {number} */ concurrency) {
  const sampler = rssSampler()
  const server = await startMockProcess(latencyMs)
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
    const run = await call(core, 'runs.start', {
      name: `bench c${concurrency} ${latencyMs} ms`,
      promptVersionIds,
      models: MODELS,
      datasetId,
      concurrency: { openai: concurrency },
      useCache: false,
    })
    const wallMs = /** @type {number} */ (await done) - started
    const peakRssMb = sampler.stop()
    const final = await call(core, 'runs.get', { id: run.id })
    const page = await call(core, 'runs.results', { runId: run.id, limit: 1 })
    const mock = await server.stats()
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
      mockTotal: mock.total,
      mockMaxInFlight: mock.maxInFlight,
      mockAverageInFlight: mock.averageInFlight,
      mock429: mock.byStatus[429] ?? 0,
      mockOk: mock.byStatus[200] ?? 0,
      mockFaults: mock.byFault,
    }
  } finally {
    sampler.stop()
    core.close()
    await server.close()
    rmSync(home, { recursive: true, force: true })
  }
}

const measure = await measureRow(Number(process.argv[2] ?? 0), Number(process.argv[3] ?? 64))
console.log(JSON.stringify(measure))
