/**
 * The UI benchmark of issue 18: Debian's Chromium (Playwright + the Chrome DevTools Protocol) against the
 * browser host, started as a process of its own on a temp workspace, with the tests' mock LLM server (in a
 * process of its own, 0 ms) added as a user provider. For each size (default 10,000 and 50,000 results:
 * cases × 2 models) it records runs.start and the longest core stall while starting, running and scoring
 * (a ping every 100 ms over the host's HTTP API), runs.score, the first page load's long tasks, grid open,
 * a fast flick's frame p95, the Summary tab, Compare until every chart is drawn, long tasks while clicking
 * through the screens during a running batch, host peak RSS and renderer heap. Writes bench/results-ui.json
 * with the issue's targets beside each figure and prints a table. Every wait is on UI state with a budget;
 * a step that does not finish in time is recorded as "not reached in N s".
 *
 *   npx tsx bench/ui.ts [results …]     e.g. `npx tsx bench/ui.ts 10000` (or `npm run bench -- ui`); both build
 *   the app first when the sources are newer than out/.
 */
import { execSync, spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser } from '@playwright/test'
import { format, resolveConfig } from 'prettier'
import { forkMockLlm, type ForkedMockLlm } from '../tests/fixtures/mock-llm/fork'
import { chromiumLaunchOptions } from '../tests/e2e/chromium-launch'
import { startHostProcess, type HostProcess } from '../tests/e2e/host-process'
import { memoryOf, rpcClient, startPinger, type Rpc, type StallFigures } from './ui/host-rpc'
import { figure, printTable, type Figures, type SizeReport } from './ui/report'
import { BATCH_CASES, BATCH_LATENCY_MS, budgets, log, measureScreens } from './ui/screens-run'
import * as ws from './ui/workspace'

const load = () => loadavg().map((n) => Number(n.toFixed(2)))

interface CoreFigures {
  runId: string | null
  runName: string
  figures: Figures
  details: Record<string, unknown>
}

/** runs.start, the run to its end and runs.score over the host's API, with the pinger watching each phase. */
async function measureCore(
  rpc: Rpc,
  cases: number,
  datasetId: string,
  versionId: string,
): Promise<CoreFigures> {
  const runName = `Bench ${(cases * 2).toLocaleString('en')} results`
  const pinger = startPinger(rpc)
  const figures: Figures = {}
  const details: Record<string, unknown> = {}
  let started = performance.now()
  const run = await ws
    .startRun(
      rpc,
      { name: runName, versionId, datasetId, models: ws.MODELS, concurrency: 32 },
      budgets.startMs,
    )
    .catch((error: unknown) => ({ error: String(error) }))
  const startMs = Math.round(performance.now() - started)
  const stallStart = await pinger.next()
  if ('error' in run) {
    await pinger.stop()
    figures.runsStartMs = figure(
      'runsStartMs',
      null,
      `not reached in ${budgets.startMs / 1000} s: ${run.error}`,
    )
    return { runId: null, runName, figures, details: { stallStart } }
  }
  figures.runsStartMs = figure('runsStartMs', startMs)
  log(`runs.start ${startMs} ms; running ${run.counts.total} calls`)
  started = performance.now()
  const ended = await ws.waitForRunEnd(rpc, run.id, budgets.runMs)
  const runS = (performance.now() - started) / 1000
  const stallRun = await pinger.next()
  figures.runWallS = ended
    ? figure('runWallS', Number(runS.toFixed(1)))
    : figure('runWallS', null, `not reached in ${budgets.runMs / 1000} s`)
  details.run = ended ? { ...ended, callsPerS: Math.round(ended.counts.done / runS) } : null
  log(`run ${ended?.status ?? 'not finished'} in ${runS.toFixed(1)} s`)
  started = performance.now()
  const scored = await rpc
    .call('runs.score', { runId: run.id }, budgets.scoreMs)
    .then(() => true)
    .catch((error: unknown) => String(error))
  const scoreMs = Math.round(performance.now() - started)
  const stallScore = await pinger.stop()
  if (scored === true) {
    figures.runsScoreMs = figure('runsScoreMs', scoreMs)
    figures.scoreResultsPerS = figure('scoreResultsPerS', Math.round((cases * 2) / (scoreMs / 1000)))
  } else {
    figures.runsScoreMs = figure('runsScoreMs', null, `not reached in ${budgets.scoreMs / 1000} s: ${scored}`)
    figures.scoreResultsPerS = figure('scoreResultsPerS', null)
  }
  log(`runs.score ${scoreMs} ms`)
  Object.assign(figures, stallFigures(stallStart, stallRun, stallScore))
  Object.assign(details, { stallStart, stallRun, stallScore })
  return { runId: run.id, runName, figures, details }
}

