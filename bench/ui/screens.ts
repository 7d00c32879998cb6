/**
 * The screens of the UI benchmark, driven through the page objects of the e2e tests: every wait is on what
 * the screen shows (a locator), within a budget; a step that does not get there yields null and a
 * "not reached in N s" note instead of hanging the benchmark.
 */
import { performance } from 'node:perf_hooks'
import type { Page } from '@playwright/test'
import { AppPage } from '../../tests/e2e/pages/app-page'
import { RunsPage } from '../../tests/e2e/pages/runs-page'
import { flickResults, longTasksSince, pageNow, type FlickFigures, type LongTasks } from './page-probes'

export interface Timed {
  ms: number | null
  note?: string
}

/** Runs `work` with a budget (passed on as each wait's timeout); its wall time, or null when it failed. */
export async function timed(budgetMs: number, work: (timeout: number) => Promise<unknown>): Promise<Timed> {
  const started = performance.now()
  try {
    await work(budgetMs)
    return { ms: Math.round(performance.now() - started) }
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    return { ms: null, note: `not reached in ${budgetMs / 1000} s (${reason})` }
  }
}

/** The compare screen's charts, in the order they appear on the page. */
export const compareCharts = [
  'chart-quality',
  'chart-quality-segment',
  'chart-cost',
  'chart-cost-segment',
  'chart-latency',
  'chart-pareto',
  'chart-trend',
] as const

export class BenchScreens {
  readonly app: AppPage
  readonly runs: RunsPage

  constructor(readonly page: Page) {
    this.app = new AppPage(page)
    this.runs = new RunsPage(page)
  }

  private id(testId: string) {
    return this.page.getByTestId(testId)
  }

  /** The first result row of the open run's grid is on screen. */
  firstRowVisible(timeout: number) {
    return this.runs.resultRows().first().waitFor({ state: 'visible', timeout })
  }

  /** A slice's figures in the open run's summary are on screen. */
  summaryFiguresVisible(timeout: number) {
    return this.id('run-summary').getByTestId('summary-metric').first().waitFor({ state: 'visible', timeout })
  }

  async openPage(url: string, timeout: number): Promise<Timed & { longTasks: LongTasks }> {
    const result = await timed(timeout, async (t) => {
      await this.page.goto(url, { timeout: t })
      await this.page.locator('html[data-app-state="ready"]').waitFor({ state: 'attached', timeout: t })
    })
    return { ...result, longTasks: await longTasksSince(this.page, 0) }
  }

  /** Runs list → the run: click its row, until the first result rows show. */
  async openRunGrid(runName: string, timeout: number): Promise<Timed> {
    await this.app.nav('runs').click()
    const row = this.runs.runRow(runName)
    await row.waitFor({ state: 'visible', timeout })
    return timed(timeout, async (t) => {
      await row.click({ timeout: t })
      await this.firstRowVisible(t)
    })
  }

  summaryTab(timeout: number): Promise<Timed> {
    return timed(timeout, async (t) => {
      await this.id('run-tab-summary').click({ timeout: t })
      await this.summaryFiguresVisible(t)
    })
  }

  resultsTab(timeout: number): Promise<Timed> {
    return timed(timeout, async (t) => {
      await this.id('run-tab-results').click({ timeout: t })
      await this.firstRowVisible(t)
    })
  }

  /** A fast flick: 1,500 px (50 rows) a frame for 3 s through the open grid. */
  flick(): Promise<FlickFigures> {
    return flickResults(this.page, 1500, 3000)
  }

  /**
   * Compare → add the run → every chart drawn (ECharts' 'finished' sets data-rendered). Each chart is
   * scrolled into view in turn, so charts that draw only when visible are measured as a user would see them.
   */
  async compareAllCharts(
    runName: string,
    timeout: number,
  ): Promise<Timed & { longTasks: LongTasks; drawn: number }> {
    await this.app.nav('compare').click()
    const screen = this.id('compare-screen')
    await screen.getByTestId('compare-run').selectOption({ label: runName }, { timeout })
    const since = await pageNow(this.page)
    let drawn = 0
    const result = await timed(timeout, async (t) => {
      const deadline = performance.now() + t
      await screen.getByTestId('compare-add-run').click({ timeout: t })
      for (const chart of compareCharts) {
        const left = Math.max(1, deadline - performance.now())
        const element = screen.getByTestId(chart)
        await element.scrollIntoViewIfNeeded({ timeout: left })
        await screen
          .locator(`[data-testid="${chart}"][data-rendered="true"]`)
          .waitFor({ state: 'attached', timeout: left })
        drawn++
      }
    })
    return { ...result, drawn, longTasks: await longTasksSince(this.page, since) }
  }

  /**
   * While `batchName` runs: Runs → the big run's results → its summary → Runs → the running batch → its
   * results → Compare → Runs, each step waiting for what that screen shows. Long tasks over the whole walk.
   */
  async clickThroughDuringBatch(
    bigRun: string,
    batchRun: string,
    timeout: number,
  ): Promise<Timed & { longTasks: LongTasks }> {
    const since = await pageNow(this.page)
    const result = await timed(timeout, async (t) => {
      await this.app.nav('runs').click({ timeout: t })
      await this.runs.runRow(bigRun).click({ timeout: t })
      await this.id('run-tab-results').click({ timeout: t })
      await this.firstRowVisible(t)
      await this.id('run-tab-summary').click({ timeout: t })
      await this.summaryFiguresVisible(t)
      await this.app.nav('runs').click({ timeout: t })
      await this.runs.runRow(batchRun).click({ timeout: t })
      await this.runs.status.filter({ hasText: 'running' }).waitFor({ state: 'visible', timeout: t })
      await this.id('run-tab-results').click({ timeout: t })
      await this.firstRowVisible(t)
      await this.app.nav('compare').click({ timeout: t })
      await this.id('compare-screen').waitFor({ state: 'visible', timeout: t })
      await this.app.nav('runs').click({ timeout: t })
      await this.id('runs-list').waitFor({ state: 'visible', timeout: t })
    })
    return { ...result, longTasks: await longTasksSince(this.page, since) }
  }
}
