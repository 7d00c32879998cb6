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

  resultRows(status?: 'ok' | 'error'): Locator {
    const rows = this.id('result-row')
    return status ? rows.and(this.page.locator(`[data-status="${status}"]`)) : rows
  }
}
