import { expect, type Locator, type Page } from '@playwright/test'

/** The code scorer form of the Eval suite tab: its Monaco source, limits and the test panel. */
export class CodeScorerPage {
  constructor(readonly page: Page) {}

  private id(testId: string): Locator {
    return this.page.getByTestId(testId)
  }

  get form(): Locator {
    return this.id('scorer-form')
  }

  /** Opens a new scorer of the code kind (the form starts from the template). */
  async startNew(): Promise<void> {
    await this.id('suite-add-scorer').click()
    await this.form.getByTestId('scorer-kind').selectOption('code')
    await expect(this.editor()).toBeVisible()
  }

  /** The source editor (Monaco), once mounted. */
  editor(): Locator {
    return this.id('scorer-source').locator('.monaco-editor')
  }

  /**
   * Replaces the whole source as a paste (select all, then a paste event with the text): typed text would be
   * re-indented and get closing brackets from Monaco, as a user typing it would.
   */
  async writeSource(source: string): Promise<void> {
    await this.editor().locator('.view-lines').click()
    await this.page.keyboard.press('ControlOrMeta+A')
    // The focused element is Monaco's input (a textarea or its EditContext element, by Chromium version).
    // A script string: this file compiles without the DOM's types (tsconfig.node.json).
    await this.page.evaluate(`(() => {
      const data = new DataTransfer()
      data.setData('text/plain', ${JSON.stringify(source)})
      const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
      document.activeElement?.dispatchEvent(paste)
    })()`)
  }

  /** Runs the scorer from the editor with Ctrl+Enter (the focus must be in the editor). */
  async runFromEditor(): Promise<void> {
    await this.editor().locator('.view-lines').click()
    await this.page.keyboard.press('ControlOrMeta+Enter')
  }

  async pickResult(caseKey: string): Promise<void> {
    await this.id('code-test-case-key').fill(caseKey)
    await expect(this.id('code-test-result-select')).toContainText(caseKey)
  }

  async run(): Promise<void> {
    await this.id('code-test-run').click()
  }

  /** The test panel's answer: score, pass, reason (or the error) and the input JSON. */
  outcome(part: 'score' | 'passed' | 'reason' | 'error' | 'input'): Locator {
    return this.id(`code-test-${part}`)
  }

  metric(): Locator {
    return this.form.getByTestId('scorer-metric')
  }

  async name(metric: string, label: string): Promise<void> {
    await this.metric().fill(metric)
    await this.form.getByTestId('scorer-label').fill(label)
  }

  /** Adds the scorer to the suite draft. */
  async add(): Promise<void> {
    await this.form.getByTestId('scorer-save').click()
    await expect(this.form).toBeHidden()
  }

  problem(): Locator {
    return this.form.getByTestId('scorer-problem')
  }
}
