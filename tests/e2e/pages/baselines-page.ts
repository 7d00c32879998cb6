import { join } from 'node:path'
import { expect, type Locator, type Page } from '@playwright/test'

/** Signing keys (Settings), sign-off (run summary) and the prompt's baseline folder panel. */
export class BaselinesPage {
  constructor(readonly page: Page) {}

  private id(testId: string): Locator {
    return this.page.getByTestId(testId)
  }

  async createSigningKey(owner: string): Promise<Locator> {
    await this.id('signing-key-owner').fill(owner)
    await this.id('signing-key-create').click()
    const row = this.id('signing-key-row').filter({ hasText: owner })
    await expect(row).toBeVisible()
    return row
  }

  /**
   * Exports a signing key's public key (a download) into `folder` under the name the app gives it: the file a
   * CI job lists as an allowed signer. Returns its path.
   */
  async exportPublicKey(owner: string, folder: string): Promise<string> {
    const row = this.id('signing-key-row').filter({ hasText: owner })
    const download = this.page.waitForEvent('download')
    await row.getByTestId('signing-key-export').click()
    const file = await download
    const path = join(folder, file.suggestedFilename())
    await file.saveAs(path)
    return path
  }

  /** Signs off a run-summary slice with the first key of the signer. */
  async signOff(slice: Locator, signoff: { name: string; role: string; comment: string; withKey: boolean }) {
    await slice.getByTestId('signoff-open').click()
    await this.id('signoff-name').fill(signoff.name)
    await this.id('signoff-role').fill(signoff.role)
    await this.id('signoff-comment').fill(signoff.comment)
    if (signoff.withKey) {
      // The first option is "No signature"; the signer's own keys follow.
      await this.id('signoff-key').selectOption({ index: 1 })
    }
    await this.id('signoff-submit').click()
    await expect(this.id('signoff-result')).toBeVisible({ timeout: 30_000 })
  }

  get signoffResult(): Locator {
    return this.id('signoff-result')
  }

  async closeSignoff(): Promise<void> {
    await this.page.keyboard.press('Escape')
    await expect(this.signoffResult).toBeHidden()
  }

  /** The commit an export made, shown in its result. */
  commitSha(exported: Locator): Locator {
    return exported.getByTestId('bundle-commit-sha')
  }

  async openPromptBaselineTab(prompt: string): Promise<void> {
    await this.page.getByTestId('prompt-item').filter({ hasText: prompt }).click()
    await this.id('prompt-tab-baseline').click()
  }

  signoffRows(): Locator {
    return this.id('signoff-row')
  }

  async exportTo(folder: string, commitMessage?: string): Promise<Locator> {
    await this.id('bundle-folder').fill(folder)
    if (commitMessage !== undefined) {
      await this.id('bundle-commit').check()
      await this.id('bundle-commit-message').fill(commitMessage)
    }
    await this.id('bundle-export').click()
    return this.outcome('bundle-export', 'bundle-export-result', 'bundle-export-error')
  }

  async verify(folder: string): Promise<Locator> {
    await this.id('bundle-verify-folder').fill(folder)
    await this.id('bundle-verify').click()
    return this.outcome('bundle-verify', 'bundle-verify-result', 'bundle-verify-error')
  }

  async importFrom(folder: string): Promise<Locator> {
    await this.id('bundle-import-folder').fill(folder)
    await this.id('bundle-import').click()
    return this.outcome('bundle-import', 'bundle-import-result', 'bundle-import-error')
  }

  /**
   * The result of a folder action, or a failure that says what the screen showed instead (its error notice,
   * the button's state, the address), so a failure on a CI machine can be read without its trace.
   */
  private async outcome(button: string, resultId: string, errorId: string): Promise<Locator> {
    const result = this.id(resultId)
    const error = this.id(errorId)
    try {
      await expect(result.or(error).first()).toBeVisible({ timeout: 30_000 })
    } catch (cause) {
      throw new Error(`${resultId} never showed: ${await this.describe(button)}`, { cause })
    }
    if (await error.isVisible())
      throw new Error(`${errorId} showed instead of ${resultId}: ${await error.innerText()}`)
    return result
  }

  private async describe(button: string): Promise<string> {
    const shown = await this.id(button).count()
    const state = shown > 0 ? `button "${await this.id(button).innerText()}"` : 'button gone'
    return `${state}; tab ${await this.id('baseline-tab').count()}; at ${this.page.url()}`
  }
}
