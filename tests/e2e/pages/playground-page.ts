import type { Locator, Page } from '@playwright/test'

/** A prompt's Playground tab: cases, models, the answers side by side, Save as run. */
export class PlaygroundPage {
  readonly tab: Locator

  constructor(readonly page: Page) {
    this.tab = page.getByTestId('playground-tab')
  }

  async open(): Promise<void> {
    await this.page.getByTestId('tab-playground').click()
  }

  /** Options read "name (case count)": picked by name once the dataset list has arrived. */
  async selectDataset(name: string): Promise<void> {
    const select = this.tab.getByTestId('playground-dataset')
    const option = select.locator('option', { hasText: `${name} (` }).first()
    await option.waitFor({ state: 'attached' })
    await select.selectOption((await option.getAttribute('value')) ?? '')
  }

  case(key: string): Locator {
    return this.tab.locator(`[data-testid="playground-case"][data-case-key="${key}"]`)
  }

  /** The first case keys the picker lists, once it lists at least `n`. */
  async firstCaseKeys(n: number): Promise<string[]> {
    const boxes = this.tab.getByTestId('playground-case')
    await boxes.nth(n - 1).waitFor()
    const keys: string[] = []
    for (let i = 0; i < n; i++) keys.push((await boxes.nth(i).getAttribute('data-case-key')) ?? '')
    return keys
  }

  async addModel(modelId: string): Promise<void> {
    const index = await this.tab.getByTestId('playground-model').count()
    await this.tab.getByTestId('playground-add-model').click()
    await this.tab.getByTestId(`playground-model-${index}-id`).fill(modelId)
  }

  get tried(): Locator {
    return this.tab.getByTestId('playground-tried')
  }

  caseRow(key: string): Locator {
    return this.tab.getByRole('region', { name: `Case ${key}` })
  }

  score(answer: Locator, metric: string): Locator {
    return answer.locator(`[data-testid="playground-score"][data-metric="${metric}"]`)
  }

  fact(answer: Locator, name: 'tokens' | 'cost' | 'latency'): Locator {
    return answer.getByTestId(`playground-${name}`)
  }

  /** Compare, once "Open in Compare" took us there: the saved run's slices. */
  get compareSlices(): Locator {
    return this.page.getByTestId('compare-screen').getByTestId('compare-slice')
  }

  get answers(): Locator {
    return this.tab.getByTestId('playground-answer')
  }

  doneAnswers(): Locator {
    return this.tab.locator('[data-testid="playground-answer"][data-status="done"]')
  }

  get saveButton(): Locator {
    return this.tab.getByTestId('playground-save')
  }

  get saved(): Locator {
    return this.tab.getByTestId('playground-saved')
  }

  get openInCompare(): Locator {
    return this.tab.getByTestId('playground-open-compare')
  }
}
