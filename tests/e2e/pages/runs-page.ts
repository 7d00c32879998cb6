import { expect, type Locator, type Page } from '@playwright/test'

/** The Runs screen: the new-run form with its estimate, the runs list, a run's progress and its results. */
export class RunsPage {
  constructor(readonly page: Page) {}

  private id(testId: string): Locator {
    return this.page.getByTestId(testId)
  }

  /** Plans a run of one prompt's versions over the simulated demo models, and checks the estimate. */
  async planDemoRun(options: { prompt: string; versions: number[]; concurrency: number; name: string }) {
    await this.id('runs-new').click()
    await this.id('new-run-prompt').selectOption({ label: options.prompt })
    const versionBoxes = this.page.locator('[data-testid^="new-run-version-"]')
    for (const box of await versionBoxes.all()) await box.uncheck()
    for (const v of options.versions) await this.id(`new-run-version-${v}`).check()
    for (const box of await this.id('new-run-model').all()) {
      const model = (await box.getAttribute('data-model')) ?? ''
      if (model.startsWith('demo/')) await box.check()
      else await box.uncheck()
    }
    await this.id('new-run-concurrency').fill(String(options.concurrency))
    await this.id('new-run-name').fill(options.name)
  }

  estimate(part: 'calls' | 'tokens' | 'cost' | 'time'): Locator {
    return this.id(`estimate-${part}`)
  }

  async start(): Promise<void> {
    await this.id('new-run-start').click()
  }

  runRow(name: string): Locator {
    return this.id('run-row').filter({ hasText: name })
  }

  get status(): Locator {
    return this.id('run-status')
  }

  /** Done count read from the progress bar. */
  async done(): Promise<number> {
    return Number(await this.id('run-progress').getAttribute('aria-valuenow'))
  }

  async waitForStatus(status: string, timeout = 30_000): Promise<void> {
    await expect(this.status).toHaveText(status, { timeout })
  }

  get results(): Locator {
    return this.id('results-grid')
  }

  resultRows(status?: 'ok' | 'error'): Locator {
    const rows = this.id('result-row')
    return status ? rows.and(this.page.locator(`[data-status="${status}"]`)) : rows
  }
}
