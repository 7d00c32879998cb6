import { expect, type Locator, type Page } from '@playwright/test'

/** The prompt registry screen: list, detail, Monaco message editors and the save bar. */
export class PromptsPage {
  constructor(readonly page: Page) {}

  promptItems(): Locator {
    return this.page.getByTestId('prompt-item')
  }

  promptItem(name: string): Locator {
    return this.page.getByTestId('prompt-item').filter({ hasText: name })
  }

  async openPrompt(name: string): Promise<void> {
    await this.promptItem(name).click()
    await expect(this.page.getByTestId('prompt-detail')).toContainText(name)
  }

  /** The Monaco editor of message `index` (0-based), once Monaco has mounted. */
  messageEditor(index: number): Locator {
    return this.page.getByTestId(`message-editor-${index}`).locator('.monaco-editor')
  }

  /** Types at the very start of a message, which keeps the edit in Monaco's visible first line. */
  async typeAtStartOfMessage(index: number, text: string): Promise<void> {
    const editor = this.messageEditor(index)
    await expect(editor).toBeVisible()
    await editor.locator('.view-lines').click()
    await this.page.keyboard.press('ControlOrMeta+Home')
    await this.page.keyboard.type(text)
  }

  async saveVersion(commitMessage: string): Promise<void> {
    await this.page.getByTestId('commit-message').fill(commitMessage)
    await this.page.getByTestId('save-version').click()
  }

  get saveStatus(): Locator {
    return this.page.getByTestId('save-status')
  }

  versionItems(): Locator {
    return this.page.getByTestId('version-item')
  }

  /** The tools JSON editor (Monaco), once mounted. */
  toolsEditor(): Locator {
    return this.page.getByTestId('tools-editor').locator('.monaco-editor')
  }

  get toolsProblems(): Locator {
    return this.page.getByTestId('tools-problems')
  }

  /** Types at the very start of the tools JSON. */
  async typeAtStartOfTools(text: string): Promise<void> {
    await expect(this.toolsEditor()).toBeVisible()
    await this.toolsEditor().locator('.view-lines').click()
    await this.page.keyboard.press('ControlOrMeta+Home')
    await this.page.keyboard.type(text)
  }

  async addExampleTool(): Promise<void> {
    await this.page.getByTestId('tools-add-example').click()
  }

  async addPlaceholder(): Promise<void> {
    await this.page.getByTestId('add-placeholder').click()
  }

  /** The conversation placeholder shown as message `index`. */
  placeholder(index: number): Locator {
    return this.page.getByTestId(`message-placeholder-${index}`)
  }

  get toolChoice(): Locator {
    return this.page.getByTestId('tool-choice')
  }

  get stepLimit(): Locator {
    return this.page.getByTestId('max-tool-steps')
  }

  async showDiff(): Promise<void> {
    await this.page.getByTestId('tab-diff').click()
    await expect(this.page.getByTestId('diff-view')).toBeVisible()
  }

  diffTool(name: string): Locator {
    return this.page.locator(`[data-testid="diff-tool"][data-tool="${name}"]`)
  }

  diffParamRow(field: string): Locator {
    return this.page.locator(`[data-testid="diff-param-row"][data-field="${field}"]`)
  }
}
