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
}
