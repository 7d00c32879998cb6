import { expect, type Locator, type Page } from '@playwright/test'

/** The Review screen: queues, the one-item-at-a-time review view and the queue report. */
export class ReviewPage {
  constructor(readonly page: Page) {}

  private id(testId: string): Locator {
    return this.page.getByTestId(testId)
  }

  /** A queue over a sample of a run's results, for the named reviewers (created when missing). */
  async createQueue(q: {
    name: string
    run: string
    criterion: string
    /** A random sample of this many results, or the results failing this metric (`{ failingOn }`). */
    sample: number | { failingOn: string }
    reviewers: string[]
    perItem: number
  }): Promise<void> {
    await this.id('queue-new').click()
    const dialog = this.id('queue-dialog')
    await expect(dialog).toBeVisible()
    await dialog.getByTestId('queue-run').selectOption({ label: q.run })
    // Until the rubrics arrive the only option is "No rubrics yet" (value ''): choose a real one.
    const rubric = dialog.getByTestId('queue-rubric')
    await expect(rubric.locator('option[value=""]')).toHaveCount(0)
    await rubric.selectOption({ index: 0 })
    // Choosing a rubric checks all its criteria: keep only the one asked for, found by its key.
    const criterion = dialog.locator(`[data-testid="queue-criterion"][data-key="${q.criterion}"]`)
    const others = dialog.locator(`[data-testid="queue-criterion"]:not([data-key="${q.criterion}"])`)
    const checked = this.page.locator(':checked')
    await criterion.check()
    // Each pass reads the live form again; the loop ends when no other criterion is left checked.
    while ((await others.and(checked).count()) > 0) await others.and(checked).first().uncheck()
    await expect(others.and(checked)).toHaveCount(0)
    await expect(criterion).toBeChecked()
    if (typeof q.sample === 'number') {
      await dialog.getByTestId('queue-source').selectOption('sample')
      await dialog.getByTestId('queue-sample-n').fill(String(q.sample))
    } else {
      await dialog.getByTestId('queue-source').selectOption('failing')
      await dialog.getByTestId('queue-failing-metric').selectOption(q.sample.failingOn)
    }
    for (const name of q.reviewers) {
      await dialog.getByTestId('reviewer-new-name').fill(name)
      await dialog.getByTestId('reviewer-new-add').click()
      await dialog.locator(`[data-testid="queue-assignee"][data-name="${name}"]`).check()
    }
    await dialog.getByTestId('queue-reviewers-per-item').fill(String(q.perItem))
    await dialog.getByTestId('queue-name').fill(q.name)
    await dialog.getByTestId('queue-create').click()
    await expect(dialog).toBeHidden()
  }

  async reviewAs(name: string): Promise<void> {
    await this.id('queue-tab-review').click()
    await this.id('review-as').selectOption({ label: name })
    await this.id('review-start').click()
    await expect(this.id('review-item')).toBeVisible()
  }

  /**
   * Scores every item of a one-criterion queue with the keyboard only: `answer(i)` says y or n for the i-th
   * item seen. Scoring an item's last criterion moves on to the next item by itself.
   */
  async scoreAllWithKeys(items: number, answer: (index: number) => 'y' | 'n'): Promise<void> {
    for (let i = 0; i < items; i++) {
      const item = this.id('review-item')
      await expect(item).toHaveAttribute('data-position', String(i + 1))
      await expect(item).toHaveAttribute('data-status', 'pending')
      await this.page.keyboard.press(answer(i))
      // Saved, the next item shows (or, after the last, the done screen): waited for at the loop's top.
    }
    await expect(this.id('review-done')).toBeVisible()
  }

  /** The output's tool calls, each with its name and arguments as text. */
  outputToolCalls(): Locator {
    return this.id('review-output-tool-calls').locator('.tool-call')
  }

  /** The queue report's disagreements (open the report tab first). */
  disagreements(): Locator {
    return this.id('disagreement')
  }

  /**
   * Adjudicates a disagreement with the score option at `scoreIndex` and a reason; with `expected`, the
   * case's expected field is corrected too. Returns the value the run had for that field.
   */
  async adjudicate(
    disagreement: Locator,
    a: { scoreIndex: number; reason: string; expected?: { field: string; value: (was: string) => string } },
  ): Promise<string | null> {
    await disagreement.getByTestId('adjudicate-value').selectOption({ index: a.scoreIndex })
    await disagreement.getByTestId('adjudicate-reason').fill(a.reason)
    let was: string | null = null
    if (a.expected) {
      await disagreement.getByTestId('adjudicate-update-expected').check()
      await disagreement.getByTestId('correct-field').selectOption(a.expected.field)
      const value = disagreement.getByTestId('correct-value')
      await expect(value).not.toHaveValue('')
      was = await value.inputValue()
      await value.fill(a.expected.value(was))
    }
    await disagreement.getByTestId('adjudicate-save').click()
    await expect(disagreement.getByTestId('adjudicated')).toBeVisible()
    return was
  }
}
