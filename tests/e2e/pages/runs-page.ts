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

  /** A model of the new-run form, by its `provider/model` key. */
  modelOption(key: string): Locator {
    return this.page.locator(`[data-testid="new-run-model"][data-model="${key}"]`)
  }

  /** The checked models whose key starts with `prefix` (e.g. `demo/`). */
  checkedModels(prefix: string): Locator {
    return this.page.locator(`[data-testid="new-run-model"][data-model^="${prefix}"]:checked`)
  }

  version(number: number): Locator {
    return this.id(`new-run-version-${number}`)
  }

  /** Adds a model typed as provider/model; it is checked once added. */
  async addModel(key: string): Promise<void> {
    await this.id('new-run-add-model').fill(key)
    await this.id('new-run-add-model-button').click()
    await expect(this.modelOption(key)).toBeChecked()
  }

  /** The dataset, by the label the form shows (`name (N cases)`). */
  async chooseDataset(label: string): Promise<void> {
    await this.id('new-run-dataset').selectOption({ label })
  }

  /** Every call goes to the model server (no answers reused from the cache), at this concurrency. */
  async callEveryCase(options: { concurrency: number; name: string }): Promise<void> {
    await this.id('new-run-cache').uncheck()
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

  /** Pause, cancel or resume the open run. */
  async control(action: 'pause' | 'cancel' | 'resume'): Promise<void> {
    await this.id(`run-${action}`).click()
  }

  /** The progress bar: `aria-valuenow` is the number of results stored. */
  get progress(): Locator {
    return this.id('run-progress')
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

  /** The grid's count of results matching the filters (`data-total`). */
  get resultsTotal(): Locator {
    return this.id('results-total')
  }

  /** The Case filter: a case's key as the dataset names it (e.g. IR-07), applied at once. */
  get caseFilter(): Locator {
    return this.id('results-filter-case')
  }

  async filterByCase(key: string): Promise<void> {
    await this.caseFilter.fill(key)
    await this.caseFilter.press('Enter')
  }

  async clearFilters(): Promise<void> {
    await this.id('results-clear-filters').click()
  }

  async showResults(): Promise<void> {
    await this.id('run-tab-results').click()
  }

  /** Shows one model's results (`provider/model`), or all with ''. */
  async filterByModel(key: string): Promise<void> {
    await this.id('results-filter-model').selectOption(key)
  }

  resultRows(status?: 'ok' | 'error'): Locator {
    const rows = this.id('result-row')
    return status ? rows.and(this.page.locator(`[data-status="${status}"]`)) : rows
  }
}
