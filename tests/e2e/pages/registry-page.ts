import { expect, type Locator, type Page } from '@playwright/test'

/** Registry actions on the prompt detail: creating, environments, approvals, diff and history. */
export class RegistryPage {
  constructor(readonly page: Page) {}

  async createPrompt(p: {
    name: string
    provider: string
    model: string
    message: string
    commit: string
    /** e.g. '0': answers at temperature 0 are deterministic (and cacheable). */
    temperature?: string
    responseFormat?: 'text' | 'json_object'
  }) {
    await this.page.getByTestId('new-prompt').click()
    const dialog = this.page.getByTestId('new-prompt-dialog')
    await expect(dialog).toBeVisible()
    await dialog.getByTestId('new-prompt-name').fill(p.name)
    await dialog.getByTestId('new-prompt-model-provider').selectOption(p.provider)
    await dialog.getByTestId('new-prompt-model-id').fill(p.model)
    if (p.temperature !== undefined)
      await dialog.getByTestId('new-prompt-param-temperature').fill(p.temperature)
    if (p.responseFormat)
      await dialog.getByTestId('new-prompt-param-response-format').selectOption(p.responseFormat)
    await dialog.getByTestId('new-prompt-message-0').fill(p.message)
    await dialog.getByTestId('new-prompt-commit').fill(p.commit)
    await dialog.getByTestId('create-prompt').click()
    await expect(dialog).toBeHidden()
  }

  /** Opens the new-prompt dialog (to look at it; createPrompt fills and creates). */
  async openNewPrompt(): Promise<void> {
    await this.page.getByTestId('new-prompt').click()
    await expect(this.page.getByTestId('new-prompt-dialog')).toBeVisible()
  }

  async closeNewPrompt(): Promise<void> {
    await this.page.keyboard.press('Escape')
    await expect(this.page.getByTestId('new-prompt-dialog')).toBeHidden()
  }

  /** The provider choices of the new-prompt dialog's model picker (every provider Settings has). */
  newPromptProviderOptions(): Locator {
    return this.page
      .getByTestId('new-prompt-dialog')
      .getByTestId('new-prompt-model-provider')
      .locator('option')
  }

  /** Pins the shown version's model to another one and saves the edit as the next version. */
  async saveWithModel(model: { provider: string; model: string }, commit: string): Promise<void> {
    await this.page.getByTestId('model-provider').selectOption(model.provider)
    await this.page.getByTestId('model-id').fill(model.model)
    await this.page.getByTestId('commit-message').fill(commit)
    await this.page.getByTestId('save-version').click()
    await expect(this.page.getByTestId('save-status')).toBeVisible()
  }

  /** "Run vN…": a new run on the shown version with its pinned model checked. */
  async runShownVersion(): Promise<void> {
    await this.page.getByTestId('run-version').click()
  }

  version(number: number): Locator {
    return this.page.locator(`[data-testid="version-item"][data-version-number="${number}"]`)
  }

  /** The prompt's Editor tab, where the version list is. */
  async showEditor(): Promise<void> {
    await this.page.getByTestId('tab-editor').click()
    await expect(this.page.getByTestId('tab-editor')).toHaveAttribute('aria-selected', 'true')
  }

  /** Opens a version and waits until the detail shows it, so the actions clicked next act on that version. */
  async showVersion(number: number): Promise<void> {
    await this.version(number).click()
    await expect(this.version(number)).toHaveAttribute('aria-current', 'true')
  }

  envBadge(env: 'staging' | 'prod'): Locator {
    return this.page.getByTestId(`env-badge-${env}`)
  }

  async promote(env: 'staging' | 'prod', reason: string): Promise<void> {
    await this.page.getByTestId(`promote-${env}`).click()
    const dialog = this.page.getByTestId('promotion-dialog')
    await expect(dialog).toBeVisible()
    await dialog.getByTestId('promotion-reason').fill(reason)
    await dialog.getByTestId('confirm-promotion').click()
    await expect(dialog).toBeHidden()
  }

  gateRequirements(): Locator {
    return this.page.getByTestId('promotion-dialog').getByTestId('gate-requirement')
  }

  /** The eval gate's requirement in the promotion dialog (the one an override may waive). */
  evalGateRequirement(): Locator {
    return this.gateRequirements().and(this.page.locator('[data-overridable="true"]'))
  }

  async openPromotion(env: 'staging' | 'prod'): Promise<void> {
    await this.page.getByTestId(`promote-${env}`).click()
    await expect(this.page.getByTestId('promotion-dialog')).toBeVisible()
  }

  get promotionReason(): Locator {
    return this.page.getByTestId('promotion-reason')
  }

  get confirmPromotion(): Locator {
    return this.page.getByTestId('confirm-promotion')
  }

  async closePromotion(): Promise<void> {
    await this.page.keyboard.press('Escape')
    await expect(this.page.getByTestId('promotion-dialog')).toBeHidden()
  }

  /** Records an approval from the open promotion dialog and waits until the dialog counts it. */
  async approveInPromotion(comment: string): Promise<void> {
    await this.page.getByTestId('approve-version').click()
    await this.page.getByTestId('approval-comment').fill(comment)
    await this.page.getByTestId('confirm-approval').click()
    const approval = this.gateRequirements().and(this.page.locator('[data-key="approval"]'))
    await expect(approval).toHaveAttribute('data-satisfied', 'true')
  }

  async rollbackProd(toVersion: number, reason: string): Promise<void> {
    await this.page.getByTestId('rollback-prod').click()
    const dialog = this.page.getByTestId('rollback-dialog')
    await dialog.getByTestId('rollback-target').selectOption(String(toVersion))
    await dialog.getByTestId('rollback-reason').fill(reason)
    await dialog.getByTestId('confirm-rollback').click()
    await expect(dialog).toBeHidden()
  }

  historyEntries(): Locator {
    return this.page.getByTestId('history-entry')
  }
}
