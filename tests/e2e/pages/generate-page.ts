import { expect, type Locator, type Page } from '@playwright/test'

/** Datasets → Generate cases: the dialog (model, N) and the drafts review. */
export class GeneratePage {
  constructor(readonly page: Page) {}

  /** The "Generate…" link beside a thin segment in the Coverage panel. */
  fromThinSegment(tag: string): Locator {
    return this.page.locator(`[data-testid="coverage-generate"][data-tag="${tag}"]`)
  }

  get dialog(): Locator {
    return this.page.getByTestId('generate-dialog')
  }

  /** Fills the open dialog and asks for the cases; resolves when the drafts review shows. */
  async generate(count: number, model?: string): Promise<void> {
    if (model !== undefined) await this.dialog.getByTestId('generate-model').fill(model)
    await this.dialog.getByTestId('generate-count').fill(String(count))
    await this.dialog.getByTestId('generate-confirm').click()
    await expect(this.dialog).toBeHidden()
    await expect(this.review).toBeVisible()
  }

  get review(): Locator {
    return this.page.getByTestId('drafts-review')
  }

  drafts(): Locator {
    return this.review.getByTestId('draft')
  }

  /** Drafts flagged as a near or exact duplicate of an existing case or another draft. */
  flaggedDrafts(): Locator {
    return this.review.locator('[data-testid="draft"][data-duplicate="true"]')
  }

  /** Ticks the first `count` drafts and accepts them together. */
  async acceptFirst(count: number): Promise<void> {
    for (let i = 0; i < count; i++) await this.drafts().nth(i).getByTestId('draft-select').check()
    const accept = this.review.getByTestId('drafts-accept-selected')
    await expect(accept).toHaveText(`Accept ${count} drafts`)
    await accept.click()
  }

  get added(): Locator {
    return this.review.getByTestId('drafts-added')
  }

  async backToCases(): Promise<void> {
    await this.review.getByTestId('drafts-back').click()
  }
}
