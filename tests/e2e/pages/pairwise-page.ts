import { expect, type Locator, type Page } from '@playwright/test'

/** Compare's run and slice pickers, and the pairwise judge panel under the cases. */
export class PairwisePage {
  readonly screen: Locator
  readonly panel: Locator

  constructor(readonly page: Page) {
    this.screen = page.getByTestId('compare-screen')
    this.panel = this.screen.getByTestId('pairwise-panel')
  }

  /** Adds the run and leaves exactly the two slices picked: baseline first, candidate second. */
  async pickSlices(runName: string, baseline: SliceRef, candidate: SliceRef): Promise<void> {
    await this.screen.getByTestId('compare-run').selectOption({ label: runName })
    await this.screen.getByTestId('compare-add-run').click()
    const slices = this.screen.getByTestId('compare-slice')
    await expect(slices).toHaveCount(4)
    const wanted = [baseline, candidate]
    for (const box of await slices.all()) {
      const version = Number(await box.getAttribute('data-version'))
      const model = await box.getAttribute('data-model')
      const keep = wanted.some((w) => w.version === version && w.model === model)
      await box.setChecked(keep)
    }
    await expect(this.screen.locator('[data-testid="compare-slice"]:checked')).toHaveCount(2)
  }

  async judge(rubric: string, criterion: string, model: string): Promise<void> {
    await this.panel.getByTestId('pairwise-rubric').selectOption({ label: rubric })
    await this.panel.getByTestId('pairwise-criterion').selectOption({ label: criterion })
    await this.panel.getByTestId('pairwise-judge').fill(model)
    await this.panel.getByTestId('pairwise-start').click()
  }

  /** Stops the judge calls (the button shows while judging). */
  async stop(): Promise<void> {
    await this.panel.getByTestId('pairwise-cancel').click()
  }

  /** "Judge the rest": starts the stopped comparison again. */
  async resume(): Promise<void> {
    await this.panel.getByTestId('pairwise-resume').click()
  }

  get status(): Locator {
    return this.panel.getByTestId('pairwise-status')
  }

  figure(
    name: 'judged' | 'b-wins' | 'a-wins' | 'ties' | 'win-rate' | 'inconsistent' | 'failed' | 'cost',
  ): Locator {
    return this.panel.getByTestId(`pairwise-${name}`)
  }

  get cases(): Locator {
    return this.panel.getByTestId('pairwise-case')
  }

  async filter(value: 'all' | 'a' | 'b' | 'tie' | 'inconsistent' | 'failed'): Promise<void> {
    await this.panel.getByTestId('pairwise-filter').selectOption(value)
  }

  get detail(): Locator {
    return this.panel.getByTestId('pairwise-case-detail')
  }
}

export interface SliceRef {
  version: number
  model: string
}
