import type { Locator, Page } from '@playwright/test'

/** Batch mode on the Runs screen: the dialog's mode choice, the waiting line, the jobs list, "batch" latency. */
export class BatchRunPage {
  constructor(readonly page: Page) {}

  private id(testId: string): Locator {
    return this.page.getByTestId(testId)
  }

  /** The radio of a mode in the new-run form. */
  mode(mode: 'stream' | 'batch'): Locator {
    return this.id(`new-run-mode-${mode}`)
  }

  /** A mode's cost or time beside its radio. */
  modeFigure(mode: 'stream' | 'batch', part: 'cost' | 'time'): Locator {
    return this.id(`estimate-${part}-${mode}`)
  }

  /** The line saying whether a provider's calls go as batch jobs in batch mode, and why. */
  support(provider: string): Locator {
    return this.page.locator(`[data-testid="new-run-batch-support"][data-provider="${provider}"]`)
  }

  get waitLine(): Locator {
    return this.id('batch-wait-text')
  }

  get lastChecked(): Locator {
    return this.id('batch-wait-polled')
  }

  /** The run's batch jobs, optionally in one state. */
  jobs(state?: string): Locator {
    return state
      ? this.page.locator(`[data-testid="batch-job"][data-state="${state}"]`)
      : this.id('batch-job')
  }

  /** The latency cells of the results grid's rendered rows. */
  get latencyCells(): Locator {
    return this.page.getByTestId('result-row').getByTestId('result-latency')
  }
}