function stallFigures(start: StallFigures, run: StallFigures, score: StallFigures): Figures {
  const all = [start, run, score]
  const firstError = all.find((s) => s.firstError)?.firstError ?? undefined
  return {
    stallStartMaxMs: figure('stallStartMaxMs', start.maxReplyMs),
    stallRunMaxMs: figure('stallRunMaxMs', run.maxReplyMs),
    stallScoreMaxMs: figure('stallScoreMaxMs', score.maxReplyMs),
    slowPings: figure(
      'slowPings',
      all.reduce((n, s) => n + s.slowReplies, 0),
    ),
    pingErrors: figure(
      'pingErrors',
      all.reduce((n, s) => n + s.errors, 0),
      firstError,
    ),
  }
}

async function measureSize(browser: Browser, results: number): Promise<SizeReport> {
  const cases = Math.ceil(results / ws.MODELS.length)
  const atStart = load()
  log(
    `${results.toLocaleString('en')} results (${cases} cases × ${ws.MODELS.length} models), load ${atStart.join(' ')}`,
  )
  const mocks: ForkedMockLlm[] = []
  let host: HostProcess | undefined
  let peakSampled = 0
  let sampler: NodeJS.Timeout | undefined
  try {
    mocks.push(
      await forkMockLlm({ latencyMs: 0, seed: 1 }),
      await forkMockLlm({ latencyMs: BATCH_LATENCY_MS, seed: 2 }),
    )
    Object.assign(process.env, ws.providerKeyEnv)
    host = await startHostProcess({ noDemo: true })
    const pid = host.pid ?? 0
    sampler = setInterval(() => (peakSampled = Math.max(peakSampled, memoryOf(pid)?.rssMb ?? 0)), 250)
    const rpc = rpcClient(host.url)
    await ws.addProviders(rpc, mocks[0]?.openaiBaseUrl ?? '', mocks[1]?.openaiBaseUrl ?? '')
    const datasetId = await ws.importDataset(rpc, `Bench ${cases} cases`, cases)
    const batchDatasetId = await ws.importDataset(rpc, 'Bench batch cases', BATCH_CASES)
    const versionId = await ws.createPrompt(rpc)
    log('workspace ready')
    const core = await measureCore(rpc, cases, datasetId, versionId)
    const screens = core.runId
      ? await measureScreens(browser, host, rpc, core.runName, { datasetId: batchDatasetId, versionId })
      : { figures: {}, details: {} }
    const memory = memoryOf(pid)
    const hostPeak = Math.max(memory?.peakMb ?? 0, peakSampled)
    const figures = {
      ...core.figures,
      ...screens.figures,
      hostPeakRssMb: figure('hostPeakRssMb', hostPeak, 'VmHWM'),
    }
    const details = { ...core.details, ...screens.details, hostRssAtEndMb: memory?.rssMb }
    return {
      results,
      cases,
      models: ws.MODELS.length,
      loadAverage: { atStart, atEnd: load() },
      figures,
      details,
    }
  } finally {
    clearInterval(sampler)
    await host?.stop()
    await Promise.all(mocks.map((m) => m.close()))
  }
}

function gitCommit(): string | null {
  try {
    return execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim()
  } catch {
    return null
  }
}

/** Every size in turn, one Chromium for all; writes bench/results-ui.json and prints the table. */
export async function runUiBench(sizes: readonly number[] = [10_000, 50_000]): Promise<SizeReport[]> {
  const browser = await chromium.launch(chromiumLaunchOptions)
  const reports: SizeReport[] = []
  try {
    for (const size of sizes) reports.push(await measureSize(browser, size))
  } finally {
    await browser.close()
  }
  const out = {
    measuredAt: new Date().toISOString(),
    commit: gitCommit(),
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version },
    note: 'Targets are those of issue 18, stated for 50,000 results; met is null where the issue sets none.',
    sizes: reports,
  }
  const file = new URL('./results-ui.json', import.meta.url)
  // Written as Prettier would, so `npm run lint` stays clean after a run.
  const options = await resolveConfig(file)
  writeFileSync(file, await format(JSON.stringify(out), { ...options, parser: 'json' }))
  printTable(reports)
  console.log('Wrote bench/results-ui.json')
  return reports
}

if (process.argv[1]?.endsWith('ui.ts')) {
  // The host runs the build (out/): measure the sources as they are now, as `npm run bench` does.
  const build = spawnSync(
    process.execPath,
    [fileURLToPath(new URL('../scripts/build-if-stale.mjs', import.meta.url))],
    {
      stdio: 'inherit',
    },
  )
  if (build.status !== 0) process.exit(build.status ?? 1)
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0)
  await runUiBench(sizes.length > 0 ? sizes : undefined)
}
