/**
 * The browser half of the UI benchmark (see bench/ui.ts): one page on the host, its long tasks and heap,
 * the run's grid, a flick, the Summary tab, Compare, and a walk through the screens while a batch runs.
 */
import type { Browser } from '@playwright/test'
import type { HostProcess } from '../../tests/e2e/host-process'
import type { Rpc } from './host-rpc'
import { heapSampler, longTaskObserverScript } from './page-probes'
import { figure, type Figures } from './report'
import { BenchScreens } from './screens'
import * as ws from './workspace'

export const budgets = {
  startMs: 180_000,
  runMs: 900_000,
  scoreMs: 300_000,
  screenMs: 60_000,
  compareMs: 120_000,
}
export const BATCH_CASES = 2_000
export const BATCH_LATENCY_MS = 150

export const log = (text: string) => console.log(`[ui ${new Date().toISOString().slice(11, 19)}] ${text}`)

/** The browser part: page load, grid, flick, summary, compare, then the click-through during a batch. */
export async function measureScreens(
  browser: Browser,
  host: HostProcess,
  rpc: Rpc,
  runName: string,
  batch: { datasetId: string; versionId: string },
): Promise<{ figures: Figures; details: Record<string, unknown> }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  await context.addInitScript(longTaskObserverScript)
  const page = await context.newPage()
  const heap = await heapSampler(context, page)
  const screens = new BenchScreens(page)
  const f: Figures = {}
  const details: Record<string, unknown> = {}
  try {
    const opened = await screens.openPage(host.url, budgets.screenMs)
    f.firstLoadLongTaskWorstMs = figure(
      'firstLoadLongTaskWorstMs',
      opened.ms === null ? null : opened.longTasks.worstMs,
      opened.note,
    )
    details.firstLoad = opened
    const grid = await screens.openRunGrid(runName, budgets.screenMs)
    f.gridOpenMs = figure('gridOpenMs', grid.ms, grid.note)
    if (grid.ms !== null) {
      const flick = await screens.flick()
      f.flickFrameP95Ms = figure('flickFrameP95Ms', flick.p95Ms)
      f.flickLoadingFrames = figure('flickLoadingFrames', flick.loadingFrames, `of ${flick.frames} frames`)
      details.flick = flick
    }
    await heap.sample()
    const summary = await screens.summaryTab(budgets.screenMs)
    f.summaryTabMs = figure('summaryTabMs', summary.ms, summary.note)
    const gridTab = await screens.resultsTab(budgets.screenMs)
    f.gridTabMs = figure('gridTabMs', gridTab.ms, gridTab.note)
    await heap.sample()
    log(`grid ${grid.ms} ms, summary tab ${summary.ms} ms`)
    const compare = await screens.compareAllCharts(runName, budgets.compareMs)
    f.compareAllChartsMs = figure(
      'compareAllChartsMs',
      compare.ms,
      compare.note ?? `${compare.drawn} charts drawn`,
    )
    f.compareLongTaskCount = figure('compareLongTaskCount', compare.longTasks.count)
    f.compareLongTaskWorstMs = figure('compareLongTaskWorstMs', compare.longTasks.worstMs)
    await heap.sample()
    log(`compare ${compare.ms} ms (${compare.drawn} charts)`)
    Object.assign(f, await measureBatchWalk(screens, rpc, runName, batch))
  } finally {
    await heap.sample().catch(() => 0)
    f.rendererHeapMb = figure('rendererHeapMb', heap.peakMb, 'peak of the samples taken after each screen')
    await context.close()
  }
  return { figures: f, details }
}

/** Starts a slow run (a batch that keeps running), clicks through the screens, cancels the batch. */
async function measureBatchWalk(
  screens: BenchScreens,
  rpc: Rpc,
  bigRun: string,
  batch: { datasetId: string; versionId: string },
): Promise<Figures> {
  const batchName = 'Bench batch (running)'
  const models = [{ provider: ws.SLOW_PROVIDER, model: 'bench-slow-model' }]
  const run = await ws.startRun(rpc, { name: batchName, ...batch, models, concurrency: 4 }, budgets.startMs)
  try {
    const walk = await screens.clickThroughDuringBatch(bigRun, batchName, budgets.compareMs)
    const still = await rpc.call<ws.RunView>('runs.get', { id: run.id })
    const note =
      walk.note ??
      (still.status === 'running' ? 'batch still running at the end' : `batch ${still.status} before the end`)
    log(
      `walk during batch ${walk.ms} ms, long tasks ${walk.longTasks.count}, worst ${walk.longTasks.worstMs} ms`,
    )
    return {
      navLongTaskCount: figure('navLongTaskCount', walk.ms === null ? null : walk.longTasks.count, note),
      navLongTaskWorstMs: figure(
        'navLongTaskWorstMs',
        walk.ms === null ? null : walk.longTasks.worstMs,
        note,
      ),
    }
  } finally {
    await rpc.call('runs.cancel', { id: run.id }).catch(() => null)
  }
}
