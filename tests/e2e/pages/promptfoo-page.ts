import { expect, type Locator, type Page } from '@playwright/test'

/**
 * A promptfoo file on its way through the product: the import wizard's assertions notice, the offer to add
 * the "promptfoo assertions" scorer after the import, and a result's per-assertion verdicts.
 */
export class PromptfooPage {
  constructor(readonly page: Page) {}

  private get wizard(): Locator {
    return this.page.getByTestId('import-dialog-dataset')
  }

  /** The wizard's notice about the file's assertions (how many, which need a judge). */
  get importNotice(): Locator {
    return this.wizard.getByTestId('import-assertions')
  }

  /** The wizard's line naming the assertion types Eval Lab does not run. */
  get importNotRun(): Locator {
    return this.wizard.getByTestId('import-assertions-not-run')
  }

  /** The banner shown after the import. */
  get offer(): Locator {
    return this.page.getByTestId('assertions-offer')
  }

  /** Adds the scorer to `prompt`'s suite from the banner and waits until the banner says it did. */
  async addScorerTo(prompt: string): Promise<Locator> {
    const picker = this.offer.getByTestId('assertions-offer-prompt')
    await picker.selectOption({ label: prompt })
    const add = this.offer.getByTestId('assertions-offer-add')
    await expect(add).toHaveText(`Add a ‘promptfoo assertions’ scorer to ${prompt}’s suite`)
    await add.click()
    const done = this.offer.getByTestId('assertions-offer-done')
    await expect(done).toBeVisible()
    return done
  }

  /** A result detail's score for one metric (`data-verdict` pass/fail/none). */
  score(metric: string): Locator {
    return this.page
      .getByTestId('result-detail')
      .locator(`[data-testid="result-score"][data-metric="${metric}"]`)
  }

  /** The value a result's score shows ("not scored" when the scorer could not score it). */
  scoreValue(metric: string): Locator {
    return this.score(metric).getByTestId('result-score-value')
  }

  /** The per-assertion rows of a result's score (`data-type`, `data-pass`). */
  assertions(metric: string): Locator {
    return this.score(metric).getByTestId('result-assertion')
  }

  assertion(metric: string, type: string): Locator {
    return this.assertions(metric).and(this.page.locator(`[data-type="${type}"]`))
  }
}
