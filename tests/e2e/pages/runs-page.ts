import { expect, type Locator, type Page } from '@playwright/test'

/** The simulated models a demo run uses unless told otherwise. */
export const demoModels = ['demo/triage-sim-2026-03', 'demo/triage-sim-2026-09'] as const

/** The Runs screen: the new-run form with its estimate, the runs list, a run's progress and its results. */
export class RunsPage {
  constructor(readonly page: Page) {}

  private id(testId: string): Locator {
    return this.page.getByTestId(testId)
  }

  /**
   * Plans a run of one prompt's versions over the simulated demo models (or `models`, as provider/model),
   * and waits until the form holds exactly that plan.
   */
  async planDemoRun(options: {
    prompt: string
    versions: number[]
    concurrency: number
    name: string
    models?: readonly string[]
  }) {
    await this.id('runs-new').click()
    const prompt = this.id('new-run-prompt')
    await prompt.selectOption({ label: options.prompt })
    await expect(prompt.locator('option:checked')).toHaveText(options.prompt)
    // Choosing a prompt checks none of its versions and no model; the versions appear once it has loaded,
    // and a checked version's pinned model joins the options later, unchecked. So each box is found by
    // what it is (never by its place in a list that is still growing), and the final set is asserted.
    for (const v of options.versions) await this.version(v).check()
    const models = options.models ?? demoModels
    for (const model of models) await this.modelOption(model).check()
    await this.id('new-run-concurrency').fill(String(options.concurrency))
    await this.id('new-run-name').fill(options.name)

    const checked = this.page.locator(':checked')
    const versions = this.page.getByRole('group', { name: 'Versions', exact: true }).getByRole('checkbox')
    await expect(versions.and(checked)).toHaveCount(options.versions.length)
    for (const v of options.versions) await expect(this.version(v)).toBeChecked()
    await expect(this.id('new-run-model').and(checked)).toHaveCount(models.length)
    for (const model of models) await expect(this.modelOption(model)).toBeChecked()
    await expect(this.id('new-run-concurrency')).toHaveValue(String(options.concurrency))
    await expect(this.id('new-run-name')).toHaveValue(options.name)
  }

  /** A model of the new-run form, by its `provider/model` key. */
  modelOption(key: string): Locator {
    return this.page.locator(`[data-testid="new-run-model"][data-model="${key}"]`)
  }

  version(number: number): Locator {
    return this.id(`new-run-version-${number}`)
  }

  /** The checked models whose key starts with `prefix` (e.g. `demo/`). */
  checkedModels(prefix: string): Locator {
    return this.page.locator(`[data-testid="new-run-model"][data-model^="${prefix}"]:checked`)
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

  /**
   * Clicks Start once the estimate is shown: the estimate and the mode choice's figures arrive together and
   * push the button down, so a click aimed before they land can miss it on a busy machine.
   */
  async start(): Promise<void> {
    await expect(this.estimate('calls')).toBeVisible()
    await this.id('new-run-start').click()
  }

  runRow(name: string): Locator {
    return this.id('run-row').filter({ hasText: name })
  }

  get status(): Locator {
    return this.id('run-status')
  }

  /** Pause, cancel (confirmed in its dialog) or resume the open run. */
  async control(action: 'pause' | 'cancel' | 'resume'): Promise<void> {
    await this.id(`run-${action}`).click()
    if (action === 'cancel') await this.id('cancel-run-dialog-confirm').click()
  }

  /** The progress bar: `aria-valuenow` is the number of results stored. */
  get progress(): Locator {
    return this.id('run-progress')
  }

  /** Done count read from the progress bar (a reading: poll it, or assert on `progress`). */
  async done(): Promise<number> {
    return Number(await this.progress.getAttribute('aria-valuenow'))
  }

  /** Waits until the progress bar shows `calls` done. */
  async waitForDone(calls: number, timeout?: number): Promise<void> {
    await expect(this.progress).toHaveAttribute('aria-valuenow', String(calls), { timeout })
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

  /** Shows one prompt version's results, by the label the filter shows (e.g. `Triage router v2`). */
  async filterByVersion(label: string): Promise<void> {
    await this.id('results-filter-version').selectOption({ label })
  }

  resultRows(status?: 'ok' | 'error'): Locator {
    const rows = this.id('result-row')
    return status ? rows.and(this.page.locator(`[data-status="${status}"]`)) : rows
  }
}
